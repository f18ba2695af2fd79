"""The one place PLAY reads the simulation Engine (API.md section 3).

The session talks to this thin adapter, never to engine internals, so a change in the
engine's state layout is fixed here once. In play it wraps the real
game.sim.engine.Engine (central run) plus a low and a high variant that receive the same
commands, so charts can show the uncertainty band.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.play.models import EngineEventInfo, ExplanationLine, JobsAccount, ProjectJobs

SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")


@dataclass(frozen=True)
class CardNumbers:
    gross_jobs: float  # construction FTE equivalents + operational FTE
    gross_operational: float
    construction_job_years: float
    net_jobs: float
    net_jobs_wider: float | None
    cost_per_net_job: float | None
    people_affected: int
    supporters: list[tuple[str, int, float]]  # (group_id, size, strength)
    detractors: list[tuple[str, int, float]]


@dataclass(frozen=True)
class ProjectStatus:
    label: str
    status: str  # construction | open
    opens: int
    net_jobs: float  # construction FTE-equivalents + operational, at the level played
    gross_operational: float


@dataclass(frozen=True)
class Snapshot:
    year: int
    population: float
    population_baseline: float
    jobs: float
    jobs_baseline: float
    unemployment_rate: float
    approval_overall: float
    approvals: dict[str, float]
    explanations: dict[str, list[ExplanationLine]]  # this year's change, by group
    male: np.ndarray  # (91,) summed over the played areas
    female: np.ndarray
    male_baseline: np.ndarray
    female_baseline: np.ndarray
    jobs_by_section: dict[str, float]
    indicators: dict[str, float]  # scenario values, "<name>_baseline", "<name>_low/_high"
    projects: tuple[ProjectStatus, ...]
    jobs_account: JobsAccount


def line(c: Any) -> ExplanationLine:
    """An engine Contribution(source, indicator, delta, label) as a display line."""
    delta = float(c.delta)
    label = str(getattr(c, "label", "") or "")
    indicator = str(c.indicator or "")
    source = label or indicator or str(c.source)
    return ExplanationLine(
        source=source,
        indicator=indicator or str(c.source),
        delta=delta,
        text=f"{source} {'+' if delta >= 0 else '-'}{abs(delta):.1f}",
    )


def overall_approval(approvals: dict[str, float], sizes: dict[str, int]) -> float:
    """Mean approval weighted by each group's census size (groups overlap, so this is a
    weighting of opinions, not a head count)."""
    weights = {g: float(sizes.get(g, 0)) for g in approvals}
    total = sum(weights.values())
    if total <= 0:
        return float(np.mean(list(approvals.values()))) if approvals else 50.0
    return float(sum(approvals[g] * w for g, w in weights.items()) / total)


class EnginePort:
    def __init__(
        self,
        engine: Any,
        command_type: Any = None,
        bands: Sequence[tuple[str, Any]] = (),
        group_sizes: dict[str, int] | None = None,
    ) -> None:
        self.engine = engine
        self._command_type = command_type
        self.bands = tuple(bands)  # (("low", engine), ("high", engine))
        self.group_sizes = dict(group_sizes or {})

    @classmethod
    def open(
        cls,
        world: Any,
        area: str,
        seed: int,
        years: int,
        catalogue: Any = None,
        budget: float | None = None,
    ) -> EnginePort:
        from game.sim.engine import Engine, FundProject

        def make(variant: str) -> Any:
            return Engine(
                world,
                area=area,
                seed=seed,
                years=years,
                catalogue=catalogue,
                budget=budget,
                variant=variant,
            )

        return cls(
            make("central"),
            command_type=FundProject,
            bands=(("low", make("low")), ("high", make("high"))),
            group_sizes=dict(world.resolve(area).groups),
        )

    # -- commands -------------------------------------------------------------------------
    def _command(self, type_id: str, scale: float, label: str | None) -> Any:
        if self._command_type is None:
            from game.sim.engine import FundProject

            self._command_type = FundProject
        return self._command_type(type_id=type_id, scale=scale, label=label)

    def check_fund(self, type_id: str, scale: float, label: str) -> tuple[bool, str]:
        res = self.engine.check(self._command(type_id, scale, label))
        return bool(res.ok), str(res.reason or "")

    def submit_fund(self, type_id: str, scale: float, label: str) -> None:
        cmd = self._command(type_id, scale, label)
        self.engine.submit(cmd)
        for _, eng in self.bands:
            eng.submit(cmd)

    def advance(self) -> list[EngineEventInfo]:
        events = self.engine.advance_year()
        for _, eng in self.bands:
            eng.advance_year()
        return [
            EngineEventInfo(
                kind=str(e.kind),
                year=int(e.year),
                text=str(e.text),
                data={k: v for k, v in (e.data or {}).items() if isinstance(v, str | int | float)},
            )
            for e in events
        ]

    @property
    def year(self) -> int:
        return int(self.engine.year)

    def checksum(self) -> str:
        return str(self.engine.checksum())

    # -- reading --------------------------------------------------------------------------
    def appraise(self, type_id: str, scale: float) -> CardNumbers:
        a = self.engine.appraise(type_id, scale=scale)
        cpj = float(a.local.cost_per_net_job)
        return CardNumbers(
            gross_jobs=float(a.gross_fte),
            gross_operational=float(a.operational_fte),
            construction_job_years=float(a.construction_job_years),
            net_jobs=float(a.local.total.net),
            net_jobs_wider=float(a.wider.total.net),
            cost_per_net_job=cpj if math.isfinite(cpj) else None,
            people_affected=int(round(a.people_affected)),
            supporters=[(str(g), int(n), float(s)) for g, n, s in a.supporters],
            detractors=[(str(g), int(n), float(s)) for g, n, s in a.detractors],
        )

    def preview(self, type_id: str, scale: float, label: str) -> dict[str, tuple[float, list]]:
        raw = self.engine.preview_approval(self._command(type_id, scale, label))
        return {g: (float(d), [line(c) for c in cs]) for g, (d, cs) in raw.items()}

    def jobs_account(self, year: int | None = None) -> JobsAccount:
        """The engine's one jobs vocabulary (Engine.jobs_account) as PLAY data."""
        acc = getattr(self.engine, "jobs_account", None)
        if acc is not None:
            a = acc(year)
            projects = [
                ProjectJobs(
                    label=str(p.label),
                    type_id=str(p.type_id),
                    opens=int(p.opens),
                    cost=float(p.capital_cost),
                    gross=float(p.local.gross),
                    net=float(p.local.net),
                    net_wider=float(p.wider.net),
                )
                for p in a.projects
            ]
            return JobsAccount(
                year=int(a.year),
                gross_operational_fte=float(a.gross_operational_fte),
                construction_fte=float(a.construction_fte),
                gross_total=float(a.gross_total),
                deadweight=float(a.deadweight),
                leakage=float(a.leakage),
                displacement=float(a.displacement),
                substitution=float(a.substitution),
                multiplier_gain=float(a.multiplier_gain),
                net_additional=float(a.net_additional),
                net_additional_wider=float(a.net_additional_wider),
                jobs_vs_baseline=float(a.jobs_vs_baseline),
                cost_to_date=float(a.cost_to_date),
                cost_per_net_job=None if a.cost_per_net_job is None else float(a.cost_per_net_job),
                not_yet_open=[(str(lbl), int(y)) for lbl, y in a.not_yet_open],
                projects=projects,
            )
        return self._account_from_state(year)

    def _account_from_state(self, year: int | None) -> JobsAccount:
        # Engines without jobs_account (test doubles): the same rule from project
        # snapshots -- a project counts once open, construction and operational together.
        st = self.engine.state
        rec = st.history[-1]
        y = int(rec.year) if year is None else int(year)
        ind = rec.indicators
        base = getattr(rec, "baseline_indicators", None) or {}
        vs_base = float(ind.get("jobs", 0.0)) - float(
            base.get("jobs", ind.get("jobs_baseline", ind.get("jobs", 0.0)))
        )
        rows, later = [], []
        for p in getattr(st, "projects", ()):
            if int(p.opens) > y:
                later.append((str(p.label), int(p.opens)))
                continue
            t = p.total
            rows.append(
                ProjectJobs(
                    label=str(p.label),
                    type_id=str(getattr(p, "type_id", "")),
                    opens=int(p.opens),
                    cost=float(getattr(p, "capital_cost", 0.0)),
                    gross=float(getattr(t, "gross", t.net)),
                    net=float(t.net),
                    net_wider=float(getattr(t, "net", 0.0)),
                )
            )

        def total(name: str) -> float:
            return float(
                sum(
                    getattr(p.total, name, 0.0)
                    for p in getattr(st, "projects", ())
                    if int(p.opens) <= y
                )
            )

        net = float(sum(r.net for r in rows))
        cost = float(sum(r.cost for r in rows))
        gross = float(sum(r.gross for r in rows))
        return JobsAccount(
            year=y,
            gross_operational_fte=gross,
            construction_fte=0.0,
            gross_total=gross,
            deadweight=total("deadweight"),
            leakage=total("leakage"),
            displacement=total("displacement"),
            substitution=total("substitution"),
            multiplier_gain=total("multiplier_effect"),
            net_additional=net,
            net_additional_wider=float(sum(r.net_wider for r in rows)),
            jobs_vs_baseline=vs_base,
            cost_to_date=cost,
            cost_per_net_job=cost / net if net > 1e-9 else None,
            not_yet_open=later,
            projects=rows,
        )

    def snapshot(self) -> Snapshot:
        st = self.engine.state
        rec = st.history[-1]
        ind = {k: float(v) for k, v in rec.indicators.items()}
        base_ind = getattr(rec, "baseline_indicators", {}) or {}
        for k, v in base_ind.items():
            ind[f"{k}_baseline"] = float(v)
        for name, eng in self.bands:
            for k, v in eng.state.history[-1].indicators.items():
                ind[f"{k}_{name}"] = float(v)
        pop = np.asarray(st.population, dtype=np.float64).sum(axis=0)
        base = np.asarray(st.baseline_population, dtype=np.float64).sum(axis=0)
        approvals = {g: float(v) for g, v in rec.approvals.items()}
        trace = getattr(rec, "trace", None)
        by_section: dict[str, float] = {}
        if trace is not None:
            sums = np.asarray(trace.jobs_by_section, dtype=np.float64).sum(axis=0)
            by_section = {s: float(v) for s, v in zip(SECTIONS, sums, strict=False)}
        projects = tuple(
            ProjectStatus(
                label=str(p.label),
                status=str(p.status),
                opens=int(p.opens),
                net_jobs=float(p.total.net),
                gross_operational=float(p.jobs.gross),
            )
            for p in getattr(st, "projects", ())
        )
        return Snapshot(
            year=int(rec.year),
            population=float(pop.sum()),
            population_baseline=float(base.sum()),
            jobs=ind.get("jobs", 0.0),
            jobs_baseline=ind.get("jobs_baseline", ind.get("jobs", 0.0)),
            unemployment_rate=ind.get("unemployment_rate", 0.0),
            approval_overall=overall_approval(approvals, self.group_sizes),
            approvals=approvals,
            explanations={g: [line(c) for c in cs] for g, cs in rec.explanations.items()},
            male=pop[0].copy(),
            female=pop[1].copy(),
            male_baseline=base[0].copy(),
            female_baseline=base[1].copy(),
            jobs_by_section=by_section,
            indicators=ind,
            projects=projects,
            jobs_account=self.jobs_account(),
        )
