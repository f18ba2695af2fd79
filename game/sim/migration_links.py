"""People follow homes and jobs: dwelling-led and jobs-led extra net migration (METHODS §3).

Both links return extra net migrants per area (people); the caller applies them after the
lag in the parameters, placed by sex and age with MIGRANT_AGE_PROFILE (so children come
with their parents), via step_population(extra_net_migrants=...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from game.errors import DataError
from game.sim.rates import PARAMS_DIR, FloatArray, load_national_schedules, read_param_table

if TYPE_CHECKING:
    from game.sim.labour import LabourState

LINKS_FILE = "migration_links.csv"

# MIGRANT_AGE_PROFILE is also importable (module __getattr__, read lazily from data/params).
__all__ = [
    "MigrationLinkParams",
    "load_link_params",
    "migrant_age_profile",
    "migrants_for_dwellings",
    "migrants_for_jobs",
]


@dataclass(frozen=True)
class MigrationLinkParams:
    household_size: float | FloatArray  # people per household (scalar or per area (n,))
    vacancy_rate: float
    double_jobbing: float
    dwelling_lag_years: int
    jobs_lag_years: int
    take_up_unemployed: float  # share of resident-filled new jobs going to local unemployed
    take_up_inactive: float  # ... and to locally inactive people re-entering work
    unemployment_floor: float  # frictional unemployment rate below which take-up stops
    migrant_activity_rate: float  # economically active share of a typical migrant group

    def with_household_size(self, size: float | FloatArray) -> MigrationLinkParams:
        values = {f: getattr(self, f) for f in self.__dataclass_fields__}
        values["household_size"] = size
        return MigrationLinkParams(**values)


def migrant_age_profile() -> FloatArray:
    """(2, 91) sex x age shares of migrants, summing to 1 (read-only)."""
    return load_national_schedules().migrant_profile


def __getattr__(name: str) -> Any:  # PEP 562: the constant is read from data/params lazily
    if name == "MIGRANT_AGE_PROFILE":
        return migrant_age_profile()
    raise AttributeError(name)


@cache
def load_link_params(params_dir: Path = PARAMS_DIR) -> MigrationLinkParams:
    from game.sim.labour import load_activity_schedule

    path = params_dir / LINKS_FILE
    rows = read_param_table(path, ["parameter", "value"], {"value": float})
    values = {str(r["parameter"]): float(r["value"]) for r in rows}
    needed = [f for f in MigrationLinkParams.__dataclass_fields__ if f != "migrant_activity_rate"]
    missing = [k for k in needed if k not in values]
    if missing:
        raise DataError(str(path), f"missing parameter(s) {', '.join(missing)}", column="parameter")
    activity = load_activity_schedule(params_dir)
    return MigrationLinkParams(
        household_size=values["household_size"],
        vacancy_rate=values["vacancy_rate"],
        double_jobbing=values["double_jobbing"],
        dwelling_lag_years=int(values["dwelling_lag_years"]),
        jobs_lag_years=int(values["jobs_lag_years"]),
        take_up_unemployed=values["take_up_unemployed"],
        take_up_inactive=values["take_up_inactive"],
        unemployment_floor=values["unemployment_floor"],
        migrant_activity_rate=float((activity * migrant_age_profile()).sum()),
    )


def migrants_for_dwellings(
    new_dwellings: FloatArray, params: MigrationLinkParams | None = None
) -> FloatArray:
    """Extra residents once new homes are occupied: dwellings x (1 - vacancy) x household size.

    These are additions above the baseline trend, so every occupied extra home counts in
    full (households that would have formed locally anyway are in the baseline).
    """
    p = params or load_link_params()
    homes = np.asarray(new_dwellings, dtype=np.float64)
    return homes * (1.0 - p.vacancy_rate) * np.asarray(p.household_size, dtype=np.float64)


def migrants_for_jobs(
    net_new_jobs: FloatArray,
    labour_state: LabourState,
    params: MigrationLinkParams | None = None,
) -> FloatArray:
    """Extra net migrants drawn by net additional workplace jobs (negative for job losses).

    employed residents needed = jobs x resident share of the area's jobs / double-jobbing;
    the local unemployed (down to the frictional floor) and inactive take their share
    first; the rest must move in: labour force = employed / (1 - unemployment rate), and
    people = labour force / the migrant group's activity rate.
    """
    p = params or load_link_params()
    jobs = np.asarray(net_new_jobs, dtype=np.float64)
    employed_needed = jobs * labour_state.resident_share_of_jobs / p.double_jobbing
    spare_unemployed = np.maximum(
        labour_state.unemployed - p.unemployment_floor * labour_state.labour_force, 0.0
    )
    gain = employed_needed > 0
    from_unemployed = np.where(
        gain,
        np.minimum(employed_needed * p.take_up_unemployed, spare_unemployed),
        employed_needed * p.take_up_unemployed,  # job losses: some stay on as unemployed
    )
    from_inactive = employed_needed * p.take_up_inactive
    movers_employed = employed_needed - from_unemployed - from_inactive
    u = np.clip(labour_state.unemployment_rate, 0.0, 0.5)
    labour_force_needed = movers_employed / (1.0 - u)
    return labour_force_needed / p.migrant_activity_rate
