"""Issue 8 point 1: projects were silently dropped and the run exited 0 with a "Note".
Each test is built from its reproduction; simulate now refuses (status 2) naming the
project, unless --budget none or --allow-dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main


def _scenario(tmp_path: Path, projects: list[dict], **extra: object) -> str:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"name": "t", "projects": projects, **extra}), encoding="utf-8")
    return str(path)


THREE_SCHOOLS = [
    {"type": "secondary_school_new", "year": 2021, "label": f"School {n}"} for n in "ABC"
]


def test_over_the_default_fund_is_refused_naming_the_project(tmp_path, capsys) -> None:
    # Hartlepool's default fund is GBP 400 a head (about GBP 37m): the third GBP 27m school
    # used to be dropped with a note and exit 0.
    path = _scenario(tmp_path, THREE_SCHOOLS)
    assert main(["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "3"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "'School B'" in err and "'School C'" in err and "'School A'" not in err
    assert "not funded" in err and "--budget none" in err


def test_budget_none_funds_the_whole_plan_and_reports_no_fund(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, THREE_SCHOOLS)
    argv = ["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "3"]
    assert main([*argv, "--budget", "none", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["projects"]) == 3 and data["budget_remaining"] is None
    assert any("no growth fund" in n for n in data["notes"])


def test_allow_dropped_keeps_the_old_behaviour_with_notes(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, THREE_SCHOOLS)
    argv = ["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "3"]
    assert main([*argv, "--allow-dropped", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["projects"]) == 1 and data["notes"]


def test_explicit_budget_flag_overrides_the_scenario(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, THREE_SCHOOLS, budget=1e6)
    argv = ["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "3", "--json"]
    assert main([*argv, "--budget", "90000000"]) == 0
    assert len(json.loads(capsys.readouterr().out)["projects"]) == 3


def test_bad_budget_value_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["simulate", "--area", "Hartlepool", "--budget", "lots"])
    assert exc.value.code == 2 and "--budget takes GBP or 'none'" in capsys.readouterr().err


def test_year_after_the_last_funding_year_is_refused(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, [{"type": "new_park", "year": 2024, "label": "Late park"}])
    assert main(["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "2"]) == 2
    err = capsys.readouterr().err
    assert "'Late park'" in err and "after the last funding year of this run (2022)" in err


def test_member_area_may_be_named(tmp_path, capsys) -> None:
    # "Redcar and Cleveland" was compared with member codes and the project rejected.
    path = _scenario(
        tmp_path, [{"type": "affordable_homes", "year": 2021, "area": "Redcar and Cleveland"}]
    )
    argv = ["simulate", "--area", "Tees Valley", "--scenario", path, "--years", "3", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["projects"]) == 1
    assert not any("not part of" in n or "not funded" in n for n in data["notes"])


def test_area_outside_the_grouping_is_refused_naming_the_project(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, [{"type": "new_park", "year": 2021, "area": "Leeds"}])
    assert main(["simulate", "--area", "Tees Valley", "--scenario", path, "--years", "2"]) == 2
    err = capsys.readouterr().err
    assert "projects[0]" in err and "Leeds" in err and "not part of the area played" in err


def test_running_costs_below_zero_are_not_unnoticed(tmp_path, capsys) -> None:
    # GBP 3m bus boost with GBP 0.8m a year to run, on a GBP 3.1m fund.
    path = _scenario(tmp_path, [{"type": "bus_service_boost", "year": 2021}], budget=3.1e6)
    argv = ["simulate", "--area", "Hartlepool", "--scenario", path, "--years", "4", "--json"]
    assert main(argv) == 0
    cap = capsys.readouterr()
    data = json.loads(cap.out)
    assert any("goes below zero in 2023" in w for w in data["warnings"])
    assert "Warning: the growth fund goes below zero" in cap.err


def test_report_refuses_the_same_plan_and_takes_budget_none(tmp_path, capsys) -> None:
    path = _scenario(tmp_path, THREE_SCHOOLS)
    argv = ["report", "--area", "Hartlepool", "--scenario", path, "--years", "3"]
    assert main([*argv, "--out", str(tmp_path / "pack"), "--format", "csv"]) == 2
    assert "'School B'" in capsys.readouterr().err
    assert main([*argv, "--out", str(tmp_path / "ok"), "--format", "csv", "--budget", "none"]) == 0


def test_report_pack_reads_the_economic_case() -> None:
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.report.economics import economic_case
    from game.sim.engine import Engine

    e = Engine(load_world(), "Hartlepool", years=1, params=shipped_parameters())
    flood = economic_case(e, "flood_defence", 1.0)
    assert flood.bcr is not None and "avoided flood damage" in flood.method
    assert flood.case_pv_benefits is not None and flood.pv_costs > 0
    assert economic_case(e, "business_park", 1.0).bcr is None


@settings(max_examples=60, deadline=None)
@given(
    value=st.floats(allow_nan=True, allow_infinity=True),
    word=st.sampled_from(["none", "NONE", " None "]),
)
def test_budget_argument_is_gbp_or_none(value: float, word: str) -> None:
    import argparse

    from game.cli.simulate import _budget_arg

    assert _budget_arg(word) == "none"
    text = repr(value)
    if value >= 0 and value != float("inf"):
        assert _budget_arg(text) == pytest.approx(value)
    else:
        with pytest.raises(argparse.ArgumentTypeError):
            _budget_arg(text)


def test_validate_bad_budget_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "x.json", "--budget", "lots"])
    assert exc.value.code == 2 and "--budget takes GBP or 'none'" in capsys.readouterr().err
