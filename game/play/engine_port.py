"""The one place PLAY reads the simulation Engine (API.md section 3).

The session talks to this thin adapter, never to engine internals, so a change in the
engine's state layout is fixed here once. It wraps the real game.sim.engine.Engine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.play.models import EngineEventInfo, ExplanationLine


@dataclass(frozen=True)
class CardNumbers:
    gross_jobs: float
    construction_job_years: float
    net_jobs: float
    net_jobs_wider: float | None
    cost_per_net_job: float | None
    people_affected: int
    supporters: list[tuple[str, int, float]]  # (group_id, size, strength)
    detractors: list[tuple[str, int, float]]


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
    explanations: dict[str, list[ExplanationLine]]
    male: np.ndarray  # (91,) summed over the played areas
    female: np.ndarray
    male_baseline: np.ndarray
    female_baseline: np.ndarray
    jobs_by_section: dict[str, float]
    jobs_by_section_baseline: dict[str, float]
    indicators: dict[str, float]


def _line(c: Any) -> ExplanationLine:
    source = str(getattr(c, "source", ""))
    indicator = str(getattr(c, "indicator", ""))
    delta = float(getattr(c, "delta", 0.0))
    sign = "+" if delta >= 0 else "-"
    what = f"{source}: {indicator}" if indicator and indicator != source else source
    return ExplanationLine(
        source=source, indicator=indicator, delta=delta, text=f"{what} {sign}{abs(delta):.1f}"
    )


class EnginePort:
    def __init__(self, engine: Any, command_type: Any = None) -> None:
        self.engine = engine
        self._command_type = command_type

    @classmethod
    def open(
        cls,
        world: Any,
        area: str,
        seed: int,
        years: int,
        catalogue: Any = None,
    ) -> EnginePort:
        from game.sim.engine import Engine

        return cls(Engine(world, area=area, seed=seed, years=years, catalogue=catalogue))

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
        self.engine.submit(self._command(type_id, scale, label))

    def advance(self) -> list[EngineEventInfo]:
        events = self.engine.advance_year()
        return [
            EngineEventInfo(
                kind=str(e.kind), year=int(e.year), text=str(e.text), data=dict(e.data or {})
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
            gross_jobs=float(a.operational_fte),
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
        return {g: (float(d), [_line(c) for c in cs]) for g, (d, cs) in raw.items()}

    def snapshot(self) -> Snapshot:
        st = self.engine.state
        rec = st.history[-1]
        ind = {k: float(v) for k, v in rec.indicators.items()}
        pop = np.asarray(st.population, dtype=np.float64).sum(axis=0)
        base = np.asarray(st.baseline_population, dtype=np.float64).sum(axis=0)
        approvals = {g: float(v) for g, v in rec.approvals.items()}
        return Snapshot(
            year=int(rec.year),
            population=float(pop.sum()),
            population_baseline=float(base.sum()),
            jobs=ind.get("jobs", 0.0),
            jobs_baseline=ind.get("jobs_baseline", ind.get("jobs", 0.0)),
            unemployment_rate=ind.get("unemployment_rate", 0.0),
            approval_overall=ind.get("approval_overall", _mean(approvals)),
            approvals=approvals,
            explanations={g: [_line(c) for c in cs] for g, cs in rec.explanations.items()},
            male=pop[0].copy(),
            female=pop[1].copy(),
            male_baseline=base[0].copy(),
            female_baseline=base[1].copy(),
            jobs_by_section={
                k[5:]: v for k, v in ind.items() if k.startswith("jobs_") and len(k) == 6
            },
            jobs_by_section_baseline={},
            indicators=ind,
        )


def _mean(values: dict[str, float]) -> float:
    return float(np.mean(list(values.values()))) if values else 50.0
