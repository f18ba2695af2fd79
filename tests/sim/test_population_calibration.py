"""Calibration on synthetic areas: the first projected year reproduces the observed year."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.model.area import N_AGES
from game.play.shipped import shipped_parameters
from game.sim.labour import LabourBase, calibrate_labour_from_arrays, labour_market
from game.sim.population import ComponentArrays, step_population
from game.sim.population import calibrate_from_arrays as _calibrate

PARAMS = shipped_parameters()


def load_demography_params():
    return PARAMS.demography


def calibrate_from_arrays(codes, P, comps, **kw):
    return _calibrate(codes, P, comps, PARAMS.schedules, PARAMS.demography, **kw)


def synthetic() -> tuple[np.ndarray, ComponentArrays]:
    rng = np.random.default_rng(7)
    P = rng.uniform(500.0, 1500.0, (3, 2, N_AGES))
    total = P.sum(axis=(1, 2))
    comps = ComponentArrays(
        population_start=total * np.array([0.98, 1.02, 1.0]),
        births=total * 0.011,
        deaths=total * np.array([0.008, 0.012, 0.010]),
        internal_in=total * 0.05,
        internal_out=total * np.array([0.04, 0.06, 0.05]),
        international_in=total * 0.01,
        international_out=total * 0.005,
    )
    return P, comps


def test_first_year_reproduces_each_observed_flow_per_head() -> None:
    P, comps = synthetic()
    rates = calibrate_from_arrays(
        ("A", "B", "C"),
        P,
        comps,
        mortality_relative_to_national=False,
        correct_unattributed=False,
    )
    s = step_population(P, rates)
    per_head = P.sum(axis=(1, 2)) / comps.population_start
    covid = load_demography_params()["international_covid_factor"]
    # Registered births and deaths are related to the census-based population as counted
    # (issue 8); only the estimated migration flows keep their rate per head.
    np.testing.assert_allclose(s.births, comps.births)
    np.testing.assert_allclose(s.deaths, comps.deaths)
    np.testing.assert_allclose(s.internal_out, comps.internal_out * per_head)
    np.testing.assert_allclose(s.internal_in, comps.internal_in * per_head)
    np.testing.assert_allclose(s.international_out, comps.international_out * per_head * covid)
    np.testing.assert_allclose(s.international_in, comps.international_in * per_head * covid)
    np.testing.assert_allclose(rates.in_profile.sum(axis=(1, 2)), 1.0)


def test_relative_mortality_keeps_the_set_on_the_national_table() -> None:
    P, comps = synthetic()
    rel = calibrate_from_arrays(("A", "B", "C"), P, comps)
    absolute = calibrate_from_arrays(
        ("A", "B", "C"), P, comps, mortality_relative_to_national=False
    )
    # same local pattern, one common factor: the observed set's deaths / expected deaths
    ratio = absolute.smr / rel.smr
    np.testing.assert_allclose(ratio, ratio[0])
    assert rel.smr[1] / rel.smr[0] == pytest.approx(absolute.smr[1] / absolute.smr[0])


def test_unattributed_change_moves_international_flows() -> None:
    P, comps = synthetic()
    codes = ("A", "B", "C")
    plain = calibrate_from_arrays(codes, P, comps, correct_unattributed=False)
    fixed = calibrate_from_arrays(codes, P, comps)
    total = P.sum(axis=(1, 2))
    mid_2020 = (
        comps.population_start
        + comps.births
        - comps.deaths
        + comps.internal_in
        - comps.internal_out
        + comps.international_in
        - comps.international_out
    )
    upc = (total - mid_2020 - (mid_2020 - comps.population_start)) / 10.0
    added = fixed.international_in - plain.international_in
    np.testing.assert_allclose(added, np.maximum(upc, 0.0))
    s_plain, s_fixed = step_population(P, plain), step_population(P, fixed)
    extra_out = s_fixed.international_out - s_plain.international_out
    np.testing.assert_allclose(extra_out, np.maximum(-upc, 0.0), rtol=1e-9, atol=1e-9)


def test_pooled_small_area_takes_its_pools_rates_per_head() -> None:
    P, comps = synthetic()
    codes = ("A", "B", "C")
    rates = calibrate_from_arrays(codes, P, comps, pooled={"A": "B"})
    pool_only = calibrate_from_arrays(
        ("AB",),
        (P[0] + P[1])[None],
        ComponentArrays(
            **{
                k: (getattr(comps, k)[0] + getattr(comps, k)[1])[None]
                for k in ComponentArrays.__dataclass_fields__
            }
        ),
    )
    assert rates.tfr[0] == pytest.approx(pool_only.tfr[0])
    share = P[0].sum() / (P[0] + P[1]).sum()
    assert rates.internal_in[0] == pytest.approx(pool_only.internal_in[0] * share)
    assert rates.tfr[1] != pytest.approx(rates.tfr[0])  # the partner keeps its own


def _labour_base(P: np.ndarray) -> LabourBase:
    n = P.shape[0]
    return calibrate_labour_from_arrays(
        tuple(str(i) for i in range(n)),
        P,
        active=P[:, :, 16:].sum(axis=(1, 2)) * 0.6,
        unemployed=P[:, :, 16:].sum(axis=(1, 2)) * 0.03,
        residents_16_plus=P[:, :, 16:].sum(axis=(1, 2)),
        live_and_work=np.full(n, 300.0),
        resident_workers=np.full(n, 500.0),
        workplace_jobs=np.full(n, 450.0),
        industry=np.ones((n, 21)),
        schedule=PARAMS.activity,
        links=PARAMS.links,
    )


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    jobs=st.floats(-5e4, 5e4),
    grow=st.floats(0.0, 3.0),
)
def test_labour_market_accounts_balance(seed: int, jobs: float, grow: float) -> None:
    rng = np.random.default_rng(seed)
    Pb = rng.uniform(0.0, 50.0, (3, 2, N_AGES))
    P = Pb * grow
    base = _labour_base(Pb)
    s = labour_market(P, base, np.full(3, jobs), baseline_population=Pb)
    for arr in (
        s.labour_force,
        s.employed_residents,
        s.unemployed,
        s.workplace_jobs,
        s.in_commuters,
        s.out_commuters,
    ):
        assert np.all(arr >= -1e-9)
    assert np.all(s.employed_residents <= s.labour_force + 1e-9)
    np.testing.assert_allclose(s.labour_force - s.employed_residents, s.unemployed)
    np.testing.assert_allclose(s.jobs_by_section.sum(axis=1), s.workplace_jobs, atol=1e-6)
    local_workers = s.employed_residents - s.out_commuters
    np.testing.assert_allclose(s.workplace_jobs - s.in_commuters, local_workers, atol=1e-6)


def test_registered_births_and_deaths_are_not_scaled_by_the_old_estimate() -> None:
    """Issue 8: a pre-census estimate 25% too high must not lower fertility or mortality."""
    P, comps = synthetic()
    inflated = ComponentArrays(
        **{**comps.__dict__, "population_start": comps.population_start * 1.33}
    )
    a = calibrate_from_arrays(("A", "B", "C"), P, comps, correct_unattributed=False)
    b = calibrate_from_arrays(("A", "B", "C"), P, inflated, correct_unattributed=False)
    np.testing.assert_allclose(b.tfr, a.tfr)
    np.testing.assert_allclose(b.smr, a.smr)
    # the estimated migration flows still keep their rate per head
    np.testing.assert_allclose(b.internal_in, a.internal_in / 1.33)


def test_camden_fertility_and_mortality_on_its_census_population() -> None:
    """Issue 8 reproduction: Camden's TFR was 0.86 and its mortality ratio 0.78, because its
    mid-2019 estimate was 25% above the census count; about 1.10 and 1.00 are right."""
    from game.census import load_world
    from game.sim.population import calibrate_world

    world = load_world()
    rates = calibrate_world(world, PARAMS.schedules, PARAMS.demography, PARAMS.pooled_areas)
    i = world.index[world.resolve("Camden").code]
    assert 1.0 < rates.tfr[i] < 1.2
    assert 0.93 < rates.smr[i] < 1.07
