"""The `areas` and `profile` commands."""

from __future__ import annotations

import json

import pytest

from game.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_areas_json_lists_331(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "areas", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 331
    assert {"code", "name", "population"} <= set(rows[0])
    assert rows[0] == rows[0] | {"code": "E06000001", "name": "Hartlepool"}


def test_areas_search_and_groups(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "areas", "--search", "york", "--json")
    assert code == 0 and {r["code"] for r in json.loads(out)} == {"E06000011", "E06000014"}
    code, out, _ = run_cli(capsys, "areas", "--group", "ca", "--json")
    cas = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and len(cas) == 15 and len(cas["Greater Manchester"]["members"]) == 10
    code, out, _ = run_cli(capsys, "areas", "--group", "lep")
    assert code == 0 and "Leeds City Region" in out and "38 LEPs" in out


def test_areas_search_without_match_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "areas", "--search", "Birmingam")
    assert code != 0 and "Birmingham (E08000025)" in err


def test_profile_by_name_equals_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    _, by_name, _ = run_cli(capsys, "profile", "Birmingham", "--json")
    _, by_code, _ = run_cli(capsys, "profile", "E08000025", "--json")
    assert by_name == by_code
    doc = json.loads(by_name)
    assert doc["code"] == "E08000025" and doc["name"] == "Birmingham"
    assert abs(doc["population"] - 1_144_919) <= 50
    assert doc["groups"]["workers"] == 442_417 and len(doc["groups"]) >= 18


def test_profile_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "profile", "hartlepool")
    assert code == 0
    assert "Hartlepool (E06000001)" in out and "92,3" in out
    assert "employment rate" in out and "Top industries" in out and "Retired people" in out


def test_profile_of_groupings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "profile", "ca:West Midlands", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["kind"] == "ca" and len(doc["members"]) == 7
    code, out, _ = run_cli(capsys, "profile", "West Midlands", "--json")
    assert json.loads(out)["kind"] == "region"  # the region wins a name clash
    code, out, _ = run_cli(capsys, "profile", "lep:Tees Valley", "--json")
    assert json.loads(out)["kind"] == "lep"
    code, out, _ = run_cli(capsys, "profile", "Tees Valley", "--json")
    assert json.loads(out)["kind"] == "ca"  # the combined authority wins over the LEP


def test_unknown_area_suggests_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "profile", "Hartlepol")
    assert code == 2 and out == ""
    assert "unknown area 'Hartlepol'" in err and "Hartlepool (E06000001)" in err
    code, _, err = run_cli(capsys, "profile", "E0800025")  # a digit short
    assert code == 2 and "Birmingham (E08000025)" in err
