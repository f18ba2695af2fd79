"""Checks and set-up steps of an engine run that need no engine: the span of years, the
demographic calibration with its national constraint, and a scenario's planned projects as
funding commands by year (game.sim.engine calls these from Engine.__init__)."""

from __future__ import annotations

import numpy as np

from game.errors import ScenarioError
from game.model.world import World
from game.scenarios import Scenario
from game.sim.national_control import BASELINES, ControlPath, national_path
from game.sim.params_bundle import Parameters
from game.sim.population import DemographicRates, calibrate_demography, calibrate_world
from game.sim.records import FundProject

MIN_BASE_YEAR, MAX_BASE_YEAR = 2011, 2040


def check_span(years: int, base_year: int, baseline: str) -> None:
    if years < 1:
        raise ScenarioError(f"years must be at least 1, got {years}")
    if not MIN_BASE_YEAR <= base_year <= MAX_BASE_YEAR:
        raise ScenarioError(
            f"base year must lie between {MIN_BASE_YEAR} and {MAX_BASE_YEAR}, got {base_year}"
        )
    if baseline not in BASELINES:
        raise ScenarioError(f"unknown baseline '{baseline}' (use {' or '.join(BASELINES)})")


def demography(
    world: World,
    codes: tuple[str, ...] | list[str],
    params: Parameters,
    world_rates: DemographicRates | None,
    baseline: str,
    control: ControlPath | None,
    end_year: int,
) -> tuple[DemographicRates, ControlPath | None]:
    """The played area's demographic rates, and the national constraint's factors up to
    `end_year` when the baseline is "national" (None when it is unconstrained). Callers
    that build several engines pass `world_rates` and `control` so each is computed once."""
    full = world_rates or calibrate_world(
        world, params.schedules, params.demography, params.pooled_areas
    )
    rates = calibrate_demography(world, codes, full)
    if baseline != "national":
        return rates, None
    if control is None or control.end_year < end_year:
        P_world = np.asarray(world.population_array(), dtype=np.float64)
        control = national_path(P_world, full, params.national, end_year)
    return rates, control


def planned_commands(scenario: Scenario, start_year: int) -> dict[int, list[FundProject]]:
    """A scenario's planned projects as funding commands by year; one planned before the
    run starts is refused by its place in the file."""
    schedule: dict[int, list[FundProject]] = {}
    for i, planned in enumerate(scenario.projects):
        if planned.year < start_year:
            raise ScenarioError(
                f"scenario '{scenario.name}': projects[{i}] "
                f"'{planned.label or planned.type}' is planned for {planned.year}, "
                f"before the base year {start_year}"
            )
        schedule.setdefault(planned.year, []).append(
            FundProject(planned.type, planned.scale, planned.label, planned.area)
        )
    return schedule
