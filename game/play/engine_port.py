"""The one place PLAY reads the simulation engine (API.md section 3).

The session talks to this thin adapter, and the adapter talks to the engine only through
the typed protocol game.sim.interface.EngineAPI (no engine internals, no duck typing). In
play it wraps the real game.sim.engine.Engine (central run) plus a low and a high variant
that receive the same commands, so charts can show the uncertainty band; tests hand it
the fake in tests/play/play_fakes.py, which implements the same protocol.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.model.world import World
from game.play.models import EngineEventInfo, ExplanationLine, JobsAccount
from game.scenarios.catalogue import Catalogue
from game.sim.approval import Contribution
from game.sim.interface import EngineAPI
from game.sim.params_bundle import Parameters
from game.sim.records import FundProject, Shock

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


def line(c: Contribution) -> ExplanationLine:
    """An engine Contribution(source, indicator, delta, label) as a display line."""
    delta = float(c.delta)
    indicator = c.indicator or ""
    source = c.label or indicator or c.source
    return ExplanationLine(
        source=source,
        indicator=indicator or c.source,
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
    """The rules layer's view of the engine: a central run plus optional low / high runs
    that receive the same commands (all through the EngineAPI protocol)."""

    def __init__(
        self,
        engine: EngineAPI,
        bands: Sequence[tuple[str, EngineAPI]] = (),
        group_sizes: dict[str, int] | None = None,
    ) -> None:
        self.engine = engine
        self.bands = tuple(bands)  # (("low", engine), ("high", engine))
        self.group_sizes = dict(group_sizes or {})

    @classmethod
    def open(
        cls,
        world: World,
        area: str,
        seed: int,
        years: int,
        catalogue: Catalogue | None = None,
        budget: float | None = None,
        params: Parameters | None = None,
    ) -> EnginePort:
        from game.play.shipped import shipped_parameters
        from game.sim.engine import Engine
        from game.sim.national_control import national_path
        from game.sim.population import calibrate_world

        params = params or shipped_parameters()
        rates = calibrate_world(world, params.schedules, params.demography, params.pooled_areas)
        # the national control's factors, worked out once for the three engines
        control = national_path(world.population_array(), rates, params.national, 2021 + years)

        def make(variant: str) -> Engine:
            return Engine(
                world,
                area=area,
                seed=seed,
                years=years,
                catalogue=catalogue,
                budget=budget,
                variant=variant,
                params=params,
                world_rates=rates,
                control=control,
            )

        return cls(
            make("central"),
            bands=(("low", make("low")), ("high", make("high"))),
            group_sizes=dict(world.resolve(area).groups),
        )

    # -- commands -------------------------------------------------------------------------
    def check_fund(self, type_id: str, scale: float, label: str) -> tuple[bool, str]:
        res = self.engine.check(FundProject(type_id=type_id, scale=scale, label=label))
        return res.ok, res.reason

    def submit_fund(self, type_id: str, scale: float, label: str) -> None:
        cmd = FundProject(type_id=type_id, scale=scale, label=label)
        self.engine.submit(cmd)
        for _, eng in self.bands:
            eng.submit(cmd)

    def apply_shock(self, shock: Shock) -> None:
        self.engine.apply_shock(shock)
        for _, eng in self.bands:
            eng.apply_shock(shock)

    def withdraw_fund(self, label: str) -> None:
        """Take a command submitted this year back off the queue (PLAY's undo)."""
        self.engine.withdraw(label)
        for _, eng in self.bands:
            eng.withdraw(label)

    def advance(self) -> list[EngineEventInfo]:
        events = self.engine.advance_year()
        for _, eng in self.bands:
            eng.advance_year()
        return [
            EngineEventInfo(
                kind=e.kind,
                year=e.year,
                text=e.text,
                data={k: v for k, v in e.data.items() if isinstance(v, str | int | float)},
            )
            for e in events
        ]

    @property
    def year(self) -> int:
        return self.engine.year

    def checksum(self) -> str:
        return self.engine.checksum()

    # -- reading --------------------------------------------------------------------------
    def appraise(self, type_id: str, scale: float) -> CardNumbers:
        a = self.engine.appraise(type_id, scale=scale)
        cpj = a.local.cost_per_net_job
        return CardNumbers(
            gross_jobs=a.gross_fte,
            gross_operational=a.operational_fte,
            construction_job_years=a.construction_job_years,
            net_jobs=a.local.total.net,
            net_jobs_wider=a.wider.total.net,
            cost_per_net_job=cpj if math.isfinite(cpj) else None,
            people_affected=int(round(a.people_affected)),
            supporters=list(a.supporters),
            detractors=list(a.detractors),
        )

    def preview(
        self, type_id: str, scale: float, label: str
    ) -> dict[str, tuple[float, list[ExplanationLine]]]:
        raw = self.engine.preview_approval(FundProject(type_id=type_id, scale=scale, label=label))
        return {g: (d, [line(c) for c in cs]) for g, (d, cs) in raw.items()}

    def jobs_account(self, year: int | None = None) -> JobsAccount:
        """The engine's one jobs vocabulary (Engine.jobs_account) as PLAY data."""
        return JobsAccount.model_validate(self.engine.jobs_account(year))

    def snapshot(self) -> Snapshot:
        st = self.engine.state
        rec = st.history[-1]
        ind = dict(rec.indicators)
        for k, v in rec.baseline_indicators.items():
            ind[f"{k}_baseline"] = v
        for name, eng in self.bands:
            for k, v in eng.state.history[-1].indicators.items():
                ind[f"{k}_{name}"] = v
        pop = np.asarray(st.population, dtype=np.float64).sum(axis=0)
        base = np.asarray(st.baseline_population, dtype=np.float64).sum(axis=0)
        approvals = dict(rec.approvals)
        sums = np.asarray(rec.trace.jobs_by_section, dtype=np.float64).sum(axis=0)
        by_section = {s: float(v) for s, v in zip(SECTIONS, sums, strict=False)}
        projects = tuple(
            ProjectStatus(
                label=p.label,
                status=p.status,
                opens=p.opens,
                net_jobs=p.total.net,
                gross_operational=p.jobs.gross,
            )
            for p in st.projects
        )
        return Snapshot(
            year=rec.year,
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
