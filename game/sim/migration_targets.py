"""The engine's migration links over time: targets for extra residents that homes and jobs
support, reached after their lags (POPGROUP-style dwelling-led and jobs-led scenarios).

The top-up is solved at the end of the year, after that year's deaths and out-migration,
so the scenario's extra residents meet the target at mid-year (issue 8: topped up at the
start of the year, 1,000 homes in Westminster held 2,028 extra residents, not 2,289).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from game.sim.migration_links import (
    LabourReading,
    MigrationLinkParams,
    migrants_for_dwellings,
    migrants_for_jobs,
)

# housing type -> (people per occupied home in each member area (n,), occupants (2, 91))
Occupants = Mapping[str, tuple[np.ndarray, np.ndarray]]


class MigrationTargets:
    """Extra residents the scenario's homes and jobs support, per area, by sex and age."""

    def __init__(
        self,
        n: int,
        links: MigrationLinkParams,
        response: float,
        occupants: Occupants,
        migrant_profile: np.ndarray,
    ) -> None:
        self.links = links
        self.response = response  # the uncertainty variant's migration response
        self.occupants = occupants
        self.migrant_profile = migrant_profile
        self.pending_dwelling: dict[int, np.ndarray] = {}  # year -> (n, 2, 91) people
        self.pending_jobs: dict[int, np.ndarray] = {}  # year -> (n,) people
        self.prev_op_workplace = np.zeros(n)
        self.target_dwelling = np.zeros((n, 2, migrant_profile.shape[-1]))
        self.target_jobs = np.zeros(n)

    def schedule(
        self,
        year: int,
        new_homes: Mapping[str, np.ndarray],
        op_workplace: np.ndarray,
        lab: LabourReading,
    ) -> None:
        """People follow homes and jobs, after the lags in data/params/migration_links.csv.

        new_homes: homes first occupied this year, by housing type, per member area (n,).
        """
        for housing, homes in new_homes.items():
            if not homes.any():
                continue
            size, profile = self.occupants[housing]
            links = self.links.with_household_size(size)
            people = migrants_for_dwellings(homes, links) * self.response
            when = year + self.links.dwelling_lag_years
            add = people[:, None, None] * profile[None]
            self.pending_dwelling[when] = self.pending_dwelling.get(when, 0.0) + add
        d_jobs = op_workplace - self.prev_op_workplace
        if np.abs(d_jobs).sum() > 1e-9:
            when = year + self.links.jobs_lag_years
            add_j = migrants_for_jobs(d_jobs, lab, self.links) * self.response
            self.pending_jobs[when] = self.pending_jobs.get(when, 0.0) + add_j
        self.prev_op_workplace = op_workplace

    def extra_migrants(self, year: int, P: np.ndarray, Pb: np.ndarray) -> np.ndarray | None:
        """Migrants (n, 2, 91) needed so that, with P and Pb the populations at the end of
        the year before any top-up, the scenario's extra residents meet the target.

        Targets accumulate as homes are occupied and jobs appear (after their lags); each
        year tops the gap between scenario and baseline up to the target, so homes stay
        occupied although some newcomers move on or die, as in a dwelling-led projection.
        The top-up has the age mix of the target (the homes' occupants and job movers).
        """
        add_d = self.pending_dwelling.pop(year, None)
        if add_d is not None:
            self.target_dwelling = self.target_dwelling + add_d
        add_j = self.pending_jobs.pop(year, None)
        if add_j is not None:
            self.target_jobs = self.target_jobs + add_j
        d, j = self.target_dwelling.sum(axis=(1, 2)), self.target_jobs
        if not (d.any() or j.any()):
            return None
        # People who move into new homes also take new jobs: where both links pull people
        # in, the larger one governs (POPGROUP constrains a scenario by one or the other).
        both = (d > 0) & (j > 0)
        target = np.where(both, np.maximum(d, j), d + j)
        gap = P.sum(axis=(1, 2)) - Pb.sum(axis=(1, 2))
        need = np.maximum(target - gap, 0.0)
        mix = self.target_dwelling + np.maximum(j, 0.0)[:, None, None] * self.migrant_profile
        total = mix.sum(axis=(1, 2), keepdims=True)
        mix = np.divide(
            mix, total, out=np.broadcast_to(self.migrant_profile, mix.shape).copy(), where=total > 0
        )
        return np.asarray(need[:, None, None] * mix)
