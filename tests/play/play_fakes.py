"""Test doubles: a three-area synthetic world and a small engine with the Engine API.

Used only by the fast rule tests (hypothesis); the scripted Hartlepool game runs on the
real census world and the real game.sim.engine.Engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import numpy as np

from game.model.area import N_AGES, AreaProfile, CohortTable, Commuting, Components
from game.model.groups import GroupDefinition
from game.model.world import World
from game.scenarios import ProjectType
from game.scenarios.catalogue import Catalogue

GROUPS = (
    "young_families",
    "older_people",
    "workers",
    "job_seekers",
    "car_commuters",
    "home_workers",
    "no_qualifications",
    "retired",
    "students",
)


def _profile(code: str, name: str, scale: float, old: bool) -> AreaProfile:
    ages = np.arange(N_AGES)
    shape = np.where(ages < 65, 1000.0, 1400.0 if old else 600.0) * scale
    male = tuple(int(v) for v in shape)
    female = tuple(int(v * 1.02) for v in shape)
    total = sum(male) + sum(female)
    groups = {
        g: int(total * f)
        for g, f in zip(
            GROUPS,
            (0.2, 0.3 if old else 0.15, 0.45, 0.05 if old else 0.02, 0.3, 0.1, 0.2, 0.2, 0.05),
            strict=True,
        )
    }
    return AreaProfile(
        code=code,
        name=name,
        region_code="E12000001",
        region="North East",
        country="England",
        lon=-1.2,
        lat=54.6,
        population=CohortTable(male=male, female=female),
        census_population=total,
        components=Components(
            population_start=total,
            births=900,
            deaths=950,
            internal_in=3000,
            internal_out=3000,
            international_in=200,
            international_out=150,
        ),
        households=total // 2,
        tenure={"owned": total // 4},
        cars={"none": total // 8},
        economic_activity={"employed": groups["workers"]},
        industry={"C": 3000, "G": 5000},
        nssec={},
        qualifications={},
        travel_to_work={},
        commuting=Commuting(
            live_and_work=20000,
            home_workers=groups["home_workers"],
            out_commuters=8000,
            in_commuters=6000,
        ),
        groups=groups,
    )


def make_world() -> World:
    areas = {
        "E06000901": _profile("E06000901", "Oldtown", 1.0, old=True),
        "E06000902": _profile("E06000902", "Youngtown", 1.2, old=False),
        "E06000903": _profile("E06000903", "Midtown", 0.8, old=False),
    }
    defs = [
        GroupDefinition(
            id=g,
            name=g.replace("_", " ").capitalize(),
            name_cy=g,
            source="TS000",
            file="x.csv",
            categories=("all",),
            unit="people",
            description=g,
        )
        for g in GROUPS
    ]
    n = len(areas)
    return World(areas, np.zeros((n, n), np.int64), np.zeros((n, n), np.int64), defs)


def _ptype(i: int, cat: str, cost: float, fte: float, effects: dict[str, float]) -> ProjectType:
    return ProjectType(
        id=f"{cat}_{i}",
        name=f"{cat.replace('_', ' ').title()} project {i}",
        category=cat,  # type: ignore[arg-type]
        capital_cost=cost,
        running_cost=cost * 0.02,
        build_years=i % 3,
        operational_fte={"P": fte},
        group_effects=effects,
    )


def make_catalogue() -> Catalogue:
    cats = (
        "education",
        "health",
        "transport",
        "digital",
        "housing",
        "business",
        "skills",
        "town_centres",
        "green_space",
    )
    types = {}
    for i, cat in enumerate(cats):
        for j in range(2):
            k = i * 2 + j
            effects = {
                "young_families": 1.5,
                "older_people": -1.0 if k % 2 else 0.5,
                "workers": 0.8 if k % 3 else -0.6,
            }
            t = _ptype(k, cat, 1_000_000.0 * (1 + k % 5), 10.0 + 5 * (k % 4), effects)
            types[t.id] = t
    return Catalogue(types=types)


@dataclass
class FakeContribution:
    source: str
    indicator: str
    delta: float


@dataclass
class FakeRecord:
    year: int
    indicators: dict[str, float]
    approvals: dict[str, float]
    explanations: dict[str, list[FakeContribution]] = field(default_factory=dict)


class FakeEngine:
    """Deterministic toy dynamics with the Engine API (API.md section 3)."""

    def __init__(
        self,
        world: World,
        area: str,
        seed: int = 1,
        years: int = 10,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.catalogue = catalogue or make_catalogue()
        self.codes = world.members(area)
        idx = [world.index[c] for c in self.codes]
        self.pop = world.population_array()[idx]
        self.base = self.pop.copy()
        self.groups = world.resolve(area).groups
        self.year = 2021
        self.seed = seed
        self.queue: list[Any] = []
        self.projects: list[tuple[str, str, float, int]] = []  # label, type, scale, opens
        self.jobs0 = float(self.pop.sum() * 0.45)
        self.history = [self._record()]

    def _effects(self, year: int) -> dict[str, list[FakeContribution]]:
        out: dict[str, list[FakeContribution]] = {}
        for label, type_id, _scale, opens in self.projects:
            if opens <= year:
                for g, s in self.catalogue.types[type_id].group_effects.items():
                    out.setdefault(g, []).append(FakeContribution(label, type_id, 4.0 * s))
        return out

    def _record(self) -> FakeRecord:
        t = self.year - 2021
        extra = sum(
            self.catalogue.types[ty].gross_operational_fte * sc * 0.6
            for _, ty, sc, opens in self.projects
            if opens <= self.year
        )
        jobs = self.jobs0 * 1.002**t + extra
        expl = self._effects(self.year)
        approvals = {
            g: max(0.0, min(100.0, 50.0 + sum(c.delta for c in expl.get(g, []))))
            for g in sorted(self.groups)
        }
        ind = {
            "jobs": jobs,
            "jobs_baseline": self.jobs0 * 1.002**t,
            "unemployment_rate": 0.05,
            "approval_overall": float(np.mean(list(approvals.values()))),
            "jobs_C": 3000.0 + extra / 2,
            "jobs_G": 5000.0 + extra / 2,
        }
        return FakeRecord(self.year, ind, approvals, expl)

    @property
    def state(self) -> SimpleNamespace:
        projects = [
            SimpleNamespace(
                label=label,
                opens=opens,
                status="open" if self.year >= opens else "construction",
                capital_cost=self.catalogue.types[ty].capital_cost * sc,
                total=SimpleNamespace(
                    net=self.catalogue.types[ty].gross_operational_fte * sc * 0.6
                ),
                jobs=SimpleNamespace(gross=self.catalogue.types[ty].gross_operational_fte * sc),
            )
            for label, ty, sc, opens in self.projects
        ]
        return SimpleNamespace(
            population=self.pop,
            baseline_population=self.base,
            history=self.history,
            projects=projects,
        )

    def check(self, cmd: Any) -> SimpleNamespace:
        t = self.catalogue.types.get(cmd.type_id)
        if t is None:
            return SimpleNamespace(ok=False, cost=0.0, reason=f"unknown type {cmd.type_id}")
        return SimpleNamespace(ok=True, cost=t.capital_cost * cmd.scale, reason="")

    def submit(self, cmd: Any) -> None:
        self.queue.append(cmd)

    def advance_year(self) -> list[SimpleNamespace]:
        events = []
        for cmd in self.queue:
            t = self.catalogue.types[cmd.type_id]
            self.projects.append((cmd.label, cmd.type_id, cmd.scale, self.year + t.build_years))
        self.queue.clear()
        self.year += 1
        self.pop = self.pop * 1.005
        self.base = self.base * 1.004
        for label, _, _, opens in self.projects:
            if opens == self.year:
                events.append(
                    SimpleNamespace(
                        kind="project_opened", year=self.year, text=f"{label} opened", data={}
                    )
                )
        self.history.append(self._record())
        return events

    def appraise(self, type_id: str, scale: float = 1.0) -> SimpleNamespace:
        t = self.catalogue.types[type_id]
        net = t.gross_operational_fte * scale * 0.6
        cost = t.capital_cost * scale
        sup = [(g, int(self.groups.get(g, 0)), s) for g, s in t.group_effects.items() if s > 0]
        det = [(g, int(self.groups.get(g, 0)), s) for g, s in t.group_effects.items() if s < 0]
        return SimpleNamespace(
            operational_fte=t.gross_operational_fte * scale,
            construction_job_years=20 * scale,
            gross_fte=t.gross_operational_fte * scale + 2 * scale,
            local=SimpleNamespace(total=SimpleNamespace(net=net), cost_per_net_job=cost / net),
            wider=SimpleNamespace(total=SimpleNamespace(net=net * 1.2)),
            people_affected=1000 * scale,
            supporters=sup,
            detractors=det,
        )

    def preview_approval(self, cmd: Any) -> dict[str, tuple[float, list[FakeContribution]]]:
        t = self.catalogue.types[cmd.type_id]
        return {
            g: (4.0 * s, [FakeContribution(cmd.label or t.name, "project", 4.0 * s)])
            for g, s in t.group_effects.items()
        }

    def checksum(self) -> str:
        h = hashlib.sha256(np.ascontiguousarray(self.pop).tobytes())
        h.update(repr((self.year, self.projects)).encode())
        return h.hexdigest()[:16]


def fake_factory(
    world: Any, area: str, seed: int, years: int, catalogue: Any, budget: float | None = None
) -> Any:
    from game.play.engine_port import EnginePort

    engine = FakeEngine(world, area=area, seed=seed, years=years, catalogue=catalogue)
    return EnginePort(engine, command_type=FakeFund, group_sizes=dict(world.resolve(area).groups))


@dataclass(frozen=True)
class FakeFund:
    type_id: str
    scale: float = 1.0
    label: str | None = None
