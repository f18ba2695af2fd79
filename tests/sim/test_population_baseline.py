"""The calibrated baseline on the shipped Census world: plausibility and determinism."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.model.world import World
from game.play.shipped import shipped_parameters
from game.sim.population import DemographicRates, calibrate_world, step_population

PARAMS = shipped_parameters()


def calibrate_demography(world, codes):
    full = calibrate_world(world, PARAMS.schedules, PARAMS.demography, PARAMS.pooled_areas)
    if tuple(codes) == tuple(world.codes):
        return full
    return full.select([world.index[c] for c in codes])


@pytest.fixture(scope="module")
def world() -> World:
    return load_world()


@pytest.fixture(scope="module")
def all_rates(world: World) -> DemographicRates:
    return calibrate_demography(world, world.codes)


def project(P: np.ndarray, rates: DemographicRates, years: int = 10) -> np.ndarray:
    for _ in range(years):
        P = step_population(P, rates).population
    return P


def test_ten_year_england_and_wales_growth_is_within_ons_projection_range(
    world: World, all_rates: DemographicRates
) -> None:
    P0 = world.population_array()
    growth = project(P0, all_rates).sum() / P0.sum() - 1.0
    assert 0.03 <= growth <= 0.09, growth


def test_every_area_changes_between_minus_10_and_plus_25_percent(
    world: World, all_rates: DemographicRates
) -> None:
    P0 = world.population_array()
    change = project(P0, all_rates).sum(axis=(1, 2)) / P0.sum(axis=(1, 2)) - 1.0
    worst = {world.codes[int(i)]: round(float(change[i]), 3) for i in np.argsort(change)[[0, -1]]}
    assert change.min() >= -0.10 and change.max() <= 0.25, worst


def test_first_year_reproduces_each_areas_registered_births(
    world: World, all_rates: DemographicRates
) -> None:
    P0 = world.population_array()
    s = step_population(P0, all_rates)
    i = world.index["E06000001"]  # Hartlepool: 974 births registered in 2019-20
    comps = world.areas["E06000001"].components
    # registered births are related to the census-based population as counted (issue 8)
    assert s.births[i] == pytest.approx(comps.births, rel=1e-9)
    assert 1.2 < all_rates.tfr[i] < 2.2
    # SMRs are relative to England and Wales: the population-weighted mean stays near 1
    assert 0.95 < np.average(all_rates.smr, weights=P0.sum(axis=(1, 2))) < 1.05


def test_subset_calibration_equals_the_rows_of_the_full_calibration(
    world: World, all_rates: DemographicRates
) -> None:
    codes = ("E06000001", "E09000001")
    sub = calibrate_demography(world, codes)
    rows = [world.index[c] for c in codes]
    assert sub.codes == codes
    np.testing.assert_array_equal(sub.q, all_rates.q[rows])
    np.testing.assert_array_equal(sub.internal_in, all_rates.internal_in[rows])
    np.testing.assert_array_equal(sub.in_profile, all_rates.in_profile[rows])


def test_same_inputs_give_identical_ten_year_projections(world: World) -> None:
    a = project(world.population_array(), calibrate_demography(world, world.codes))
    b = project(world.population_array(), calibrate_demography(world, world.codes))
    assert np.array_equal(a, b)


def test_internal_migration_stays_balanced_across_england_and_wales(
    world: World, all_rates: DemographicRates
) -> None:
    P = world.population_array()
    for _ in range(10):
        s = step_population(P, all_rates)
        P = s.population
    # internal moves only shuffle people between areas: E&W in ~ out, even in year 10
    assert abs(s.internal_in.sum() / s.internal_out.sum() - 1.0) < 0.01


def test_student_and_retirement_age_profiles_persist(
    world: World, all_rates: DemographicRates
) -> None:
    P0 = world.population_array()
    P = project(P0, all_rates)

    def share(arr: np.ndarray, code: str, lo: int, hi: int) -> float:
        i = world.index[code]
        return float(arr[i, :, lo:hi].sum() / arr[i].sum())

    exeter = "E07000041"  # a university city: 18-22s stay a large share
    assert share(P, exeter, 18, 23) > 0.8 * share(P0, exeter, 18, 23)
    new_forest = "E07000091"  # a retirement area stays older than average
    assert share(P, new_forest, 65, 91) > share(P0, new_forest, 65, 91)
