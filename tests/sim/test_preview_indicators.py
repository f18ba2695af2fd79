"""The consultation preview runs the engine's own indicator arithmetic (one formula)."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.sim.engine import Engine, FundProject
from game.sim.indicators import SIGNAL_INDICATORS
from game.sim.previews import preview_indicators

PARAMS = shipped_parameters()


@pytest.fixture(scope="module")
def engine() -> Engine:
    eng = Engine(load_world(), "Hartlepool", years=8, budget=1e9, params=PARAMS)
    eng.submit(FundProject("gigabit_broadband"))
    for _ in range(5):  # open for a few years: premises connected, roll-out under way
        eng.advance_year()
    return eng


def test_preview_now_is_the_years_own_record(engine: Engine) -> None:
    now, _ = preview_indicators(
        engine.ctx, engine.projects, engine.inputs, FundProject("new_park"), engine.year
    )
    last = engine.history[-1].indicators
    for name in SIGNAL_INDICATORS:
        assert now[name] == pytest.approx(last[name], rel=1e-12), name


def test_broadband_preview_uses_the_engines_formula(engine: Engine) -> None:
    """Issue 7: the preview had its own broadband formula (premises without the baseline's
    growth, and the new premises applied to the share not yet connected a second time)."""
    x, start, ip = engine.inputs, engine.start, PARAMS.indicator
    assert x.stocks.premises_connected == pytest.approx(5000)
    now, after = preview_indicators(
        engine.ctx, engine.projects, x, FundProject("gigabit_broadband"), engine.year
    )
    bb0 = PARAMS.indicator_specs["broadband_gigabit_share"].start_value or 0.0
    rollout = min(ip.broadband_ceiling, bb0 + ip.broadband_rollout * x.years_since_start)
    premises = start.households / (1 - ip.vacancy) * (x.baseline_total / start.population)
    expected = (1 - rollout) * 5000 / premises  # connected premises count once, linearly
    got = after["broadband_gigabit_share"] - now["broadband_gigabit_share"]
    assert got == pytest.approx(expected, rel=1e-9)
    assert engine.year > engine.start_year + 2 and rollout > bb0


def test_preview_leaves_the_engine_untouched(engine: Engine) -> None:
    before = (engine.checksum(), len(engine.active), engine.budget)
    engine.preview_approval(FundProject("gigabit_broadband", scale=2.0))
    assert (engine.checksum(), len(engine.active), engine.budget) == before
