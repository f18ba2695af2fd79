"""Approval: inertia, exact explanations, bounds."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.play.shipped import shipped_parameters
from game.sim.approval import (
    ApprovalModel,
    ApprovalWeights,
    explain,
    project_target,
)
from game.sim.indicators import SIGNAL_INDICATORS

PARAMS = shipped_parameters()


def load_params():
    return PARAMS.approval


def load_weights():
    return PARAMS.weights


K = len(SIGNAL_INDICATORS)
GP = SIGNAL_INDICATORS.index("gp_capacity_per_person")
UNEMP = SIGNAL_INDICATORS.index("unemployment_rate")


def _model(inertia: float = 0.5) -> ApprovalModel:
    m = np.zeros((2, K))
    m[0, GP] = 0.7  # "retired": GP capacity
    m[1, UNEMP] = -6.0  # "job_seekers": unemployment
    weights = ApprovalWeights(("retired", "job_seekers"), m)
    params = dict(load_params())
    params.update(inertia=inertia, initial_approval=50.0, contribution_cap=25.0)
    return ApprovalModel(weights, params)


def test_inertia_moves_a_fixed_share_towards_the_target() -> None:
    model = _model(inertia=0.5)
    sig = np.zeros(K)
    sig[GP] = -10.0  # GP capacity per person down 10 points -> target -7 for retired
    y1 = model.step(sig, {})
    assert y1.values[0] == pytest.approx(50 - 3.5)
    y2 = model.step(sig, {})
    assert y2.values[0] == pytest.approx(50 - 3.5 - 1.75)
    assert y2.values[1] == pytest.approx(50.0)


def test_why_did_retirees_approval_fall_six_points() -> None:
    # A project retirees like (+2 target) while GP capacity falls (-14 target); inertia 0.5:
    model = _model(inertia=0.5)
    sig = np.zeros(K)
    sig[GP] = -20.0
    year = model.step(sig, {"p1": np.array([2.0, 0.0])})
    change = year.values[0] - 50.0
    assert change == pytest.approx(-6.0)
    reasons = explain(model.groups, year, {"gp_capacity_per_person": "GP", "p1": "Park"})
    retired = reasons["retired"]
    assert [c.label for c in retired] == ["GP", "Park"]
    assert retired[0].delta == pytest.approx(-7.0) and retired[1].delta == pytest.approx(1.0)
    assert sum(c.delta for c in retired) == pytest.approx(change)
    assert retired[1].source == "project:p1" and retired[0].indicator == "gp_capacity_per_person"


def test_contribution_cap_limits_one_indicator() -> None:
    model = _model(inertia=1.0)
    sig = np.zeros(K)
    sig[UNEMP] = 20.0  # +20 points unemployment x -6 = -120, capped at -25
    y = model.step(sig, {})
    assert y.values[1] == pytest.approx(25.0)


@settings(max_examples=60, deadline=None)
@given(
    signals=st.lists(
        st.lists(st.floats(min_value=-50, max_value=50), min_size=K, max_size=K),
        min_size=1,
        max_size=8,
    ),
    project=st.floats(min_value=-60, max_value=60),
)
def test_approval_stays_in_bounds_and_explanations_sum_to_the_change(signals, project) -> None:
    model = ApprovalModel(load_weights(), load_params())
    for row in signals:
        before = model.values.copy()
        target = np.full(len(model.groups), project)
        year = model.step(np.array(row), {"p1": target})
        assert np.all(year.values >= -1e-9) and np.all(year.values <= 100 + 1e-9)
        sums = year.indicator_deltas.sum(axis=1) + year.project_deltas["p1"]
        assert np.allclose(sums, year.values - before, atol=1e-9)


def test_project_targets_shrink_in_bigger_areas_and_before_opening() -> None:
    p = load_params()
    groups = ("young_families", "retired")
    small = project_target(groups, {"young_families": 2}, 1.0, 50_000, True, p)
    big = project_target(groups, {"young_families": 2}, 1.0, 2_000_000, True, p)
    announced = project_target(groups, {"young_families": 2}, 1.0, 50_000, False, p)
    assert small[0] > big[0] > 0 and small[1] == 0
    assert announced[0] == pytest.approx(small[0] * p["announce_fraction"])


def test_shipped_weights_cover_the_api_groups() -> None:
    w = load_weights()
    assert len(w.groups) >= 18 and np.abs(w.matrix).sum(axis=1).min() > 0
