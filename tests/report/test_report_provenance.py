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


def test_a_scenario_type_with_its_own_additionality_is_listed(tmp_path, capsys) -> None:
    # Found trying the pack as an analyst: a custom type's `additionality` (a table by level)
    # crashed `report` with a TypeError traceback; its survey values must print instead.
    import csv
    import json

    from game.cli import main

    levels = {
        lvl: {
            "deadweight": 0.3,
            "leakage": 0.15,
            "displacement": 0.4,
            "substitution": 0.05,
            "multiplier": 1.3,
        }
        for lvl in ("lad", "sub_region", "region", "national")
    }
    sources = [
        {"field": f, "source": "Our survey 2024", "status": "assumption"}
        for f in ("capital_cost", "build_years", "outputs", "operational_fte", "additionality")
    ]
    hub = {
        "id": "port_hub",
        "name": "Port logistics hub",
        "category": "business",
        "blurb": "Warehousing.",
        "capital_cost": 5000000,
        "running_cost": 0,
        "build_years": 1,
        "construction_job_years": 0,
        "outputs": {"floorspace_m2": 8000},
        "operational_fte": {"H": 80},
        "additionality_profile": "custom",
        "additionality": levels,
        "sources": sources,
    }
    scen = tmp_path / "hub.json"
    scen.write_text(
        json.dumps(
            {
                "name": "Hub",
                "area": "Hartlepool",
                "years": 2,
                "projects": [{"type": "port_hub", "year": 2021}],
                "project_types": [hub],
            }
        )
    )
    out = tmp_path / "pack"
    rc = main(["report", "--scenario", str(scen), "--out", str(out), "--format", "csv"])
    assert rc == 0, capsys.readouterr().err
    with (out / "csv" / "assumptions.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if any("port_hub.additionality" in c for c in r)]
    assert len(rows) == 1
    cell = rows[0][3]
    assert cell.startswith("lad: ") and "deadweight 0.3" in cell and "leakage 0.15" in cell


def test_the_plan_table_says_where_each_project_sits(tmp_path, capsys) -> None:
    # Found by an analyst: in a combined authority run a project placed in a member council
    # (given by name) showed nowhere in the pack which council it was in.
    import csv
    import json

    from game.cli import main

    scen = tmp_path / "tv.json"
    scen.write_text(
        json.dumps(
            {
                "name": "Tees Valley test",
                "area": "ca:Tees Valley",
                "years": 2,
                "projects": [
                    {"type": "business_park", "year": 2021, "area": "Middlesbrough"},
                    {"type": "business_growth_grants", "year": 2021},
                ],
            }
        )
    )
    out = tmp_path / "pack"
    rc = main(["report", "--scenario", str(scen), "--out", str(out), "--format", "csv"])
    assert rc == 0, capsys.readouterr().err
    with (out / "csv" / "plan.csv").open(encoding="utf-8") as f:
        where = {r["type"]: r["where"] for r in csv.DictReader(f)}
    assert where == {
        "business_park": "Middlesbrough",
        "business_growth_grants": "spread across the members by population",
    }
