"""Dwelling-led migration and the migrant age profile."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.model.area import N_AGES
from game.sim import migration_links
from game.sim.migration_links import (
    load_link_params,
    migrant_age_profile,
    migrants_for_dwellings,
)
from game.sim.population import calibrate_demography, step_population


def test_a_100_home_scheme_adds_200_to_280_residents_once_occupied() -> None:
    people = migrants_for_dwellings(np.array([100.0]))[0]
    assert people == pytest.approx(100 * 0.97 * 2.36)  # 228.9
    assert 200 <= people <= 280


def test_area_household_size_can_replace_the_national_one() -> None:
    p = load_link_params().with_household_size(np.array([2.0, 3.0]))
    np.testing.assert_allclose(migrants_for_dwellings(np.array([100.0, 100.0]), p), [194, 291])


def test_migrant_profile_is_a_distribution_with_children() -> None:
    profile = migration_links.MIGRANT_AGE_PROFILE
    assert profile.shape == (2, N_AGES)
    assert profile.sum() == pytest.approx(1.0)
    assert profile[:, 5:11].sum() > 0.04  # primary-school-age children come too
    assert np.array_equal(profile, migrant_age_profile())


def test_new_homes_add_exactly_their_residents_to_the_projection() -> None:
    world = load_world()
    code = "E06000001"
    rates = calibrate_demography(world, (code,))
    P0 = world.population_array()[[world.index[code]]]
    base = step_population(P0, rates)
    extra = migrants_for_dwellings(np.array([100.0]))
    with_homes = step_population(P0, rates, extra_net_migrants=extra)
    gained = with_homes.population.sum() - base.population.sum()
    assert gained == pytest.approx(extra[0])
    assert 200 <= gained <= 280
    children = (with_homes.population - base.population)[0, :, 0:16].sum()
    assert children > 20  # school places will feel it
