"""National demographic schedules as the engine uses them (no file access here).

game.sim.params_bundle reads them from data/params; game.sim.build_rates derives those
files from the UN WPP 2022 extracts (docs/methods-population.md explains every step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from game.model.area import AreaProfile

FloatArray = npt.NDArray[np.float64]

FERTILITY_FILE = "national_fertility_shape.csv"
MORTALITY_FILE = "national_mortality.csv"
MIGRATION_SCHEDULE_FILE = "migration_age_schedule.csv"
DEMOGRAPHY_PARAMS_FILE = "demography.csv"
FERTILE_AGES = range(15, 50)  # METHODS §1: births to women 15-49


class WorldLike(Protocol):
    """What calibration needs from game.census.World (kept structural to avoid a hard tie)."""

    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def areas(self) -> dict[str, AreaProfile]: ...
    @property
    def index(self) -> dict[str, int]: ...
    def population_array(self) -> npt.NDArray[np.float64]: ...


@dataclass(frozen=True)
class NationalSchedules:
    """Single-year national schedules, index = age 0..90 (90 = open group 90+)."""

    fertility_shape: FloatArray  # (91,) female births per woman at TFR 1, sums to 1
    q: FloatArray  # (2, 91) life-table q(x): dying between exact ages x and x+1
    death_prob: FloatArray  # (2, 91) dying within the projection year, by age at its end
    migration_rate_shape: FloatArray  # (2, 91) relative mobility by age (peak = 1)
    migrant_profile: FloatArray  # (2, 91) shares of all movers by sex x age, sums to 1
    sex_ratio_at_birth: float  # boys per girl


def cohort_death_probability(q: FloatArray) -> FloatArray:
    """Death probability over one projection year for the aged-on cohort now aged a.

    That cohort was a-1 at the start of the year, so it spends the year between exact ages
    a-1/2 and a+1/2 on average: the mean of q(a-1) and q(a) (a Lexis parallelogram), not
    q(a), which would overstate deaths by roughly half a year of ageing (~4%). Births
    (age 0) take q(0); the open group 90+ mixes the 89s joining it with the 90+ already in
    it, so it takes q(90+).
    """
    out = np.array(q, dtype=np.float64, copy=True)
    out[..., 1:90] = 0.5 * (q[..., 0:89] + q[..., 1:90])
    return out


def life_expectancy(q: FloatArray, a0: float = 0.1) -> float:
    """e0 implied by single-year q(0..89) and the open group q(90+) (for checks and docs)."""
    lx = np.concatenate(([1.0], np.cumprod(1.0 - q[:-1])))
    ax = np.full(q.shape, 0.5)
    ax[0] = a0
    big_l = lx[:-1] - (1.0 - ax[:-1]) * lx[:-1] * q[:-1]
    # open group: person-years = l(90) x expected years left, a geometric series in q(90+)
    open_years = lx[-1] * (1.0 / q[-1] - 0.5)
    return float(big_l.sum() + open_years)
