"""The shipped project catalogue: coverage, sources for every number, strict validation."""

from __future__ import annotations

import pytest

from game.errors import ScenarioError
from game.scenarios import CATEGORIES, ProjectType, load_catalogue
from game.scenarios.catalogue import load_profiles, resolve_type
from game.scenarios.models import LEVELS, SIC_SECTIONS
from game.sim.approval import load_weights
from game.sim.indicators import INDEX_INDICATORS

API_GROUPS = {
    "young_families",
    "young_adults",
    "older_people",
    "workers",
    "job_seekers",
    "students",
    "retired",
    "car_commuters",
    "public_transport_commuters",
    "home_workers",
    "private_renters",
    "social_renters",
    "home_owners",
    "graduates",
    "no_qualifications",
    "manufacturing_workers",
    "health_care_workers",
    "retail_workers",
}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_at_least_twenty_types_covering_every_category(catalogue) -> None:
    assert len(catalogue.types) >= 20
    assert {t.category for t in catalogue.types.values()} == set(CATEGORIES)


def test_every_number_has_a_source_and_status(catalogue) -> None:
    for t in catalogue.types.values():
        assert t.unsourced_fields() == [], t.id
        for s in t.sources:
            assert s.status in ("verified", "assumption", "derived")
            assert len(s.source) > 3


def test_verified_anchors_from_methods_are_used(catalogue) -> None:
    # DfE per-place cost, NHF grant per home, Project Gigabit subsidy, EA flood cost.
    assert catalogue.types["primary_school_new"].capital_cost == pytest.approx(420 * 25089)
    assert catalogue.types["secondary_school_new"].capital_cost == pytest.approx(900 * 30394)
    assert catalogue.types["affordable_homes"].capital_cost == pytest.approx(100 * 56800)
    assert catalogue.types["flood_defence"].capital_cost / 500 == pytest.approx(15500)
    per_premises = catalogue.types["gigabit_broadband"].capital_cost / 5000
    assert 1400 <= per_premises <= 2000
    station = catalogue.types["rail_station_new"].capital_cost
    assert 2.2e6 <= station <= 17.2e6
    assert catalogue.types["affordable_homes"].source_for("capital_cost").status == "verified"


def test_fields_are_consistent_with_the_rest_of_the_engine(catalogue) -> None:
    groups = set(load_weights().groups)
    assert groups >= API_GROUPS
    for t in catalogue.types.values():
        assert set(t.operational_fte) <= set(SIC_SECTIONS)
        assert set(t.group_effects) <= API_GROUPS, t.id
        assert set(t.indicator_effects) <= set(INDEX_INDICATORS), t.id
        assert set(t.additionality) == set(LEVELS)
        assert t.capital_cost > 0 and t.build_years >= 0


def test_every_profile_has_all_levels_and_direction_with_area_size() -> None:
    for name, prof in load_profiles().items():
        lad, sub, reg = (prof.levels[k] for k in ("lad", "sub_region", "region"))
        assert lad.leakage >= sub.leakage >= reg.leakage, name
        assert lad.displacement <= sub.displacement <= reg.displacement, name
        assert lad.multiplier <= sub.multiplier <= reg.multiplier, name
        assert prof.levels["national"].displacement == 1.0


def _raw(**changes):
    base = {
        "id": "test_type",
        "name": "Test",
        "category": "business",
        "capital_cost": 1000.0,
        "build_years": 1,
        "operational_fte": {"C": 10},
        "sources": [
            {"field": "capital_cost", "source": "test figure", "status": "assumption"},
            {"field": "build_years", "source": "test figure", "status": "assumption"},
            {"field": "operational_fte", "source": "test figure", "status": "assumption"},
        ],
    }
    base.update(changes)
    return base


def test_unknown_field_is_rejected_naming_it() -> None:
    with pytest.raises(ScenarioError, match="colour"):
        resolve_type(_raw(colour="red"), "x.json", load_profiles())


def test_negative_cost_is_rejected_naming_the_field() -> None:
    with pytest.raises(ScenarioError, match=r"capital_cost.*greater than or equal to 0"):
        resolve_type(_raw(capital_cost=-5), "x.json", load_profiles())


def test_a_number_without_a_source_is_rejected() -> None:
    raw = _raw(running_cost=50.0)
    with pytest.raises(ScenarioError, match="no source/status for running_cost"):
        resolve_type(raw, "x.json", load_profiles())


def test_bad_section_and_profile_are_rejected() -> None:
    with pytest.raises(ScenarioError, match="unknown SIC section"):
        resolve_type(_raw(operational_fte={"Z": 3}), "x.json", load_profiles())
    with pytest.raises(ScenarioError, match="unknown additionality profile 'nope'"):
        resolve_type(_raw(additionality_profile="nope"), "x.json", load_profiles())


def test_extra_types_are_added_with_profile_factors(catalogue) -> None:
    extra = ProjectType.model_validate(_raw())
    cat = load_catalogue(extra=[extra])
    assert "test_type" in cat.types and "test_type" not in catalogue.types
    assert cat.types["test_type"].additionality["lad"] == load_profiles()["business"].levels["lad"]


def test_unknown_id_lookup_names_the_id(catalogue) -> None:
    with pytest.raises(
        ScenarioError, match="unknown project type id 'busness_park'.*business_park"
    ):
        catalogue.get("busness_park")
