"""The national control (issue 8, point 5): the councils' baseline constrained to ONS's
national figures, the unconstrained trend kept as a variant, special populations held."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.census import load_world
from game.errors import DataError
from game.model.area import N_AGES
from game.play.shipped import shipped_parameters
from game.resources import data_dir
from game.sim.engine import Engine
from game.sim.national_control import national_path, read_national_control
from game.sim.population import calibrate_world, step_population

PARAMS = shipped_parameters()
ONS_MID_2024 = 61_806_682  # ONS Population estimates for England and Wales: mid-2024
RICHMONDSHIRE = "E07000166"


@pytest.fixture(scope="module")
def world():
    return load_world()


@pytest.fixture(scope="module")
def world_rates(world):
    return calibrate_world(world, PARAMS.schedules, PARAMS.demography, PARAMS.pooled_areas)


@pytest.fixture(scope="module")
def runs(world, world_rates):
    """All 331 areas for 50 years, constrained and unconstrained (baselines only)."""
    out = {}
    for baseline in ("national", "unconstrained"):
        eng = Engine(
            world, area="all", years=50, params=PARAMS, world_rates=world_rates, baseline=baseline
        )
        eng.run()
        out[baseline] = eng
    return out


def _baseline(eng: Engine, year: int) -> np.ndarray:
    return eng.history[year - eng.start_year].trace.baseline_population


def _simulate_check(*extra: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "main.py", "simulate", "--area", "all", "--years", "10", "--json", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["national_check"]


def _simulate_baseline(*extra: str) -> str:
    out = subprocess.run(
        [sys.executable, "main.py", "simulate", "--area", "Hartlepool", "--json", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["baseline"]


def test_simulate_all_meets_ons_mid_2024_within_0_2_percent_and_unconstrained_does_not() -> None:
    rows = {(r["year"], r["country"]): r for r in _simulate_check()}
    ew = rows[(2024, "england and wales")]
    assert ew["ons"] == ONS_MID_2024 and ew["baseline"] == "national"
    assert abs(ew["difference"]) < 0.002
    for country in ("england", "wales"):
        assert abs(rows[(2024, country)]["difference"]) < 0.002
    # the unconstrained trend (frozen 2019-20 rates) is the 2% shortfall the issue reported
    free = {(r["year"], r["country"]): r for r in _simulate_check("--baseline", "unconstrained")}
    said = (_simulate_baseline(), _simulate_baseline("--baseline", "unconstrained"))
    assert said[0].startswith("baseline: the national control")  # the summary says which
    assert said[1].startswith("baseline: unconstrained")
    assert free[(2024, "england and wales")]["difference"] < -0.015


def test_components_meet_ons_births_and_deaths(runs) -> None:
    eng = runs["national"]
    comps = eng.history[2024 - eng.start_year].trace.baseline_components
    assert comps["births"].sum() == pytest.approx(596_000, rel=1e-6)
    assert comps["deaths"].sum() == pytest.approx(566_000, rel=1e-3)  # q capped at 1 in a few cells
    free = runs["unconstrained"].history[2024 - 2021].trace.baseline_components
    assert free["births"].sum() > 620_000  # the 2019-20 fertility, held


def test_after_2024_the_projection_assumptions_take_over(runs) -> None:
    eng = runs["national"]
    nim = {}
    for year in (2026, 2028, 2035):
        c = eng.history[year - eng.start_year].trace.baseline_components
        nim[year] = c["international_in"].sum() - c["international_out"].sum()
    share = 0.93  # national_control.csv: E&W share of UK net international migration
    assert nim[2028] == pytest.approx(340_000 * share, rel=1e-6)
    assert nim[2035] == pytest.approx(340_000 * share, rel=1e-6)
    assert 340_000 * share < nim[2026] < 690_147  # on the straight line down from mid-2024
    deaths = [eng.history[y - 2021].trace.baseline_components["deaths"].sum() for y in (2030, 2040)]
    free = [
        runs["unconstrained"].history[y - 2021].trace.baseline_components["deaths"].sum()
        for y in (2030, 2040)
    ]
    # mortality improves: deaths fall further below the frozen-rate trend as years pass
    assert deaths[0] / free[0] > deaths[1] / free[1]


def test_moves_within_england_and_wales_cancel_out_nationally(runs) -> None:
    eng = runs["national"]
    for year in (2022, 2030, 2071):
        c = eng.history[year - eng.start_year].trace.baseline_components
        assert c["internal_in"].sum() == pytest.approx(c["internal_out"].sum(), rel=1e-9)
    free = runs["unconstrained"].history[2071 - 2021].trace.baseline_components
    assert free["internal_in"].sum() < free["internal_out"].sum() - 10_000  # drains E&W


def test_constrained_baseline_is_plausible(runs) -> None:
    """E&W within ONS's national projection range over ten years; every council within
    -10% .. +30% (the inner London boroughs and Cambridge take the 2022-24 immigration)."""
    eng = runs["national"]
    P0, P10 = _baseline(eng, 2021).sum(axis=(1, 2)), _baseline(eng, 2031).sum(axis=(1, 2))
    assert 0.03 < P10.sum() / P0.sum() - 1.0 < 0.09
    change = P10 / P0 - 1.0
    assert change.min() > -0.10 and change.max() < 0.30


def test_richmondshire_no_longer_drifts_minus_22_percent_over_50_years(runs) -> None:
    for eng in runs.values():
        i = eng.codes.index(RICHMONDSHIRE)
        change = _baseline(eng, 2071)[i].sum() / _baseline(eng, 2021)[i].sum() - 1.0
        assert change > -0.12, (eng.baseline, change)  # was -22% before issue 8


def test_special_population_is_held_not_aged(world, world_rates) -> None:
    fixed = world_rates.fixed
    i, h = world.index[RICHMONDSHIRE], world.index["E06000001"]
    assert fixed[i].sum() > 2000 and fixed[h].sum() == 0.0  # Catterick; Hartlepool none
    rates = world_rates.select([i])
    P = world.population_array()[[i]].astype(float)
    held = fixed[[i]]
    for _ in range(20):
        step = step_population(P, rates)
        # the same soldiers' ages are there every year, and people are conserved
        assert (step.population >= held - 1e-9).all()
        change = (
            step.births
            + step.internal_in
            + step.international_in
            - step.deaths
            - step.internal_out
            - step.international_out
        )
        assert step.population.sum() == pytest.approx(P.sum() + change.sum())
        P = step.population


def test_an_area_played_alone_matches_its_row_in_the_all_areas_run(world, world_rates, runs):
    alone = Engine(world, area="Richmondshire", years=5, params=PARAMS, world_rates=world_rates)
    alone.run()
    i = runs["national"].codes.index(RICHMONDSHIRE)
    assert alone.Pb[0].sum() == pytest.approx(_baseline(runs["national"], 2026)[i].sum(), rel=1e-9)


def test_unknown_baseline_is_refused(world) -> None:
    from game.errors import ScenarioError

    with pytest.raises(ScenarioError, match="unknown baseline 'ons'"):
        Engine(world, area="Hartlepool", params=PARAMS, baseline="ons")


def _copy_params(tmp_path: Path) -> Path:
    shutil.copytree(data_dir() / "params", tmp_path / "params")
    return tmp_path / "params"


def test_control_rows_need_a_source_and_matching_country_years(tmp_path: Path) -> None:
    params = _copy_params(tmp_path)
    path = params / "national_control.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = lines[:3] + [lines[3].rsplit(",", 1)[0] + ",guessed"] + lines[4:]
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"national_control\.csv, row 4, column 'status'"):
        read_national_control(params)
    no_wales_2024 = [ln for ln in lines if not ln.startswith("2024,wales,population")]
    path.write_text("\n".join(no_wales_2024) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="England and Wales populations must cover the same years"):
        read_national_control(params)


@given(st.floats(min_value=1e4, max_value=2e6))
def test_the_control_meets_any_ons_population_it_is_given(target_wales: float) -> None:
    """Whatever Wales's mid-2022 figure, the immigration factor meets it (or, for a figure
    below what deaths and emigration leave, stops at no immigrants at all)."""
    control = PARAMS.national
    pops = dict(control.population)
    pops[2022] = (pops[2022][0], target_wales)
    import dataclasses

    changed = dataclasses.replace(control, population=pops)
    path = national_path(_P_SMALL, _RATES_SMALL, changed, 2022)
    assert path.immigration[0, 1] >= 0.0
    P1 = step_population(
        _P_SMALL,
        _RATES_SMALL,
        fertility_scale=path.fertility[0],
        mortality_scale=path.mortality[0],
        internal_in_scale=path.internal_in[0],
        international_scale=np.where(_WALES, path.immigration[0, 1], path.immigration[0, 0]),
    )
    got = P1.population[_WALES].sum()
    if path.immigration[0, 1] > 0:
        assert got == pytest.approx(target_wales, rel=1e-9)
    else:
        assert got > target_wales


_WORLD = load_world()
_CODES = ["E06000001", "W06000015", "W06000011"]  # Hartlepool, Cardiff, Swansea
_RATES_SMALL = calibrate_world(
    _WORLD, PARAMS.schedules, PARAMS.demography, PARAMS.pooled_areas
).select([_WORLD.index[c] for c in _CODES])
_P_SMALL = _WORLD.population_array()[[_WORLD.index[c] for c in _CODES]].astype(float)
_WALES = np.array([c.startswith("W") for c in _CODES])
assert _P_SMALL.shape == (3, 2, N_AGES)
