"""The national schedules shipped in data/params are exactly what the derivation gives."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from game.census import load_world
from game.census.paths import shared_dir
from game.play.shipped import shipped_parameters
from game.resources import data_dir
from game.sim.build_rates import (
    derive_fertility_shape,
    derive_migration_schedule,
    derive_mortality,
)
from game.sim.schedules import cohort_death_probability, life_expectancy

PARAMS_DIR = data_dir() / "params"


def _find_raw() -> Path:
    """shared/rates-raw where the build step looks ($CIVIC_FUTURES_SHARED_DIR or ../shared),
    else beside one of the checkout's parent folders (a git worktree)."""
    if (shared_dir() / "rates-raw").is_dir():
        return shared_dir() / "rates-raw"
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "rates-raw"
        if candidate.is_dir():
            return candidate
    # a missing folder is a failure, never a skip
    pytest.fail("shared/rates-raw not found beside the checkout (clone next to shared/)")


RATES_RAW_DIR = _find_raw()


def load_national_schedules():
    return shipped_parameters().schedules


def test_shipped_fertility_shape_is_the_derivation() -> None:
    shipped = load_national_schedules().fertility_shape
    np.testing.assert_allclose(shipped, derive_fertility_shape(RATES_RAW_DIR), atol=1e-8)
    assert shipped[:15].sum() == 0 and shipped[50:].sum() == 0
    # each 5-year group keeps its WPP 2020-2025 share (10-14 and 50-54 folded in)
    groups = shipped[15:50].reshape(7, 5).sum(axis=1)
    np.testing.assert_allclose(
        groups * 100,
        [3.184, 14.512, 27.266, 31.356, 18.757, 4.624, 0.301],
        atol=2e-3,
    )


def test_shipped_mortality_is_the_derivation_and_hits_ons_life_expectancy() -> None:
    demo = shipped_parameters().demography
    q, factors, raw_e0 = derive_mortality(
        (demo["e0_male"], demo["e0_female"]), demo["infant_a0"], RATES_RAW_DIR
    )
    shipped = load_national_schedules().q
    np.testing.assert_allclose(shipped, q, atol=1e-8)
    assert life_expectancy(shipped[0]) == pytest.approx(79.0, abs=0.1)
    assert life_expectancy(shipped[1]) == pytest.approx(83.0, abs=0.1)
    # WPP's own 2020-25 schedule implies about 79.8 / 83.4 (rates-raw README), so the
    # scaling raises death rates a little
    assert raw_e0[0] == pytest.approx(79.8, abs=0.1) and raw_e0[1] == pytest.approx(83.4, abs=0.1)
    assert (factors > 1.0).all()
    assert np.all(np.diff(shipped[:, 10:]) > 0)  # rising with age after childhood


def test_cohort_death_probability_averages_adjacent_ages() -> None:
    q = np.linspace(0.01, 0.91, 91)[None]
    d = cohort_death_probability(q)
    assert d[0, 0] == q[0, 0] and d[0, 90] == q[0, 90]
    assert d[0, 45] == pytest.approx((q[0, 44] + q[0, 45]) / 2)


def test_migration_schedule_shape_and_mover_profile() -> None:
    world = load_world()
    rate, movers = derive_migration_schedule(world.population_array().sum(axis=0))
    sch = load_national_schedules()
    np.testing.assert_allclose(sch.migration_rate_shape, rate, atol=1e-8)
    np.testing.assert_allclose(sch.migrant_profile, movers, atol=1e-6)
    assert all(18 <= int(a) <= 23 for a in rate.argmax(axis=1))  # student/graduate peak
    assert 0.10 < movers[:, :16].sum() < 0.30  # children move with their parents
    assert movers.sum() == pytest.approx(1.0)


POP_PARAM_FILES = (
    "demography.csv",
    "national_fertility_shape.csv",
    "national_mortality.csv",
    "migration_age_schedule.csv",
    "activity_rates.csv",
    "migration_links.csv",
    "pooled_areas.csv",
)


def test_every_params_row_has_a_source_and_status() -> None:
    for name in POP_PARAM_FILES:
        with (PARAMS_DIR / name).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows, name
        for row in rows:
            assert row["source"].strip(), name
            assert row["status"] in ("verified", "derived", "assumption"), name


def test_shipped_household_sizes_are_the_derivation() -> None:
    from game.sim.build_rates import derive_household_sizes

    census_raw = RATES_RAW_DIR.parent / "census-raw"
    sizes, m4 = derive_household_sizes(census_raw, 2.36)
    shipped = shipped_parameters().household_size
    assert set(shipped) == set(sizes)
    for code, size in sizes.items():
        assert shipped[code] == pytest.approx(size, abs=1e-4)
    assert 4.2 < m4 < 4.9  # mean size of a 4-or-more-person household
