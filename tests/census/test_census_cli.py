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
    found = {r["code"] for r in json.loads(out)}
    assert code == 0 and found == {"E06000011", "E06000014", "E06000065"}
    code, out, _ = run_cli(capsys, "areas", "--group", "ca", "--json")
    cas = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and len(cas) == 15 and len(cas["Greater Manchester"]["members"]) == 10
    code, out, _ = run_cli(capsys, "areas", "--group", "lep")
    assert code == 0 and "Leeds City Region" in out and "38 LEPs" in out


def test_areas_search_without_match_says_so_and_succeeds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a search with no results is an answer (exit 0), with the closest names as a hint
    code, out, err = run_cli(capsys, "areas", "--search", "Birmingam")
    assert code == 0 and err == ""
    assert "no areas match 'Birmingam'" in out and "Birmingham (E08000025)" in out
    code, out, _ = run_cli(capsys, "areas", "--search", "zzz")
    assert code == 0 and out.strip().startswith("no areas match 'zzz'")
    code, out, _ = run_cli(capsys, "areas", "--search", "zzz", "--json")
    assert code == 0 and json.loads(out) == []
    # a lookup of an unknown area still fails with suggestions
    code, _, err = run_cli(capsys, "profile", "Birmingam")
    assert code == 2 and "Birmingham (E08000025)" in err


def test_profile_by_name_equals_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    _, by_name, _ = run_cli(capsys, "profile", "Birmingham", "--json")
    _, by_code, _ = run_cli(capsys, "profile", "E08000025", "--json")
    assert by_name == by_code
    doc = json.loads(by_name)
    assert doc["code"] == "E08000025" and doc["name"] == "Birmingham"
    assert doc["population"] == doc["population_estimate"] == 1_142_494  # mid-2021 estimate
    assert abs(doc["census_population"] - 1_144_919) <= 50
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


def test_areas_search_finds_welsh_names(capsys: pytest.CaptureFixture[str]) -> None:
    for text, code in (
        ("Ynys Môn", "W06000001"),
        ("Ynys Mon", "W06000001"),
        ("caerdydd", "W06000015"),
        ("Abertawe", "W06000011"),
    ):
        rc, out, _ = run_cli(capsys, "areas", "--search", text, "--json")
        assert rc == 0 and [r["code"] for r in json.loads(out)] == [code], text
    rc, out, _ = run_cli(capsys, "areas", "--search", "york", "--json")
    # York first; North Yorkshire (the 2023 council, as its 2021 districts) after the LADs
    assert [r["code"] for r in json.loads(out)] == ["E06000014", "E06000011", "E06000065"]
    rc, out, _ = run_cli(capsys, "areas", "--group", "ca", "--search", "tees", "--json")
    assert rc == 0 and [r["code"] for r in json.loads(out)] == ["E47000006"]
    rc, out, _ = run_cli(capsys, "profile", "Ynys Mon", "--json")
    assert rc == 0 and json.loads(out)["code"] == "W06000001"


def test_areas_population_is_the_mid_2021_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "areas", "--search", "Hartlepool", "--json")
    (row,) = json.loads(out)
    assert row["population"] == 92_571 and abs(row["census_population"] - 92_338) <= 50


def test_profile_shares_use_the_counts_own_denominator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Isles of Scilly: mid-2021 estimate 2,271 vs Census 2,058. 596 people aged 65+ are
    # 26.2% of the estimate they were counted in (29.0% of the census count would mix the two).
    rc, out, _ = run_cli(capsys, "profile", "Isles of Scilly")
    assert rc == 0
    assert "2,271  mid-2021 estimate" in out and "2,058  Census 2021 count" in out
    assert "65+ 26.2%" in out
    older = next(line for line in out.splitlines() if "Older people" in line)
    assert "596" in older and "26.2% of residents (mid-2021)" in older and "29.0%" not in out
    # A census group is a share of its table's universe: people in work / residents 16+.
    workers = next(line for line in out.splitlines() if "People in work" in line)
    assert "64.4% of residents 16+" in workers and "employment rate 64.4% of 16+" in out
    assert "* Young families: counts children aged 0-10" in out


def test_profile_json_shares_match_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "profile", "Hartlepool", "--json")
    doc = json.loads(out)
    older = doc["groups"]["older_people"]
    assert doc["group_universes"]["older_people"] == doc["population_estimate"] == 92_571
    assert doc["group_universe_names"]["home_owners"] == "households"
    assert doc["group_universes"]["home_owners"] == doc["summary"]["households"]
    assert older == doc["summary"]["age_65_plus"]


def test_profile_has_the_workplace_caveat(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "profile", "Westminster")
    caveat = out[out.index("Caveat:") :]
    assert "lockdown" in caveat and "home workers count where they live" in caveat
    assert "BRES" in caveat
