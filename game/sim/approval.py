"""Citizen-group approval (0-100) with inertia and an exact explanation of every change.

Each source k (an indicator, or a funded project) sets a target contribution c_k for each
group; the group's felt contribution a_k moves a fixed share (the inertia parameter) of
the way towards c_k every year, Democracy-style. Approval is the start value plus the sum
of felt contributions, so a year's change is exactly the sum of the per-source changes:
that list is the answer to "why did retirees' approval fall 6 points?".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from game.sim.indicators import SIGNAL_INDICATORS

MIN_SHOWN = 0.005  # contributions smaller than this (points) are not listed


@dataclass(frozen=True)
class Contribution:
    """One reason for an approval change: `source` is "indicator" or "project:<id>"."""

    source: str
    indicator: str | None
    delta: float
    label: str = ""


@dataclass(frozen=True)
class ApprovalWeights:
    groups: tuple[str, ...]
    matrix: np.ndarray  # (G, K) points per unit of signal, columns = SIGNAL_INDICATORS


@dataclass(frozen=True)
class ApprovalYear:
    values: np.ndarray  # (G,) approval after the year
    indicator_deltas: np.ndarray  # (G, K)
    project_ids: tuple[str, ...]
    project_matrix: np.ndarray  # (G, P) change from each project, columns = project_ids

    @property
    def project_deltas(self) -> dict[str, np.ndarray]:
        return {pid: self.project_matrix[:, j] for j, pid in enumerate(self.project_ids)}

    def top_reasons_all(self, n: int, rows: list[int]) -> list[list[tuple[str, str | None, float]]]:
        """The n largest reasons for each group in rows, (source, indicator, delta), with one
        sort."""
        full = np.hstack([self.indicator_deltas[rows], self.project_matrix[rows]])
        orders = np.argsort(-np.abs(full), axis=1, kind="stable")[:, :n]
        return [self._reasons(full[i], orders[i]) for i in range(len(rows))]

    def _reasons(self, row: np.ndarray, order: np.ndarray) -> list[tuple[str, str | None, float]]:
        k = len(SIGNAL_INDICATORS)
        out: list[tuple[str, str | None, float]] = []
        for j in order.tolist():
            d = float(row[j])
            if abs(d) < MIN_SHOWN:
                break
            if j < k:
                out.append(("indicator", SIGNAL_INDICATORS[int(j)], d))
            else:
                out.append((f"project:{self.project_ids[int(j) - k]}", None, d))
        return out


class ApprovalModel:
    """Approval of every group for one run (scenario or baseline)."""

    def __init__(self, weights: ApprovalWeights, params: Mapping[str, float]) -> None:
        self.weights = weights
        self.params = dict(params)
        g = len(self.weights.groups)
        self.values = np.full(g, self.params["initial_approval"])
        self.felt_indicators = np.zeros((g, len(SIGNAL_INDICATORS)))
        self.project_ids: list[str] = []
        self.felt_projects = np.zeros((g, 0))

    @property
    def groups(self) -> tuple[str, ...]:
        return self.weights.groups

    def indicator_targets(self, signal: np.ndarray) -> np.ndarray:
        cap = self.params["contribution_cap"]
        return np.clip(self.weights.matrix * signal[None, :], -cap, cap)

    def step(self, signal: np.ndarray, project_targets: Mapping[str, np.ndarray]) -> ApprovalYear:
        alpha = self.params["inertia"]
        g = len(self.values)
        new_ids = [pid for pid in project_targets if pid not in self.project_ids]
        if new_ids:
            self.project_ids.extend(new_ids)
            self.felt_projects = np.hstack([self.felt_projects, np.zeros((g, len(new_ids)))])
        targets = np.zeros_like(self.felt_projects)
        for j, pid in enumerate(self.project_ids):
            t = project_targets.get(pid)
            if t is not None:
                targets[:, j] = t
        d_ind = alpha * (self.indicator_targets(signal) - self.felt_indicators)
        d_proj = alpha * (targets - self.felt_projects)
        total = d_ind.sum(axis=1) + d_proj.sum(axis=1)
        # Keep approval in 0..100 by scaling every reason of that group alike, so the
        # explanation still adds up exactly to the change shown.
        new = self.values + total
        if new.max() > 100.0 or new.min() < 0.0:
            room = np.where(
                new > 100.0, 100.0 - self.values, np.where(new < 0.0, -self.values, total)
            )
            k = np.divide(room, total, out=np.ones_like(total), where=np.abs(total) > 1e-12)
            d_ind = d_ind * k[:, None]
            d_proj = d_proj * k[:, None]
            total = total * k
        self.felt_indicators = self.felt_indicators + d_ind
        self.felt_projects = self.felt_projects + d_proj
        self.values = self.values + total
        return ApprovalYear(self.values.copy(), d_ind, tuple(self.project_ids), d_proj)


def explain_group(gi: int, year: ApprovalYear, labels: Mapping[str, str]) -> list[Contribution]:
    """The reasons for group `gi`'s change this year, largest first."""
    items: list[Contribution] = []
    row = year.indicator_deltas[gi]
    for k in np.flatnonzero(np.abs(row) >= MIN_SHOWN):
        name = SIGNAL_INDICATORS[int(k)]
        items.append(Contribution("indicator", name, float(row[k]), labels.get(name, name)))
    for j, pid in enumerate(year.project_ids):
        d = float(year.project_matrix[gi, j])
        if abs(d) >= MIN_SHOWN:
            items.append(Contribution(f"project:{pid}", None, d, labels.get(pid, pid)))
    items.sort(key=lambda c: (-abs(c.delta), c.source, c.indicator or ""))
    return items


def explain(
    groups: tuple[str, ...],
    year: ApprovalYear,
    labels: Mapping[str, str],
) -> dict[str, list[Contribution]]:
    """Per group, the reasons for this year's change, largest first."""
    return {g: explain_group(gi, year, labels) for gi, g in enumerate(groups)}


def project_size_factor(population: float, params: Mapping[str, float]) -> float:
    ref = 100_000.0
    f = (ref / max(population, 1.0)) ** params["size_exponent"]
    return min(params["size_factor_max"], max(params["size_factor_min"], f))


def project_target(
    groups: tuple[str, ...],
    group_effects: Mapping[str, float],
    scale: float,
    population: float,
    opened: bool,
    params: Mapping[str, float],
) -> np.ndarray:
    """Target approval contribution of one project for every group."""
    phase = 1.0 if opened else params["announce_fraction"]
    k = params["points_per_strength"] * project_size_factor(population, params) * phase
    k *= min(scale, params["scale_cap"]) ** params["scale_exponent"]
    return np.array([group_effects.get(g, 0.0) * k for g in groups])
