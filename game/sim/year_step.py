"""One simulated year's pieces: what the funded projects add, and the approval events."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from game.sim import indicators as ind
from game.sim.approval import Contribution
from game.sim.projects import N_SECTIONS, ActiveProject
from game.sim.records import Event, EventValue, YearRecord

CONSTRUCTION_SECTION = 5  # SIC section F


def add_open_stocks(stocks: ind.Stocks, p: ActiveProject, year: int | None = None) -> None:
    """Add what an open project delivers by mid-year `year` (places, homes, premises,
    index points; None: all of it, as once fully built)."""
    points = stocks.index_points if stocks.index_points is not None else {}
    stocks.index_points = points
    stocks.school_places += p.school_places
    stocks.gp_patient_capacity += p.gp_capacity
    stocks.homes += p.additional_homes if year is None else p.homes_delivered(year)
    stocks.premises_connected += p.premises
    for name, pts in p.index_points.items():
        points[name] = points.get(name, 0.0) + pts


@dataclass
class ProjectEffects:
    """What the funded projects add in one year, per member area where it matters."""

    extra_jobs: np.ndarray  # (n, 21) net additional workplace jobs by section
    op_workplace: np.ndarray  # (n,) operational workplace jobs
    new_homes: dict[str, np.ndarray]  # housing type -> (n,) homes first occupied this year
    stocks: ind.Stocks
    project_jobs: dict[str, dict[str, float]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def project_effects(active: list[ActiveProject], year: int, n: int) -> ProjectEffects:
    """The phases of every funded project at mid-year `year` (see game.sim.projects)."""
    fx = ProjectEffects(
        extra_jobs=np.zeros((n, N_SECTIONS)),
        op_workplace=np.zeros(n),
        new_homes={},
        stocks=ind.Stocks(index_points={}),
    )
    for p in active:
        cj = oj = 0.0
        if p.building(year):
            fx.extra_jobs[:, CONSTRUCTION_SECTION] += p.constr_by_area
            cj = p.constr_net_per_year
        if p.opens < year:
            share = p.op_share(year)  # premises let over the ramp-up years
            fx.extra_jobs += p.op_matrix * share
            fx.op_workplace += p.op_by_area * share
            oj = p.op_net * share
            fx.stocks.running_cost += p.running
        if p.stock_from <= year:
            add_open_stocks(fx.stocks, p, year)
            new = p.homes_delivered(year) - p.homes_delivered(year - 1)
            if new > 0 and p.additional_homes > 0:
                kind = p.ptype.housing
                add = p.homes_by_area * (new / p.additional_homes)
                fx.new_homes[kind] = fx.new_homes.get(kind, np.zeros(n)) + add
        if p.opens == year and p.ptype.build_years > 0:
            data: dict[str, EventValue] = {"project_id": p.id, "type_id": p.ptype.id}
            fx.events.append(Event("opened", year, f"{p.label} opened", data))
        fx.project_jobs[p.id] = {"construction": cj, "operational": oj}
    return fx


def approval_events(
    groups: tuple[str, ...],
    labels: Mapping[str, str],
    threshold: float,
    before: np.ndarray,
    rec: YearRecord,
) -> list[Event]:
    """An event for every group whose approval moved by `threshold` points or more."""
    year = rec.approval_year
    if year is None:
        return []
    deltas = year.values - before
    rows = np.flatnonzero(np.abs(deltas) >= threshold).tolist()
    events: list[Event] = []
    for gi, top in zip(rows, year.top_reasons_all(3, rows), strict=True):
        g = groups[gi]
        delta = float(deltas[gi])
        reasons = [
            Contribution(src, ind_name, d, labels.get(ind_name or src[8:], src))
            for src, ind_name, d in top
        ]
        why = ", ".join(f"{c.label} {c.delta:+.1f}" for c in reasons)
        verb = "rose" if delta > 0 else "fell"
        events.append(
            Event(
                "approval",
                rec.year,
                f"{g.replace('_', ' ').capitalize()} approval {verb} "
                f"{abs(delta):.1f} points: {why}",
                {"group": g, "delta": delta, "reasons": reasons},
            )
        )
    return events
