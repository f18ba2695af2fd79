"""Gross -> net additional jobs: hand-computed cases, identities, direction by area size."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.scenarios import Factors, load_catalogue
from game.scenarios.catalogue import load_profiles
from game.sim.additionality import gross_to_net, net_factor, scale_factors, workplace_factor


def test_hand_computed_medium_case() -> None:
    # 100 gross, deadweight 25%, leakage 25%, displacement 25%, substitution 5%, M 1.25:
    # 100 -> 75 (dw 25) -> 56.25 (leak 18.75) -> 42.1875 (disp 14.0625)
    # -> 40.078125 (sub 2.109375) -> x1.25 = 50.09765625 (multiplier +10.01953125)
    f = Factors(
        leakage=0.25, displacement=0.25, substitution=0.05, deadweight=0.25, multiplier=1.25
    )
    b = gross_to_net(100.0, f)
    assert b.deadweight == pytest.approx(25.0)
    assert b.leakage == pytest.approx(18.75)
    assert b.displacement == pytest.approx(14.0625)
    assert b.substitution == pytest.approx(2.109375)
    assert b.multiplier_effect == pytest.approx(10.01953125)
    assert b.net == pytest.approx(50.09765625)
    # Jobs located in the area: everything but leakage = 100 x .75 x .75 x .95 x 1.25
    assert b.workplace_net == pytest.approx(66.796875)


def test_hand_computed_no_deductions_and_full_displacement() -> None:
    none = Factors(leakage=0, displacement=0, substitution=0, deadweight=0, multiplier=1.0)
    assert gross_to_net(40.0, none).net == 40.0
    full = Factors(leakage=0, displacement=1.0, substitution=0, deadweight=0.1, multiplier=1.5)
    assert gross_to_net(40.0, full).net == 0.0


def test_construction_job_years_convert_ten_to_one_fte() -> None:
    from game.play.shipped import shipped_parameters
    from game.sim.previews import appraise_with

    t = load_catalogue().types["primary_school_new"]
    a = appraise_with(shipped_parameters(), t, 1.0, "lad", "sub_region")
    assert a.construction_fte == pytest.approx(t.construction_job_years / 10)
    assert a.local.construction.gross == pytest.approx(t.construction_job_years / 10)
    assert a.gross_fte == pytest.approx(t.construction_job_years / 10 + t.gross_operational_fte)


def test_la_and_lep_give_different_net_jobs_in_the_documented_direction() -> None:
    # METHODS.md s2: a bigger target area has lower leakage, higher displacement and a
    # higher multiplier; for business support the net effect is more net jobs at LEP level.
    prof = load_profiles()["business"].levels
    la, lep = prof["lad"], prof["sub_region"]
    assert lep.leakage < la.leakage
    assert lep.displacement > la.displacement
    assert lep.multiplier > la.multiplier
    b_la, b_lep = gross_to_net(100.0, la, "lad"), gross_to_net(100.0, lep, "sub_region")
    assert b_la.net != pytest.approx(b_lep.net)
    assert b_lep.leakage < b_la.leakage and b_lep.displacement > b_la.displacement
    assert b_lep.net > b_la.net
    # Hand-computed: LA 100 x .75 x .75 x .75 x .95 x 1.25 = 50.10; LEP 100 x .75 x .9 x .65
    # x .95 x 1.4 = 58.35375.
    assert b_la.net == pytest.approx(50.09765625)
    assert b_lep.net == pytest.approx(58.35375)


def test_national_level_gives_zero_net() -> None:
    for prof in load_profiles().values():
        assert gross_to_net(100.0, prof.levels["national"]).net == 0.0


rate = st.floats(min_value=0.0, max_value=1.0)


@given(
    gross=st.floats(min_value=0, max_value=1e5),
    l_=rate,
    d=rate,
    s=rate,
    dw=rate,
    m=st.floats(min_value=1.0, max_value=3.0),
)
def test_breakdown_adds_up_and_matches_the_shortcut(gross, l_, d, s, dw, m) -> None:
    f = Factors(leakage=l_, displacement=d, substitution=s, deadweight=dw, multiplier=m)
    b = gross_to_net(gross, f)
    rebuilt = (
        b.gross - b.deadweight - b.leakage - b.displacement - b.substitution + b.multiplier_effect
    )
    assert rebuilt == pytest.approx(b.net, abs=1e-6)
    assert b.net == pytest.approx(gross * net_factor(f), abs=1e-6)
    assert 0.0 <= b.net <= b.workplace_net + 1e-9 <= gross * m + 1e-6
    assert b.workplace_net == pytest.approx(gross * workplace_factor(f), abs=1e-6)


@given(k=st.floats(min_value=1.0, max_value=2.0))
def test_pessimistic_variant_never_gives_more_net_jobs(k) -> None:
    f = load_profiles()["business"].levels["lad"]
    assert net_factor(scale_factors(f, k)) <= net_factor(f) + 1e-12
    assert net_factor(scale_factors(f, 1.0 / k)) >= net_factor(f) - 1e-12
