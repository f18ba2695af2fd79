"""Test doubles: a three-area synthetic world and a small engine with the Engine API.

Used only by the fast rule tests (hypothesis); the scripted Hartlepool game runs on the
real census world and the real game.sim.engine.Engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.model.area import N_AGES, AreaProfile, CohortTable, Commuting, Components
from game.model.groups import GroupDefinition
from game.model.world import World
from game.scenarios import Factors, ProjectType
from game.scenarios.catalogue import Catalogue
from game.sim.additionality import gross_to_net
from game.sim.appraisal import Appraisal, appraise
from game.sim.approval import ApprovalYear, Contribution
from game.sim.indicators import SIGNAL_INDICATORS
from game.sim.interface import EngineAPI
from game.sim.jobs_account import JobsAccount, ProjectJobs, build_account
from game.sim.projects import ProjectInstance
from game.sim.records import (
    CheckResult,
    EngineState,
    Event,
    FundProject,
    Preview,
    Shock,
    YearRecord,
    YearTrace,
)

if TYPE_CHECKING:
    from game.play.engine_port import EnginePort

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


NET_FACTORS = Factors(
    leakage=0.25, displacement=0.2, substitution=0.0, deadweight=0.0, multiplier=1.0
)  # net = 0.6 x gross
APPRAISAL = {
    "construction_job_years_per_fte": 10.0,
    "discount_rate": 0.035,
    "discount_rate_after_30": 0.03,
    "appraisal_years": 10.0,
    "job_benefit_decay": 0.1,
    "gva_per_fte": 50_000.0,
    "optimism_bias_none": 0.0,
}


@dataclass
class FakeProject:
    id: str
    label: str
    type_id: str
    scale: float
    started: int
    opens: int


class FakeEngine:
    """Deterministic toy dynamics behind the real engine interface (EngineAPI): every value
    it returns is one of the engine's own records, built from the toy numbers."""

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
        self.area = world.resolve(area)
        idx = [world.index[c] for c in self.codes]
        self.pop = world.population_array()[idx]
        self.base = self.pop.copy()
        self.group_ids = tuple(sorted(self.area.groups))
        self.year = 2021
        self.seed = seed
        self.queue: list[FundProject] = []
        self.projects: list[FakeProject] = []
        self.jobs0 = float(self.pop.sum() * 0.45)
        self.shocks: list[Shock] = []  # recorded only: the toy dynamics ignore them
        self.history = [self._record()]

    def _type(self, type_id: str) -> ProjectType:
        return self.catalogue.types[type_id]

    def _approval_year(self) -> ApprovalYear:
        open_now = [p for p in self.projects if p.opens <= self.year]
        matrix = np.array(
            [
                [4.0 * self._type(p.type_id).group_effects.get(g, 0.0) for p in open_now]
                for g in self.group_ids
            ]
        ).reshape(len(self.group_ids), len(open_now))
        values = np.clip(50.0 + matrix.sum(axis=1), 0.0, 100.0)
        zeros = np.zeros((len(self.group_ids), len(SIGNAL_INDICATORS)))
        return ApprovalYear(values, zeros, tuple(p.id for p in open_now), matrix)

    def _record(self) -> YearRecord:
        t = self.year - 2021
        extra = sum(
            self._type(p.type_id).gross_operational_fte * p.scale * 0.6
            for p in self.projects
            if p.opens <= self.year
        )
        jobs = self.jobs0 * 1.002**t + extra
        ay = self._approval_year()
        approvals = {g: float(v) for g, v in zip(self.group_ids, ay.values, strict=True)}
        ind = {"jobs": jobs, "unemployment_rate": 0.05, "population": float(self.pop.sum())}
        base_ind = {
            "jobs": self.jobs0 * 1.002**t,
            "unemployment_rate": 0.05,
            "population": float(self.base.sum()),
        }
        n = len(self.codes)
        sections = np.zeros((n, 21))
        sections[:, 2], sections[:, 6] = 3000.0 + extra / 2 / n, 5000.0 + extra / 2 / n
        flat = np.zeros(n)
        trace = YearTrace(self.pop, self.base, None, None, flat, flat, flat, flat, sections)
        labels = {p.id: p.label for p in self.projects}
        return YearRecord(
            self.year,
            ind,
            base_ind,
            approvals,
            dict.fromkeys(approvals, 50.0),
            {},
            trace,
            self.group_ids,
            labels,
            ay,
        )

    def _instance(self, p: FakeProject) -> ProjectInstance:
        t = self._type(p.type_id)
        op = gross_to_net(t.gross_operational_fte * p.scale, NET_FACTORS)
        constr = gross_to_net(0.0, NET_FACTORS)
        return ProjectInstance(
            id=p.id,
            type_id=p.type_id,
            name=t.name,
            label=p.label,
            scale=p.scale,
            area_code="spread",
            started=p.started,
            opens=p.opens,
            status="open" if self.year >= p.opens else "construction",
            capital_cost=t.capital_cost * p.scale,
            running_cost=t.running_cost * p.scale,
            jobs=op,
            construction=constr,
            construction_job_years=0.0,
            outputs={},
        )

    @property
    def state(self) -> EngineState:
        return EngineState(
            year=self.year,
            start_year=2021,
            end_year=2031,
            codes=tuple(self.codes),
            area_code=self.area.code,
            area_name=self.area.name,
            level="lad",
            wider_level="sub_region",
            variant="central",
            population=self.pop,
            baseline_population=self.base,
            budget=0.0,
            history=tuple(self.history),
            projects=tuple(self._instance(p) for p in self.projects),
        )

    def check(self, cmd: FundProject) -> CheckResult:
        t = self.catalogue.types.get(cmd.type_id)
        if t is None:
            return CheckResult(ok=False, reason=f"unknown type {cmd.type_id}")
        return CheckResult(ok=True, cost=t.capital_cost * cmd.scale)

    def submit(self, cmd: FundProject) -> None:
        self.queue.append(cmd)

    def apply_shock(self, shock: Shock) -> None:
        self.shocks.append(shock)

    def withdraw(self, label: str) -> None:
        idx = max(i for i, c in enumerate(self.queue) if c.label == label)
        del self.queue[idx]

    def advance_year(self) -> list[Event]:
        events = []
        for cmd in self.queue:
            t = self._type(cmd.type_id)
            pid = f"p{len(self.projects) + 1}"
            self.projects.append(
                FakeProject(
                    pid,
                    cmd.label or t.name,
                    cmd.type_id,
                    cmd.scale,
                    self.year,
                    self.year + t.build_years,
                )
            )
        self.queue.clear()
        self.year += 1
        self.pop = self.pop * 1.005
        self.base = self.base * 1.004
        for p in self.projects:
            if p.opens == self.year:
                events.append(Event("opened", self.year, f"{p.label} opened", {}))
        self.history.append(self._record())
        return events

    def appraise(self, type_id: str, scale: float = 1.0, started: int | None = None) -> Appraisal:
        t = self._type(type_id).model_copy(
            update={
                "additionality": dict.fromkeys(("lad", "sub_region", "national"), NET_FACTORS),
                "optimism_bias": "none",
            }
        )
        levels = {"lad": NET_FACTORS, "sub_region": NET_FACTORS}
        return appraise(
            t, scale, "lad", "sub_region", self.area.groups, APPRAISAL, levels, NET_FACTORS
        )

    def preview_approval(self, cmd: FundProject) -> Preview:
        t = self._type(cmd.type_id)
        label = cmd.label or t.name
        return {
            g: (4.0 * s, [Contribution("project:preview", None, 4.0 * s, label)])
            for g, s in t.group_effects.items()
        }

    def jobs_account(self, year: int | None = None) -> JobsAccount:
        y = self.year if year is None else year
        rec = self.history[y - 2021]
        counted = [p for p in self.projects if p.started < y and p.opens <= y]
        later = tuple((p.label, p.opens) for p in self.projects if p.started < y < p.opens)
        parts = []
        for p in counted:
            t = self._type(p.type_id)
            jobs = gross_to_net(t.gross_operational_fte * p.scale, NET_FACTORS)
            cost = t.capital_cost * p.scale
            parts.append(
                ProjectJobs(p.id, p.type_id, p.label, p.opens, cost, jobs.gross, 0.0, jobs, jobs)
            )
        vs_base = rec.indicators["jobs"] - rec.baseline_indicators["jobs"]
        return build_account(y, "lad", "sub_region", tuple(parts), later, vs_base)

    def checksum(self) -> str:
        h = hashlib.sha256(np.ascontiguousarray(self.pop).tobytes())
        h.update(repr((self.year, self.projects)).encode())
        return h.hexdigest()[:16]


def fake_factory(
    world: World,
    area: str,
    seed: int,
    years: int,
    catalogue: Catalogue | None,
    budget: float | None = None,
) -> EnginePort:
    from game.play.engine_port import EnginePort

    engine: EngineAPI = FakeEngine(world, area=area, seed=seed, years=years, catalogue=catalogue)
    return EnginePort(engine, group_sizes=dict(world.resolve(area).groups))
