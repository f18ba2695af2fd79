"""Runs built from several engines: the low / central / high variants of one plan."""

from __future__ import annotations

import numpy as np

from game.model.world import World
from game.scenarios import Catalogue, Scenario
from game.sim.area_setup import BasePopulation
from game.sim.engine import Engine
from game.sim.national_control import national_path
from game.sim.params_bundle import Parameters
from game.sim.population import calibrate_world
from game.sim.uncertainty import VARIANTS


def run_low_central_high(
    world: World,
    area: str,
    params: Parameters,
    *,
    seed: int = 1,
    years: int = 10,
    scenario: Scenario | None = None,
    catalogue: Catalogue | None = None,
    budget: float | None = None,
    base_population: BasePopulation | None = None,
    base_year: int = 2021,
    baseline: str = "national",
) -> dict[str, Engine]:
    """Three engines (low, central, high) built with the same arguments and run to the end;
    the world's demographic calibration is computed once and shared."""
    world_rates = calibrate_world(world, params.schedules, params.demography, params.pooled_areas)
    control = None
    if baseline == "national":  # the national control's factors, worked out once
        P = np.asarray(world.population_array(), dtype=np.float64)
        control = national_path(P, world_rates, params.national, base_year + years)
    out: dict[str, Engine] = {}
    for name in VARIANTS:
        eng = Engine(
            world,
            area=area,
            seed=seed,
            years=years,
            catalogue=catalogue,
            base_population=base_population,
            base_year=base_year,
            variant=name,
            scenario=scenario,
            budget=budget,
            params=params,
            world_rates=world_rates,
            baseline=baseline,
            control=control,
        )
        eng.run()
        out[name] = eng
    return out
