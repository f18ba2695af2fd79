"""Issue 8: a scenario's own leakage is kept; census leakage replaces only a catalogue
profile's ready-reckoner value; each project line says which leakage it used."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.scenarios import PlannedProject, ProjectType, Scenario
from game.sim.engine import Engine

PARAMS = shipped_parameters()
SURVEY = {
    "leakage": 0.6,
    "displacement": 0.3,
    "substitution": 0.0,
    "deadweight": 0.2,
    "multiplier": 1.2,
}


def _custom_type() -> ProjectType:
    levels = ("lad", "sub_region", "region", "national")
    return ProjectType.model_validate(
        {
            "id": "surveyed_factory",
            "name": "Surveyed factory",
            "category": "business",
            "capital_cost": 5e6,
            "build_years": 1,
            "operational_fte": {"C": 100},
            "additionality_profile": "custom",
            "additionality": dict.fromkeys(levels, SURVEY),
            "sources": [
                {"field": f, "source": "Analyst's survey of the site, 2025", "status": "verified"}
                for f in ("capital_cost", "build_years", "operational_fte", "additionality")
            ],
        }
    )


def test_custom_additionality_keeps_its_own_leakage_and_says_so() -> None:
    world = load_world()
    scenario = Scenario(
        name="survey",
        project_types=(_custom_type(),),
        projects=(PlannedProject(type="surveyed_factory"), PlannedProject(type="business_park")),
    )
    eng = Engine(world, "Hartlepool", years=3, scenario=scenario, params=PARAMS)
    eng.run()
    parts = {p.type_id: p for p in eng.jobs_account().projects}
    own = parts["surveyed_factory"]
    assert own.leakage_basis == "scenario"
    assert own.leakage_rate == pytest.approx(0.6)  # was the census 20.5%
    prof = world.resolve("Hartlepool")
    census = prof.commuting.in_commuters / prof.commuting.workplace_jobs
    park = parts["business_park"]
    assert park.leakage_basis == "census"
    assert park.leakage_rate == pytest.approx(census)
    # operational leakage in jobs follows the rate used
    op = eng.appraise("surveyed_factory").local.operational
    assert op.leakage == pytest.approx(100 * 0.8 * 0.6)


def test_simulate_prints_the_leakage_basis_per_project(tmp_path) -> None:
    import json
    import subprocess
    import sys

    scen = {
        "name": "survey",
        "area": "Hartlepool",
        "project_types": [_custom_type().model_dump(mode="json")],
        "projects": [{"type": "surveyed_factory", "year": 2021}],
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(scen), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "main.py", "simulate", "--scenario", str(path), "--years", "3", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = json.loads(out.stdout)["projects"][0]
    assert line["leakage"] == {"basis": "scenario", "rate": 0.6}
