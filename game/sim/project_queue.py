"""Funding: commands are checked, queued, applied at the next year, and become projects."""

from __future__ import annotations

import numpy as np

from game.scenarios.catalogue import unknown_type_message
from game.sim.area_setup import AreaContext
from game.sim.projects import ActiveProject
from game.sim.records import CheckResult, Event, FundProject

MAX_SCALE = 20.0


class ProjectQueue:
    """Commands waiting for the next year, scenario plans by year, and funded projects."""

    def __init__(self, ctx: AreaContext) -> None:
        self.ctx = ctx
        self.queue: list[FundProject] = []
        self.schedule: dict[int, list[FundProject]] = {}
        self.active: list[ActiveProject] = []

    def committed(self) -> float:
        types = self.ctx.catalogue.types
        return sum(
            types[c.type_id].capital_cost * c.scale for c in self.queue if c.type_id in types
        )

    def check(self, cmd: FundProject, year: int, end_year: int, budget: float) -> CheckResult:
        """Would `cmd` be accepted now? Never mutates."""
        if not isinstance(cmd, FundProject):
            return CheckResult(ok=False, cost=0.0, reason=f"unknown command {type(cmd).__name__}")
        types = self.ctx.catalogue.types
        if cmd.type_id not in types:
            return CheckResult(ok=False, cost=0.0, reason=unknown_type_message(cmd.type_id, types))
        ptype = types[cmd.type_id]
        if not 0.0 < cmd.scale <= MAX_SCALE:
            return CheckResult(ok=False, cost=0.0, reason=f"scale must lie in (0, {MAX_SCALE:g}]")
        cost = ptype.capital_cost * cmd.scale
        if cmd.area_code is not None and cmd.area_code not in self.ctx.codes:
            return CheckResult(
                ok=False, cost=cost, reason=f"area {cmd.area_code} is not part of the area played"
            )
        if year >= end_year:
            return CheckResult(ok=False, cost=cost, reason="the plan period is over")
        left = budget - self.committed()
        if cost > left + 1e-6:
            return CheckResult(
                ok=False,
                cost=cost,
                reason=f"costs £{cost / 1e6:.1f}m but only £{max(left, 0) / 1e6:.1f}m is left",
            )
        return CheckResult(ok=True, cost=cost, reason="ok")

    def take(self, year: int) -> list[FundProject]:
        """The commands to apply this year: the scenario's plans, then the queue."""
        planned = self.schedule.pop(year, [])
        commands, self.queue = [*planned, *self.queue], []
        return commands

    def unapplied_plans(self) -> list[tuple[int, FundProject]]:
        """Scenario projects (year, command) planned for years not yet reached."""
        return [(y, c) for y, cmds in sorted(self.schedule.items()) for c in cmds]

    def start(self, cmd: FundProject, year: int) -> ActiveProject:
        """Turn an accepted command into a funded project starting in `year`."""
        project = self.make(cmd, year, f"p{len(self.active) + 1}")
        self.active.append(project)
        return project

    def make(self, cmd: FundProject, year: int, pid: str) -> ActiveProject:
        """The project `cmd` would fund in `year` (not added: previews use this too)."""
        ctx = self.ctx
        ptype = ctx.catalogue.types[cmd.type_id]
        if cmd.area_code is not None:
            weights = np.array([1.0 if c == cmd.area_code else 0.0 for c in ctx.codes])
            where = cmd.area_code
        else:
            weights = ctx.pop_weights
            where = ctx.codes[0] if len(ctx.codes) == 1 else "spread"
        by_level = ctx.level_factors(ptype)
        factors = by_level[ctx.level]
        return ActiveProject(
            id=pid,
            ptype=ptype,
            label=cmd.label or ptype.describe(cmd.scale),
            scale=cmd.scale,
            area_code=where,
            weights=weights,
            started=year,
            level=ctx.level,
            factors=factors,
            construction_factors=ctx.construction(ctx.level),
            job_years_per_fte=ctx.params.appraisal["construction_job_years_per_fte"],
            index_size=ctx.index_size(),
            wider_level=ctx.wider_level,
            wider_factors=by_level.get(ctx.wider_level, factors),
            wider_construction_factors=ctx.construction(ctx.wider_level),
            leakage_basis=ctx.leakage_basis(ptype).get(ctx.level, "profile"),
            delivery=ctx.variant.delivery_factor,
            delay=ctx.variant.delay_years,
        )

    def open_and_waiting(self, year: int) -> tuple[list[ActiveProject], list[ActiveProject]]:
        """(open by `year`, funded but not open yet) among projects funded before `year`."""
        funded = [p for p in self.active if p.started < year]
        return [p for p in funded if p.opens <= year], [p for p in funded if p.opens > year]


def funded_event(p: ActiveProject, year: int) -> Event:
    b = p.ptype.build_years
    text = f"{p.label} funded (£{p.capital / 1e6:.1f}m); " + (
        f"building for {b} year{'s' if b != 1 else ''}, opens {p.opens}" if b else "starts at once"
    )
    return Event(
        "funded", year, text, {"project_id": p.id, "type_id": p.ptype.id, "cost": p.capital}
    )


def plausibility(ctx: AreaContext, p: ActiveProject, year: int) -> Event | None:
    """A warning Event when one project is large against the area (its gross jobs or
    homes above the shares in appraisal_params.csv): the engine's links are for
    marginal change, so such results are outside what the data can support."""
    a, start = ctx.params.appraisal, ctx.start
    jobs = p.jobs.local.gross  # "jobs created (gross)": operational + construction FTE
    jobs_share = jobs / max(start.jobs, 1.0)
    homes_share = p.homes / max(start.households, 1.0)
    parts = []
    if jobs_share > a["plausibility_jobs_share"]:
        parts.append(
            f"{jobs:,.0f} jobs created (gross) = {jobs_share:.0%} of the area's "
            f"{start.jobs:,.0f} workplace jobs"
        )
    if homes_share > a["plausibility_homes_share"]:
        parts.append(
            f"{p.homes:,.0f} homes = {homes_share:.0%} of its {start.households:,.0f} households"
        )
    if not parts:
        return None
    return Event(
        "warning",
        year,
        f"{p.label}: very large for {ctx.played.profile.name} ({'; '.join(parts)}). "
        "The projection is built for marginal change; treat these results with caution.",
        {
            "project_id": p.id,
            "type_id": p.ptype.id,
            "jobs_share": jobs_share,
            "homes_share": homes_share,
        },
    )
