"""The pack's assumptions table names what the engine really used."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.report.provenance import assumptions_table
from game.sim.engine import Engine, FundProject


def test_census_leakage_is_listed_with_the_rates_the_run_used() -> None:
    # Hartlepool's operational leakage comes from its Census 2021 in-commuting share; the
    # table must say so. It read a field the engine split had moved (found when the report's
    # engine stopped being typed Any), so the row was silently missing.
    eng = Engine(load_world(), area="Hartlepool", years=1, seed=3, params=shipped_parameters())
    eng.submit(FundProject(type_id="business_park", scale=1.0, label="Park"))
    eng.advance_year()
    table = assumptions_table(eng)
    rows = table[table["parameter"] == "census leakage"]
    assert len(rows) == 1
    row = rows.iloc[0]
    lad = eng.ctx.census_leakage["lad"]
    assert lad == pytest.approx(0.205, abs=0.01)  # Hartlepool: 20.5% of workplace jobs
    assert f"lad {lad:.1%}" in row["value"] and row["status"] == "derived"
