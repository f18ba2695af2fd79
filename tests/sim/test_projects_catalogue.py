"""The shipped project catalogue: coverage, sources for every number, strict validation."""

from __future__ import annotations

import re

import pytest

from game.errors import ScenarioError
from game.play.shipped import shipped_parameters
from game.scenarios import CATEGORIES, ProjectType, load_catalogue
from game.scenarios.catalogue import load_profiles, resolve_type
from game.scenarios.models import LEVELS, SIC_SECTIONS
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
    groups = set(shipped_parameters().weights.groups)
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


DISCRETE = {
    "primary_school_new",
    "primary_school_expansion",
    "secondary_school_new",
    "secondary_school_expansion",
    "health_centre",
    "rail_station_new",
    "business_park",
    "fe_skills_centre",
}
DIVISIBLE = {
    "new_park",
    "active_travel_route",
    "gigabit_broadband",
    "affordable_homes",
    "housing_infrastructure",
    "flood_defence",
    "home_retrofit",
}


def test_discrete_types_read_as_a_count_of_facilities(catalogue) -> None:
    school = catalogue.types["secondary_school_new"]
    assert school.describe(3) == "3 new secondary schools (2,700 places)"
    assert school.describe(1) == "New secondary school (900 places)"
    assert school.describe(0.5) == "New secondary school (450 places)"  # one smaller school
    assert catalogue.types["rail_station_new"].describe(2) == "2 new railway stations"
    assert catalogue.types["health_centre"].title_parts(3) == (
        "3 community health centres",
        ("gp_patient_capacity", 36000.0),
    )
    # divisible types scale the quantity in the name, whatever the scale
    assert catalogue.types["new_park"].describe(3) == "New town park (15 ha)"
    assert catalogue.types["housing_infrastructure"].describe(11.5) == (
        "Enabling roads and utilities for 5,750 homes"
    )


def test_plural_names_are_consistent_with_the_singular(catalogue) -> None:
    types = catalogue.types
    assert {t for t in DISCRETE if types[t].discrete} == DISCRETE
    assert not any(types[t].discrete for t in DIVISIBLE)
    number = re.compile(r"\d[\d,]*")
    for t in types.values():
        if not t.discrete:
            continue
        # the plural quotes the same per-unit quantity as the name, so it scales the same way
        # (the Welsh count forms are checked in tests/client/test_client_i18n.py)
        assert number.findall(str(t.name_plural)) == number.findall(t.name), t.id
        for scale in (2, 3, 12):
            title = t.describe(scale)
            assert title.startswith(f"{scale} ")
            assert number.sub("#", title).startswith(number.sub("#", str(t.name_plural)), 2)
            assert "(x" not in t.describe(scale + 0.5), t.id


def test_a_type_without_outputs_never_reads_times(catalogue) -> None:
    plain = ProjectType.model_validate(_raw())
    assert plain.describe(2.5) == "Test" and plain.describe(1) == "Test"
    grants = ProjectType.model_validate(_raw(name_plural="tests"))
    assert grants.describe(3) == "3 tests" and "(x" not in grants.describe(2.5)
    with pytest.raises(ScenarioError, match="name_plural"):
        resolve_type(_raw(name_plural=""), "x.json", load_profiles())
