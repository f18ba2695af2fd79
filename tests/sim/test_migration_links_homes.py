"""Dwelling-led migration and the migrant age profile."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.model.area import N_AGES
from game.play.shipped import shipped_parameters
from game.sim.migration_links import migrants_for_dwellings as _for_dwellings
from game.sim.population import calibrate_demography, calibrate_world, step_population

PARAMS = shipped_parameters()


def migrants_for_dwellings(homes, params=PARAMS.links):
    return _for_dwellings(homes, params)


def test_a_100_home_scheme_adds_200_to_280_residents_once_occupied() -> None:
    people = migrants_for_dwellings(np.array([100.0]))[0]
    assert people == pytest.approx(100 * 0.97 * 2.36)  # 228.9
    assert 200 <= people <= 280


def test_area_household_size_can_replace_the_national_one() -> None:
    p = PARAMS.links.with_household_size(np.array([2.0, 3.0]))
    np.testing.assert_allclose(migrants_for_dwellings(np.array([100.0, 100.0]), p), [194, 291])


def test_migrant_profile_is_a_distribution_with_children() -> None:
    profile = PARAMS.schedules.migrant_profile
    assert profile.shape == (2, N_AGES)
    assert profile.sum() == pytest.approx(1.0)
    assert profile[:, 5:11].sum() > 0.04  # primary-school-age children come too


def test_new_homes_add_exactly_their_residents_to_the_projection() -> None:
    world = load_world()
    code = "E06000001"
    full = calibrate_world(world, PARAMS.schedules, PARAMS.demography, PARAMS.pooled_areas)
    rates = calibrate_demography(world, (code,), full)
    P0 = world.population_array()[[world.index[code]]]
    base = step_population(P0, rates)
    extra = migrants_for_dwellings(np.array([100.0]))
    with_homes = step_population(P0, rates, extra_net_migrants=extra)
    gained = with_homes.population.sum() - base.population.sum()
    assert gained == pytest.approx(extra[0])
    assert 200 <= gained <= 280
    children = (with_homes.population - base.population)[0, :, 0:16].sum()
    assert children > 20  # school places will feel it
