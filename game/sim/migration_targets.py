"""The engine's migration links over time: targets for extra residents that homes and jobs
support, reached after their lags (POPGROUP-style dwelling-led and jobs-led scenarios)."""

from __future__ import annotations

import numpy as np

from game.sim.migration_links import (
    LabourReading,
    MigrationLinkParams,
    migrants_for_dwellings,
    migrants_for_jobs,
)


class MigrationTargets:
    """Extra residents the scenario's homes and jobs support, per area (n,)."""

    def __init__(self, n: int, links: MigrationLinkParams, response: float) -> None:
        self.links = links
        self.response = response  # the uncertainty variant's migration response
        self.pending_dwelling: dict[int, np.ndarray] = {}
        self.pending_jobs: dict[int, np.ndarray] = {}
        self.prev_op_workplace = np.zeros(n)
        self.target_dwelling = np.zeros(n)
        self.target_jobs = np.zeros(n)

    def schedule(
        self, year: int, new_homes: np.ndarray, op_workplace: np.ndarray, lab: LabourReading
    ) -> None:
        """People follow homes and jobs, after the lags in data/params/migration_links.csv."""
        if new_homes.any():
            when = year + self.links.dwelling_lag_years
            add = migrants_for_dwellings(new_homes, self.links) * self.response
            self.pending_dwelling[when] = self.pending_dwelling.get(when, 0.0) + add
        d_jobs = op_workplace - self.prev_op_workplace
        if np.abs(d_jobs).sum() > 1e-9:
            when = year + self.links.jobs_lag_years
            add = migrants_for_jobs(d_jobs, lab, self.links) * self.response
            self.pending_jobs[when] = self.pending_jobs.get(when, 0.0) + add
        self.prev_op_workplace = op_workplace

    def extra_migrants(self, year: int, P: np.ndarray, Pb: np.ndarray) -> np.ndarray | None:
        """Migrants needed this year to keep the scenario's extra residents at the level the
        new homes and jobs support.

        Targets accumulate as homes are occupied and jobs appear (after their lags); each
        year tops the gap between scenario and baseline up to the target, so homes stay
        occupied although some newcomers move on or die, as in a dwelling-led projection.
        """
        add_d = self.pending_dwelling.pop(year, None)
        if add_d is not None:
            self.target_dwelling = self.target_dwelling + add_d
        add_j = self.pending_jobs.pop(year, None)
        if add_j is not None:
            self.target_jobs = self.target_jobs + add_j
        d, j = self.target_dwelling, self.target_jobs
        if not (d.any() or j.any()):
            return None
        # People who move into new homes also take new jobs: where both links pull people
        # in, the larger one governs (POPGROUP constrains a scenario by one or the other).
        both = (d > 0) & (j > 0)
        target = np.where(both, np.maximum(d, j), d + j)
        gap = P.sum(axis=(1, 2)) - Pb.sum(axis=(1, 2))
        return np.asarray(np.maximum(target - gap, 0.0))
