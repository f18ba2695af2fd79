"""Issue 8 point 2: the Green Book economic case, apart from the local GVA impact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.scenarios import load_catalogue
from game.scenarios.models import EconomicCaseSettings, Source
from game.sim.appraisal import discount_factor
from game.sim.economic_case import cost_band_warnings, load_case_data, project_case


@pytest.fixture(scope="module")
def engine():
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.sim.engine import Engine

    return Engine(load_world(), "Hartlepool", years=1, params=shipped_parameters())


def _case(engine, type_id: str, settings: EconomicCaseSettings | None = None, started=2021):
    t = engine.catalogue.types[type_id]
    return project_case(
        t,
        engine.appraise(type_id, 1.0),
        engine.params.appraisal,
        started=started,
        base_year=2021,
        settings=settings,
    )


def test_every_catalogue_type_has_a_sourced_economic_case() -> None:
    data = load_case_data()
    types = load_catalogue().types
    assert set(types) == set(data.asset_class)
    for tid, rows in data.benefits.items():
        names = [r.benefit for r in rows]
        assert len(names) == len(set(names)), f"{tid}: a benefit counted twice"
        for r in rows:
            assert r.source.strip() and r.status in ("verified", "derived", "assumption")
            # local jobs' GVA is the local impact, never part of the economic case
            assert "gva" not in r.benefit.lower() and "jobs" not in r.benefit.lower()


def test_school_is_not_valued_and_its_teachers_are_not_additional_jobs(engine) -> None:
    c = _case(engine, "secondary_school_new")
    a = engine.appraise("secondary_school_new", 1.0)
    assert c.bcr is None and c.pv_benefits is None and c.not_valued == ("pupil outcomes",)
    assert c.public_service_jobs == pytest.approx(a.local.operational.net)
    assert c.additional_jobs == pytest.approx(a.local.construction.net)
    assert c.cost_per_net_job_capital == pytest.approx(c.capital_cost / c.additional_jobs)


def test_flood_defence_counts_avoided_damage_once_over_fifty_years(engine) -> None:
    c = _case(engine, "flood_defence")
    t = engine.catalogue.types["flood_defence"]
    assert c.asset_class == "flood_defence" and c.appraisal_years == 50
    d = engine.params.appraisal
    assert c.pv_benefits == pytest.approx(47_619_048 * discount_factor(t.build_years, d))
    assert c.bcr == pytest.approx(c.pv_benefits / c.pv_costs)
    assert 2.0 < c.bcr < 6.2  # below Defra's 6.15 programme ratio once optimism bias is added


def test_transport_time_savings_rebased_to_one_price_base_over_sixty_years(engine) -> None:
    c = _case(engine, "rail_station_new")
    data = load_case_data()
    assert c.appraisal_years == 60 and c.price_base_year == 2021
    factor = data.deflator[2021] / data.deflator[2010]
    assert factor == pytest.approx(1.219, abs=0.01)
    d = engine.params.appraisal
    b = engine.catalogue.types["rail_station_new"].build_years
    annuity = sum(discount_factor(b + k, d) for k in range(1, 61))
    assert c.pv_benefits == pytest.approx(829_167 * factor * annuity)


def test_optimism_bias_by_stage_and_scenario_override(engine) -> None:
    early = _case(engine, "business_park")
    full = _case(engine, "business_park", EconomicCaseSettings(stage="full"))
    assert early.optimism_bias == pytest.approx(0.24) and full.optimism_bias == pytest.approx(0.02)
    assert full.pv_costs < early.pv_costs
    src = Source(field="optimism_bias", source="Our QS review", status="assumption")
    own = _case(
        engine,
        "business_park",
        EconomicCaseSettings(optimism_bias=0.1, optimism_bias_source=src),
    )
    assert own.optimism_bias == pytest.approx(0.1) and own.stage == "scenario's own"


def test_scenario_optimism_bias_without_a_source_is_rejected(tmp_path: Path) -> None:
    from game.errors import ScenarioError
    from game.scenarios import load_scenario

    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "x", "economic_case": {"optimism_bias": 0.1}}))
    with pytest.raises(ScenarioError, match="optimism_bias needs optimism_bias_source"):
        load_scenario(path)


def test_costs_per_job_on_both_bases_and_discounted_to_the_base_year(engine) -> None:
    now = _case(engine, "business_park")
    later = _case(engine, "business_park", started=2024)
    assert now.cost_per_net_job_whole_life > now.cost_per_net_job_capital
    # the same project funded later is worth less in 2021 present value
    assert later.pv_costs < now.pv_costs


def test_cost_band_warns_on_the_thousand_pound_business_park(engine) -> None:
    cheap = engine.catalogue.types["business_park"].model_copy(update={"capital_cost": 1000.0})
    c = project_case(
        cheap,
        engine.appraise("business_park", 1.0),
        engine.params.appraisal,
        started=2021,
        base_year=2021,
    )
    # appraise() used the catalogue cost; rebuild the capital basis from this type
    assert c.cost_per_net_job_capital == pytest.approx(1000.0 / c.additional_jobs)
    (warning,) = cost_band_warnings([c])
    assert "below the usual £5,000-£100,000" in warning
    assert cost_band_warnings([_case(engine, "business_park")]) == []


def test_simulate_warns_on_an_override_giving_pounds_a_job(tmp_path: Path, capsys) -> None:
    from game.cli import main

    src = {"field": "capital_cost", "source": "Typo test", "status": "assumption"}
    path = tmp_path / "cheap.json"
    path.write_text(
        json.dumps(
            {
                "name": "cheap park",
                "projects": [{"type": "business_park", "year": 2021}],
                "overrides": [{"id": "business_park", "capital_cost": 1000, "sources": [src]}],
            }
        )
    )
    argv = ["simulate", "--area", "Hartlepool", "--scenario", str(path), "--years", "4"]
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any("below the usual" in w for w in data["warnings"])
    (p,) = data["projects"]
    assert "bcr" not in p and p["local_gva_impact_indicative"]["ratio"] > 0
    assert p["economic_case"]["valued"] is False and p["economic_case"]["bcr"] is None
    assert data["economic_case"]["not_valued_projects"] == ["p1"]


def test_a_scenario_type_can_carry_its_own_sourced_economic_case(tmp_path: Path, engine) -> None:
    from game.scenarios import load_scenario, scenario_catalogue

    case = {
        "asset_class": "transport",
        "benefits": [
            {
                "benefit": "time savings",
                "kind": "annual",
                "value": 500000,
                "price_year": 2010,
                "source": "Our model: 50,000 hours a year x GBP 10",
                "status": "assumption",
            },
            {
                "benefit": "reliability",
                "kind": "not_valued",
                "source": "No data",
                "status": "assumption",
            },
        ],
    }
    data = {"name": "x", "overrides": [{"id": "bus_service_boost", "economic_case": case}]}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))
    ptype = scenario_catalogue(load_scenario(path)).types["bus_service_boost"]
    c = project_case(
        ptype,
        engine.appraise("bus_service_boost", 1.0),
        engine.params.appraisal,
        started=2021,
        base_year=2021,
    )
    assert c.asset_class == "transport" and c.bcr is not None and c.not_valued == ("reliability",)
    bad = json.loads(json.dumps(data))
    del bad["overrides"][0]["economic_case"]["benefits"][0]["value"]
    path.write_text(json.dumps(bad))
    from game.errors import ScenarioError

    with pytest.raises(ScenarioError, match="give a value for a valued benefit"):
        load_scenario(path)


def test_simulate_programme_line_keeps_public_service_staff_out(capsys) -> None:
    from game.cli import main

    root = Path(__file__).resolve().parents[2]
    scenario = root / "data" / "scenarios" / "vale_of_white_horse_housing_led.json"
    assert main(["simulate", "--scenario", str(scenario), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ec = data["economic_case"]
    school = next(p for p in data["projects"] if p["type_id"] == "primary_school_new")
    staff = school["economic_case"]["public_service_jobs_not_counted"]
    assert staff > 0 and ec["public_service_jobs_not_counted"] >= staff
    net = sum(p["local"]["net"] for p in data["projects"])
    assert ec["additional_jobs"] == pytest.approx(net - ec["public_service_jobs_not_counted"])
    assert main(["simulate", "--scenario", str(scenario)]) == 0
    assert "public-service staff" in capsys.readouterr().out
