"""Issue 8 point 8, the analyst's polish list: header always, totals apart, warnings
grouped, ambiguous names asked about, a fuller labour.csv, population in 5-year bands."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from game.cli import main


@pytest.fixture(scope="module")
def hartlepool():
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.scenarios import load_scenario
    from game.sim.runs import run_low_central_high

    root = Path(__file__).resolve().parents[2]
    sc = load_scenario(root / "data" / "scenarios" / "hartlepool_business_park_skills.json")
    return run_low_central_high(
        load_world(), "Hartlepool", shipped_parameters(), years=10, scenario=sc
    )


def test_project_jobs_csv_has_its_header_with_no_projects(tmp_path: Path) -> None:
    assert main(["simulate", "--area", "Hartlepool", "--years", "1", "--out", str(tmp_path)]) == 0
    for name in ("project_jobs.csv", "project_jobs_totals.csv", "economic_case.csv"):
        df = pd.read_csv(tmp_path / name)
        assert df.empty and ("project_id" in df.columns or "level" in df.columns), name


def test_repeated_warnings_are_grouped_and_counted(tmp_path: Path, capsys) -> None:
    path = tmp_path / "three.json"
    park = {"type": "business_park", "year": 2021}
    path.write_text(json.dumps({"name": "t", "area": "Isles of Scilly", "projects": [park] * 3}))
    argv = ["simulate", "--scenario", str(path), "--budget", "none", "--years", "3"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("very large for Isles of Scilly") == 1 and "WARNING (x3):" in out
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["warnings"]) == 1 and list(data["warning_counts"].values()) == [3]


def test_ambiguous_name_asks_which(capsys) -> None:
    assert main(["simulate", "--area", "North East", "--years", "1"]) == 2
    err = capsys.readouterr().err
    for choice in ("region:North East (12 councils)", "lep:North East", "ca:North East"):
        assert choice in err
    assert main(["simulate", "--area", "region:North East", "--years", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["area"]["members"] == 12


def test_a_name_with_one_meaning_is_not_ambiguous() -> None:
    from game.census import load_world

    w = load_world()
    assert w.alternatives("Tees Valley") == []  # LEP and CA cover the same councils
    assert w.alternatives("Hartlepool") == [] and w.alternatives("ca:North East") == []


def test_labour_csv_has_the_labour_market_the_engine_computes(hartlepool) -> None:
    from game.sim.outputs import _labour_states, labour_table

    df = labour_table(hartlepool)
    for col in ("labour_force", "employment_rate", "in_commuters", "out_commuters", "jobs_C"):
        assert col in df.columns
    end = df[(df.variant == "central") & (df.year == 2031)].set_index("run")
    sections = end[[f"jobs_{s}" for s in "ABCDEFGHIJKLMNOPQRSTU"]].sum(axis=1)
    assert sections.to_numpy() == pytest.approx(end.workplace_jobs.to_numpy())
    assert 0.4 < end.loc["baseline", "employment_rate"] < 0.7
    assert end.loc["scenario", "jobs_C"] > end.loc["baseline", "jobs_C"]  # the new units
    eng = hartlepool["central"]
    for rec in eng.history:  # rebuilt from the record, equal to what the engine used
        lab, base = _labour_states(eng, rec)
        assert np.allclose(lab.workplace_jobs, rec.trace.workplace_jobs)
        assert np.allclose(base.unemployment_rate, rec.trace.baseline_unemployment_rate)


def test_population_in_five_year_bands_keeps_the_totals(hartlepool) -> None:
    from game.sim.outputs import banded, population_table

    single = population_table(hartlepool)
    five = banded(single, 5)
    assert set(five.age) == {f"{a}-{a + 4}" for a in range(0, 90, 5)} | {"90+"}
    keys = ["run", "year", "sex"]
    a = single.groupby(keys)["count"].sum()
    b = five.groupby(keys)["count"].sum()
    assert b.to_numpy() == pytest.approx(a.to_numpy(), abs=0.05)
