"""Scenario files: shipped examples load; bad files give one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.errors import ScenarioError
from game.play.shipped import shipped_parameters
from game.resources import data_dir
from game.scenarios import load_scenario, scenario_catalogue

PARAMS = shipped_parameters()

SCENARIOS = data_dir() / "scenarios"


def test_three_shipped_scenarios_load_and_reference_known_types() -> None:
    files = sorted(SCENARIOS.glob("*.json"))
    assert len(files) >= 3
    for f in files:
        s = load_scenario(f)
        cat = scenario_catalogue(s)
        assert s.projects and all(p.type in cat.types for p in s.projects)


def test_scenario_adds_a_type_and_overrides_a_cost() -> None:
    s = load_scenario(SCENARIOS / "hartlepool_business_park_skills.json")
    assert "offshore_wind_supply_units" in scenario_catalogue(s).types
    c = load_scenario(SCENARIOS / "ceredigion_gigabit_transport.json")
    station = scenario_catalogue(c).types["rail_station_new"]
    assert station.capital_cost == 6760000
    assert "Bow Street" in station.source_for("capital_cost").source
    # Other sources of the overridden type are kept.
    assert station.source_for("build_years") is not None


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data, indent=1))
    return path


def test_unknown_project_id_names_the_id(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "x", "projects": [{"type": "moon_base"}]})
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    msg = str(err.value)
    assert "moon_base" in msg and "projects[0]" in msg and "\n" not in msg


def test_unknown_override_id_names_the_id(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "x", "overrides": [{"id": "nope_type", "capital_cost": 1}]})
    with pytest.raises(ScenarioError, match="nope_type"):
        load_scenario(path)


def test_negative_cost_in_override_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "x", "overrides": [{"id": "new_park", "capital_cost": -10}]})
    with pytest.raises(ScenarioError, match=r"overrides\.0\.capital_cost.*greater than or equal"):
        load_scenario(path)


def test_malformed_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "name": "x",\n  "projects": [\n    {"type": "new_park",}\n  ]\n}\n')
    with pytest.raises(ScenarioError, match=r"bad\.json: malformed JSON at line 4, column 25"):
        load_scenario(path)


def test_unknown_top_level_field_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, {"name": "x", "budjet": 5})
    with pytest.raises(ScenarioError, match="budjet"):
        load_scenario(path)


def test_binary_or_non_utf8_file_is_a_scenario_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00binary")
    with pytest.raises(ScenarioError, match=r"scan\.json: not UTF-8 text"):
        load_scenario(path)


def test_project_years_before_the_base_year_are_rejected_by_name() -> None:
    from game.census import load_world
    from game.scenarios import PlannedProject, Scenario
    from game.sim.engine import Engine

    sc = Scenario(
        name="old",
        projects=(PlannedProject(type="new_park", year=1990, label="Ward Jackson Park"),),
    )
    with pytest.raises(ScenarioError, match="Ward Jackson Park' is planned for 1990, before"):
        Engine(load_world(), "Hartlepool", scenario=sc, params=PARAMS)
