"""Project titles carry real quantities at any scale; very large projects are flagged."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.scenarios import load_catalogue
from game.sim.engine import Engine, FundProject
from game.sim.projects import scaled_project

PARAMS = shipped_parameters()


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_describe_scales_the_quantities_in_a_name() -> None:
    cat = load_catalogue()
    assert cat.get("flood_defence").describe(2) == "Flood defence scheme (1,000 properties)"
    assert cat.get("flood_defence").describe(1) == "Flood defence scheme (500 properties)"
    assert cat.get("new_park").describe(0.5) == "New town park (2.5 ha)"
    assert cat.get("gigabit_broadband").describe(3) == "Gigabit broadband for 15,000 premises"
    # A name without a number gets its main output (not floorspace when there is another);
    # a discrete facility at a whole scale >= 2 is a count of them.
    health = cat.get("health_centre")
    assert health.describe(0.5) == "Community health centre (6,000 patient places)"
    assert health.describe(2) == "2 community health centres (24,000 patient places)"
    assert cat.get("business_park").describe(2) == "2 business parks (20,000 m2)"
    sized = scaled_project(cat.get("flood_defence"), 2)
    assert sized.title == "Flood defence scheme (1,000 properties)"
    assert sized.outputs["properties_protected"] == 1000 and sized.capital_cost == pytest.approx(
        2 * cat.get("flood_defence").capital_cost
    )


def test_engine_labels_and_reach_follow_the_scale(world) -> None:
    eng = Engine(world, "Isles of Scilly", years=1, budget=1e9, params=PARAMS)
    eng.submit(FundProject("flood_defence", scale=2))
    eng.advance_year()
    assert eng.state.projects[0].label == "Flood defence scheme (1,000 properties)"
    # Reach is capped at the island's population (2,271), not the catalogue's 15,000.
    assert eng.appraise("rail_station_new").people_affected == pytest.approx(eng.start.population)


def test_a_project_large_for_its_area_raises_a_warning_event(world) -> None:
    eng = Engine(world, "Isles of Scilly", years=1, budget=1e9, params=PARAMS)
    eng.submit(FundProject("business_park", scale=2))
    eng.submit(FundProject("affordable_homes", scale=2))
    events = eng.advance_year()
    warnings = [e for e in events if e.kind == "warning"]
    assert len(warnings) == 2
    park, homes = warnings
    assert park.data["jobs_share"] > 0.10 and "workplace jobs" in park.text
    assert homes.data["homes_share"] > 0.10 and "households" in homes.text
    assert homes.data["jobs_share"] < 0.10 and "jobs created" not in homes.text
    # A project of ordinary size in Hartlepool draws no warning.
    normal = Engine(world, "Hartlepool", years=1, params=PARAMS)
    normal.submit(FundProject("business_park"))
    assert not [e for e in normal.advance_year() if e.kind == "warning"]


def test_simulate_prints_the_warning(capsys, tmp_path) -> None:
    import json

    from game.cli import main

    sc = tmp_path / "boom.json"
    sc.write_text(
        json.dumps(
            {
                "name": "boom",
                "area": "Isles of Scilly",
                "budget": 1e9,
                "projects": [{"type": "business_park", "scale": 20}],
            }
        )
    )
    assert main(["simulate", "--scenario", str(sc), "--years", "1"]) == 0
    out = capsys.readouterr().out
    assert "WARNING: 20 business parks (200,000 m2): very large for Isles of Scilly (" in out
