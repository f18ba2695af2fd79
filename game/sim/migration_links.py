"""People follow homes and jobs: dwelling-led and jobs-led extra net migration (METHODS §3).

Both links return extra net migrants per area (people); the caller applies them after the
lag in the parameters, placed by sex and age with the migrant age profile (so children come
with their parents), via step_population(extra_net_migrants=...).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from game.sim.schedules import FloatArray

__all__ = ["LabourReading", "MigrationLinkParams", "migrants_for_dwellings", "migrants_for_jobs"]


class LabourReading(Protocol):
    """What the jobs link reads from a labour-market state (game.sim.labour.LabourState)."""

    @property
    def home_share(self) -> FloatArray: ...
    @property
    def unemployed(self) -> FloatArray: ...
    @property
    def labour_force(self) -> FloatArray: ...
    @property
    def unemployment_rate(self) -> FloatArray: ...


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
        return dataclasses.replace(self, household_size=size)


def migrants_for_dwellings(new_dwellings: FloatArray, params: MigrationLinkParams) -> FloatArray:
    """Extra residents once new homes are occupied: dwellings x (1 - vacancy) x household size.

    These are additions above the baseline trend, so every occupied extra home counts in
    full (households that would have formed locally anyway are in the baseline).
    """
    p = params
    homes = np.asarray(new_dwellings, dtype=np.float64)
    return homes * (1.0 - p.vacancy_rate) * np.asarray(p.household_size, dtype=np.float64)


def migrants_for_jobs(
    net_new_jobs: FloatArray,
    labour_state: LabourReading,
    params: MigrationLinkParams,
) -> FloatArray:
    """Extra net migrants drawn by net additional workplace jobs (negative for job losses).

    employed residents needed = jobs x resident share of the area's jobs / double-jobbing
    (in a grouping, by home member: the census commuting shares of each job area's jobs);
    the local unemployed (down to the frictional floor) and inactive take their share
    first; the rest must move in: labour force = employed / (1 - unemployment rate), and
    people = labour force / the migrant group's activity rate.
    """
    p = params
    jobs = np.asarray(net_new_jobs, dtype=np.float64)
    # in a grouping, workers for the jobs in one member come from where they live
    employed_needed = labour_state.home_share @ jobs / p.double_jobbing
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
