"""The extracts reproduce published Census 2021 and mid-year-estimate figures."""

from __future__ import annotations

import numpy as np
import pytest

from game.model.summary import employed
from game.model.world import World


def rel(a: float, b: float) -> float:
    return abs(a - b) / b


def test_331_areas_in_sorted_code_order(world: World) -> None:
    assert len(world.codes) == 331
    assert list(world.codes) == sorted(world.codes)
    assert sum(c.startswith("W06") for c in world.codes) == 22
    assert world.index["E06000001"] == 0


def test_usual_residents_england_and_wales(world: World) -> None:
    total = sum(a.census_population for a in world.areas.values())
    assert rel(total, 59_597_542) < 1e-4


def test_birmingham_and_hartlepool(world: World) -> None:
    assert abs(world.resolve("Birmingham").census_population - 1_144_919) <= 50
    assert abs(world.resolve("E06000001").census_population - 92_338) <= 50


def test_households(world: World) -> None:
    total = sum(a.households for a in world.areas.values())
    assert rel(total, 24_783_199) < 1e-4
    cars = sum(sum(a.cars.values()) for a in world.areas.values())
    assert rel(cars, 24_783_199) < 1e-4


def test_employed_residents_agree_across_tables(world: World) -> None:
    ts066 = sum(employed(a) for a in world.areas.values())
    ts060 = sum(sum(a.industry.values()) for a in world.areas.values())
    ts061 = sum(
        sum(v for k, v in a.travel_to_work.items() if k != "not_in_employment")
        for a in world.areas.values()
    )
    assert rel(ts060, ts066) < 1e-4
    assert rel(ts061, ts066) < 1e-4
    assert ts066 == pytest.approx(27_773_656, abs=5)


def test_mid_2021_estimate_against_census(world: World) -> None:
    """MYE mid-2021 is census-based: within about 1.4% per LAD, Isles of Scilly the outlier."""
    total = sum(a.population.total for a in world.areas.values())
    assert total == 59_641_829
    assert world.resolve("Birmingham").population.total == 1_142_494
    for code, a in world.areas.items():
        diff = a.population.total / a.census_population - 1
        if code == "E06000053":  # Isles of Scilly: 2,271 vs 2,058
            assert 0.09 < diff < 0.12
        else:
            assert abs(diff) < 0.015, code


def test_components_are_the_full_year_mid_2019_to_mid_2020(world: World) -> None:
    comps = [a.components for a in world.areas.values()]
    assert sum(c.births for c in comps) == 630_119  # a full year, not the 101-day 170,671
    assert sum(c.international_in for c in comps) == 571_760
    assert sum(c.international_out for c in comps) == 330_700
    assert sum(c.population_end for c in comps) == 59_719_724


def test_industry_sections_and_qualifications(world: World) -> None:
    b = world.resolve("Birmingham")
    assert sorted(b.industry) == [chr(c) for c in range(ord("A"), ord("V"))]
    assert sum(b.industry.values()) == 442_417
    adults = [a for a in world.areas.values()]
    l4 = sum(a.qualifications["level_4_plus"] for a in adults)
    q16 = sum(sum(a.qualifications.values()) - a.qualifications["under_16"] for a in adults)
    assert round(100 * l4 / q16, 1) == 33.8


def test_commuting_and_migration_matrices(world: World) -> None:
    n = len(world.codes)
    assert world.commute_matrix.shape == (n, n) and world.commute_matrix.dtype == np.int64
    assert world.migration_matrix.shape == (n, n) and world.migration_matrix.dtype == np.int64
    b = world.index["E08000025"]
    assert world.commute_matrix[:, b].sum() == 463_148  # workplace population (ODWP01EW)
    assert world.resolve("E08000025").commuting.workplace_jobs == 463_148
    assert world.resolve("City of London").commuting.workplace_jobs == 88_919
    # Everyone 16+ is counted once in ODWP01EW: E&W workplaces + elsewhere + not in work.
    every = sum(
        a.commuting.offshore_or_abroad + a.commuting.elsewhere_uk + a.commuting.not_in_employment
        for a in world.areas.values()
    )
    assert int(world.commute_matrix.sum()) + every == 48_566_232
    assert (world.commute_matrix >= 0).all() and (world.migration_matrix >= 0).all()


def test_migration_counts_everyone_aged_1_plus(world: World) -> None:
    total = 0
    for a in world.areas.values():
        m = a.migration
        assert m is not None
        total += (
            m.not_moved
            + m.moved_within
            + m.arrived_from_ew
            + m.arrived_from_abroad
            + m.arrived_from_elsewhere_uk
        )
    assert total == 58_990_370  # ODMG01EW total (usual residents aged 1+)
    assert int(world.migration_matrix.sum()) == sum(
        a.migration.moved_within + a.migration.arrived_from_ew
        for a in world.areas.values()
        if a.migration
    )


def test_geography_lookups(world: World) -> None:
    assert world.resolve("Leeds").lep_names == ("Leeds City Region",)
    assert world.resolve("Cannock Chase").lep_names == (
        "Stoke-on-Trent and Staffordshire",
        "Greater Birmingham and Solihull",
    )
    assert world.resolve("Hartlepool").ca_name == "Tees Valley"
    # North Yorkshire's 2021 districts merged in 2023; they still map to the 2025 CA.
    assert world.resolve("Harrogate").ca_name == "York and North Yorkshire"
    assert world.resolve("Cardiff").name_cy == "Caerdydd"
    assert world.resolve("Caerdydd").code == "W06000015"
    assert world.resolve("Cardiff").country == "Wales"
    assert len(world.groupings("region")) == 10
    assert len(world.groupings("lep")) == 38
    assert all(a.lep_codes == () for c, a in world.areas.items() if c.startswith("W"))
