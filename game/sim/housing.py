"""Who lives in new homes: people per home and their ages, by housing type (issue 8).

General homes fill at the area's own Census 2021 household size with the usual migrant
age mix; extra-care flats, family homes and student rooms have their own occupancy and
occupant ages (data/params/housing_types.csv, housing_ages.csv).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.model.area import N_AGES
from game.sim.schedules import FloatArray


@dataclass(frozen=True)
class AgeBand:
    age_from: int
    age_to: int
    share: float  # of the occupants
    split_by: str  # "migrants" (the mover profile) or "population" (E&W by sex and age)


@dataclass(frozen=True)
class HousingType:
    name: str
    people_per_home: float | None  # None: the area's own household size
    bands: tuple[AgeBand, ...]

    def occupancy(self, area_household_size: FloatArray) -> FloatArray:
        """People per occupied home in each member area (n,)."""
        if self.people_per_home is None:
            return np.asarray(area_household_size, dtype=np.float64)
        return np.full(np.shape(area_household_size), self.people_per_home)

    def profile(self, migrants: FloatArray, population: FloatArray) -> FloatArray:
        """(2, 91) sex x age shares of the occupants, summing to 1."""
        out = np.zeros((2, N_AGES))
        for b in self.bands:
            basis = migrants if b.split_by == "migrants" else population
            part = np.asarray(basis, dtype=np.float64)[:, b.age_from : b.age_to + 1]
            total = part.sum()
            if total > 0:
                out[:, b.age_from : b.age_to + 1] += b.share * part / total
        s = out.sum()
        return out / s if s > 0 else np.asarray(migrants, dtype=np.float64)
