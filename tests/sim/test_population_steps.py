"""Cohort-component arithmetic on tiny hand-built areas, with numbers worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.model.area import N_AGES
from game.play.shipped import shipped_parameters
from game.sim.population import DemographicRates, PopulationStep, age_on, step_population

PROFILE = shipped_parameters().schedules.migrant_profile


def migrant_age_profile() -> np.ndarray:
    return PROFILE


def rates(
    n: int = 1,
    fertility: np.ndarray | None = None,
    q: float | np.ndarray = 0.0,
    emigration: float | np.ndarray = 0.0,
    internal_out: float | np.ndarray = 0.0,
    internal_in: float = 0.0,
    international_in: float = 0.0,
    in_profile: np.ndarray | None = None,
) -> DemographicRates:
    def full(v: float | np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(v, dtype=float), (n, 2, N_AGES)).copy()

    if in_profile is None:
        in_profile = np.broadcast_to(migrant_age_profile(), (n, 2, N_AGES)).copy()
    return DemographicRates(
        codes=tuple(f"A{i}" for i in range(n)),
        fertility=np.zeros((n, N_AGES)) if fertility is None else fertility,
        q=full(q),
        emigration_rate=full(emigration),
        internal_out_rate=full(internal_out),
        internal_in=np.full(n, internal_in),
        international_in=np.full(n, international_in),
        in_profile=in_profile,
        migrant_profile=PROFILE,
        sex_ratio_at_birth=1.05,
    )


def balance(P0: np.ndarray, s: PopulationStep) -> np.ndarray:
    return (
        P0.sum(axis=(1, 2))
        + s.births
        - s.deaths
        + s.internal_in
        - s.internal_out
        + s.international_in
        - s.international_out
        + s.extra_migrants
    )


def test_ageing_moves_everyone_up_one_year_and_closes_the_open_group() -> None:
    P = np.zeros((1, 2, N_AGES))
    P[0, 0] = np.arange(1, N_AGES + 1)  # male age a holds a+1 people
    P[0, 1, 89], P[0, 1, 90] = 7.0, 5.0
    out = step_population(P, rates()).population
    assert out[0, 0, 0] == 0.0  # no women, no births
    assert out[0, 0, 1] == 1.0 and out[0, 0, 50] == 50.0
    assert out[0, 0, 90] == 90.0 + 91.0  # the 89s join the 90+
    assert out[0, 1, 90] == 12.0
    assert out.sum() == P.sum()


def test_births_use_mean_exposure_and_split_by_sex_ratio() -> None:
    P = np.zeros((1, 2, N_AGES))
    P[0, 1, 29], P[0, 1, 30] = 100.0, 50.0
    f = np.zeros((1, N_AGES))
    f[0, 30] = 0.1
    s = step_population(P, rates(fertility=f))
    # women aged 30: 50 at the start, 100 after ageing on -> exposure 75 -> 7.5 births
    assert s.births[0] == pytest.approx(7.5)
    assert s.population[0, 0, 0] == pytest.approx(7.5 * 1.05 / 2.05)  # 3.8415 boys
    assert s.population[0, 1, 0] == pytest.approx(7.5 / 2.05)  # 3.6585 girls
    doubled = step_population(P, rates(fertility=f), fertility_scale=2.0)
    assert doubled.births[0] == pytest.approx(15.0)


def test_deaths_then_emigration_then_internal_moves_then_in_flows() -> None:
    P = np.zeros((1, 2, N_AGES))
    P[0, 0, 40] = 1000.0
    profile = np.zeros((1, 2, N_AGES))
    profile[0, 0, 41] = 1.0
    r = rates(
        q=0.1,
        emigration=0.2,
        internal_out=0.5,
        internal_in=100.0,
        international_in=50.0,
        in_profile=profile,
    )
    s = step_population(P, r)
    # 1000 aged on to 41; 100 die; 20% of 900 emigrate (180); half of 720 move away (360);
    # 100 internal and 50 international in-migrants arrive, all aged 41 here.
    assert s.deaths[0] == pytest.approx(100.0)
    assert s.international_out[0] == pytest.approx(180.0)
    assert s.internal_out[0] == pytest.approx(360.0)
    assert s.internal_in[0] == 100.0 and s.international_in[0] == 50.0
    assert s.population[0, 0, 41] == pytest.approx(510.0)
    assert s.population.sum() == pytest.approx(510.0)


def test_migration_scale_multiplies_flows_and_out_rates_are_clipped() -> None:
    P = np.zeros((1, 2, N_AGES))
    P[0, 1, 20] = 200.0
    s = step_population(P, rates(internal_out=0.75, internal_in=10.0), migration_scale=2.0)
    assert s.internal_out[0] == pytest.approx(200.0)  # rate 1.5 takes only who is there
    assert s.internal_in[0] == pytest.approx(20.0)
    assert s.population.min() >= 0.0
    assert s.population.sum() == pytest.approx(20.0)


def test_extra_migrants_follow_the_migrant_profile_and_cannot_overdraw() -> None:
    P = np.zeros((2, 2, N_AGES))
    P[1] = 1.0
    extra = np.array([100.0, -1e9])
    s = step_population(P, rates(n=2), extra_net_migrants=extra)
    np.testing.assert_allclose(s.population[0], 100.0 * migrant_age_profile())
    assert s.extra_migrants[0] == pytest.approx(100.0)
    # area 2 had 182 people; a huge net outflow removes them all and reports exactly that
    assert s.extra_migrants[1] == pytest.approx(-182.0)
    assert s.population[1].sum() == pytest.approx(0.0, abs=1e-9)


def test_age_on_does_not_touch_its_input() -> None:
    P = np.ones((1, 2, N_AGES))
    aged = age_on(P)
    assert P.sum() == 182 and aged[0, 0, 0] == 0 and aged[0, 0, 90] == 2


def test_bad_shapes_and_scales_are_rejected() -> None:
    with pytest.raises(ValueError):
        step_population(np.zeros((2, 2, N_AGES)), rates(n=1))
    with pytest.raises(ValueError):
        step_population(np.zeros((1, 2, N_AGES)), rates(), fertility_scale=-1.0)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 4),
    size=st.sampled_from([0.0, 1.0, 1e3, 1e6]),
    out_rate=st.floats(0.0, 1.5),
    in_level=st.floats(0.0, 1e5),
    extra=st.floats(-1e7, 1e7),
    fscale=st.floats(0.0, 3.0),
    mscale=st.floats(0.0, 3.0),
)
def test_conservation_and_no_negative_cohorts(
    seed: int,
    n: int,
    size: float,
    out_rate: float,
    in_level: float,
    extra: float,
    fscale: float,
    mscale: float,
) -> None:
    rng = np.random.default_rng(seed)
    P = rng.random((n, 2, N_AGES)) * size * (rng.random((n, 2, N_AGES)) > 0.2)
    r = rates(
        n=n,
        fertility=rng.random((n, N_AGES)) * 0.3,
        q=rng.random((n, 2, N_AGES)),
        emigration=rng.random((n, 2, N_AGES)) * out_rate,
        internal_out=rng.random((n, 2, N_AGES)) * out_rate,
        internal_in=in_level,
        international_in=in_level / 3,
    )
    extras = rng.uniform(-1.0, 1.0, n) * extra
    s = step_population(P, r, extras, fertility_scale=fscale, migration_scale=mscale)
    assert s.population.min() >= 0.0
    np.testing.assert_allclose(
        s.population.sum(axis=(1, 2)), balance(P, s), rtol=1e-9, atol=1e-6 * max(1.0, size)
    )
    again = step_population(P, r, extras, fertility_scale=fscale, migration_scale=mscale)
    assert np.array_equal(s.population, again.population)
