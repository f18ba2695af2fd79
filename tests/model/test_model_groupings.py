"""A grouping's profile is exactly the sum of its members; citizen groups are sane."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.census import load_world
from game.model.area import AreaProfile
from game.model.world import World

WORLD = load_world()
CODES = st.sampled_from(WORLD.codes)


def dict_fields() -> list[str]:
    return [
        "tenure",
        "cars",
        "economic_activity",
        "industry",
        "nssec",
        "qualifications",
        "travel_to_work",
        "groups",
        "group_universes",
    ]


def assert_sum_of_members(world: World, g: AreaProfile) -> None:
    ms = [world.areas[c] for c in g.members]
    assert g.census_population == sum(m.census_population for m in ms)
    assert g.households == sum(m.households for m in ms)
    assert g.population.male == tuple(map(sum, zip(*(m.population.male for m in ms), strict=True)))
    assert g.population.female == tuple(
        map(sum, zip(*(m.population.female for m in ms), strict=True))
    )
    for field in (
        "births",
        "deaths",
        "internal_in",
        "internal_out",
        "international_in",
        "international_out",
        "other",
        "population_start",
    ):
        assert getattr(g.components, field) == sum(getattr(m.components, field) for m in ms)
    for field in dict_fields():
        got = getattr(g, field)
        for key in got:
            assert got[key] == sum(getattr(m, field)[key] for m in ms), (field, key)
    # Commuting: jobs located in the grouping and its working residents add up too.
    assert g.commuting.workplace_jobs == sum(m.commuting.workplace_jobs for m in ms)
    assert g.commuting.live_and_work + g.commuting.out_commuters == sum(
        m.commuting.live_and_work + m.commuting.out_commuters for m in ms
    )
    # Migration: people now living in the grouping, by where they lived a year before.
    assert g.migration is not None
    arrived = g.migration.moved_within + g.migration.arrived_from_ew
    assert arrived == sum(
        m.migration.moved_within + m.migration.arrived_from_ew for m in ms if m.migration
    )


def test_region_and_combined_authority_are_sums(world: World) -> None:
    region = world.resolve("North East")
    assert region.kind == "region" and len(region.members) == 12
    assert_sum_of_members(world, region)
    ca = world.resolve("ca:Greater Manchester")
    assert ca.kind == "ca" and ca.code == "E47000001"
    assert_sum_of_members(world, ca)
    lep = world.resolve("E37000012")  # Greater Birmingham and Solihull, overlaps two LEPs
    assert lep.kind == "lep" and "E07000192" in lep.members
    assert_sum_of_members(world, lep)


def test_all_regions_add_up_to_england_and_wales(world: World) -> None:
    regions = world.groupings("region")
    assert sum(r.census_population for r in regions) == sum(
        a.census_population for a in world.areas.values()
    )
    assert sorted(c for r in regions for c in r.members) == list(world.codes)


def test_single_area_combination_equals_the_area(world: World) -> None:
    solo = world.combine(["E06000001"], code="E06000001", name="Hartlepool", kind="lad")
    lad = world.areas["E06000001"]
    assert solo.commuting == lad.commuting
    assert solo.model_dump(exclude={"members", "name_cy"}) == lad.model_dump(
        exclude={"members", "name_cy"}
    )


def test_commuting_between_members_becomes_internal(world: World) -> None:
    i, j = world.index["E08000025"], world.index["E08000029"]  # Birmingham, Solihull
    pair = world.combine(["E08000025", "E08000029"])
    m = world.commute_matrix
    assert pair.commuting.live_and_work == m[i, i] + m[j, j] + m[i, j] + m[j, i]
    b, s = world.areas["E08000025"].commuting, world.areas["E08000029"].commuting
    assert pair.commuting.out_commuters == b.out_commuters + s.out_commuters - m[i, j] - m[j, i]


def test_members_and_population_array(world: World) -> None:
    assert world.members("Birmingham") == ("E08000025",)
    assert world.members("ca:West Midlands") == tuple(
        sorted(
            [
                "E08000025",
                "E08000026",
                "E08000027",
                "E08000028",
                "E08000029",
                "E08000030",
                "E08000031",
            ]
        )
    )
    p = world.population_array()
    assert p.shape == (331, 2, 91) and p.dtype == np.float64
    assert p[world.index["E08000025"]].sum() == 1_142_494
    p[0, 0, 0] = -1  # a copy: the world is not changed
    assert world.population_array()[0, 0, 0] >= 0


@settings(max_examples=40, deadline=None)
@given(code=CODES)
def test_groups_non_negative_and_within_population(code: str) -> None:
    a = WORLD.areas[code]
    defs = {g.id: g for g in WORLD.group_definitions}
    assert set(a.groups) == set(defs)
    for gid, size in a.groups.items():
        assert size >= 0
        limit = (
            a.households
            if defs[gid].unit == "households"
            else max(a.census_population, a.population.total)
        )
        assert size <= limit, (code, gid)


@settings(max_examples=25, deadline=None)
@given(codes=st.lists(CODES, min_size=1, max_size=25, unique=True))
def test_custom_grouping_is_sum_and_groups_bounded(codes: list[str]) -> None:
    g = WORLD.combine(codes, name="my area")
    assert g.kind == "custom" and g.members == tuple(sorted(codes))
    assert_sum_of_members(WORLD, g)
    for size in g.groups.values():
        assert 0 <= size <= max(g.census_population, g.population.total)


def test_group_definitions_name_their_source(world: World) -> None:
    ids = {g.id for g in world.group_definitions}
    required = {
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
    assert required <= ids
    for g in world.group_definitions:
        assert g.source and g.file.endswith(".csv") and g.categories and g.name_cy
    b = world.resolve("Birmingham")
    assert b.groups["manufacturing_workers"] == b.industry["C"]
    assert b.groups["health_care_workers"] == b.industry["Q"]
    assert b.groups["older_people"] == sum(b.population.male[65:]) + sum(b.population.female[65:])
