"""The engine facade: commands in, events out, one simulated year per `advance_year`.

A scenario run and a baseline run (no projects) advance together from the same base
population, so every output can be read against the baseline. The engine is a plain
numpy library (no pygame, no wall clock); all state changes go through commands.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from game.errors import ScenarioError
from game.scenarios import Catalogue, Scenario, load_catalogue, scenario_catalogue
from game.scenarios.catalogue import load_profiles, unknown_type_message
from game.scenarios.models import Factors, ProjectType
from game.sim import indicators as ind
from game.sim.additionality import scale_factors
from game.sim.appraisal import Appraisal, appraise
from game.sim.appraisal import load_params as load_appraisal_params
from game.sim.approval import (
    ApprovalModel,
    ApprovalYear,
    Contribution,
    explain,
    project_target,
)
from game.sim.approval import load_params as load_approval_params
from game.sim.jobs_account import JobsAccount, ProjectJobs, build_account
from game.sim.projects import N_SECTIONS, PLACES_OUTPUTS, ActiveProject, ProjectInstance
from game.sim.uncertainty import Variant, get_variant

__all__ = [
    "CheckResult",
    "Contribution",
    "Engine",
    "EngineState",
    "Event",
    "FundProject",
    "JobsAccount",
    "ProjectInstance",
    "YearRecord",
    "played_levels",
]

MAX_SCALE = 20.0
MIN_BASE_YEAR, MAX_BASE_YEAR = 2011, 2040


@dataclass(frozen=True)
class FundProject:
    """Fund a project type. `area_code` places it in one member LAD of a grouping
    (default: spread across members in proportion to population)."""

    type_id: str
    scale: float = 1.0
    label: str | None = None
    area_code: str | None = None


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    cost: float
    reason: str


@dataclass(frozen=True)
class Event:
    kind: str  # funded | rejected | warning | construction | opened | approval | year
    year: int
    text: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class YearTrace:
    """Per-area arrays behind one year's record (for CSV outputs and reports)."""

    population: np.ndarray  # (n, 2, 91) scenario
    baseline_population: np.ndarray
    components: dict[str, np.ndarray] | None  # births, deaths, ... (n,) scenario
    baseline_components: dict[str, np.ndarray] | None
    workplace_jobs: np.ndarray  # (n,)
    baseline_workplace_jobs: np.ndarray
    unemployment_rate: np.ndarray  # (n,)
    baseline_unemployment_rate: np.ndarray
    jobs_by_section: np.ndarray  # (n, 21) scenario


@dataclass(frozen=True)
class YearRecord:
    year: int
    indicators: dict[str, float]  # scenario
    baseline_indicators: dict[str, float]
    approvals: dict[str, float]
    baseline_approvals: dict[str, float]
    project_jobs: dict[str, dict[str, float]]  # project id -> {construction, operational}
    trace: YearTrace
    groups: tuple[str, ...]
    labels: Mapping[str, str]
    approval_year: ApprovalYear | None = None
    baseline_approval_year: ApprovalYear | None = None

    @cached_property
    def explanations(self) -> dict[str, list[Contribution]]:
        """Why each group's approval changed this year (sums exactly to the change)."""
        if self.approval_year is None:
            return {g: [] for g in self.groups}
        return explain(self.groups, self.approval_year, self.labels)

    @cached_property
    def baseline_explanations(self) -> dict[str, list[Contribution]]:
        if self.baseline_approval_year is None:
            return {g: [] for g in self.groups}
        return explain(self.groups, self.baseline_approval_year, self.labels)


@dataclass(frozen=True)
class EngineState:
    year: int
    start_year: int
    end_year: int
    codes: tuple[str, ...]
    area_code: str
    area_name: str
    level: str
    wider_level: str
    variant: str
    population: np.ndarray
    baseline_population: np.ndarray
    budget: float
    history: tuple[YearRecord, ...]
    projects: tuple[ProjectInstance, ...]


def played_levels(profile: Any) -> tuple[str, str]:
    """(level played, wider level) for an area profile: LA -> its LEP/CA (or region)."""
    kind = getattr(profile, "kind", "lad")
    if kind == "lad":
        has_sub = bool(getattr(profile, "lep_codes", ())) or bool(getattr(profile, "ca_code", None))
        return "lad", "sub_region" if has_sub else "region"
    if kind in ("lep", "ca", "custom"):
        return "sub_region", "region"
    return "region", "national"


@lru_cache(maxsize=1024)
def _with_leakage(f: Factors, leakage: float) -> Factors:
    # Factors are frozen and hashable; engines for the same area share these copies.
    return f.model_copy(update={"leakage": leakage})


def _components(step: Any) -> dict[str, np.ndarray]:
    return {
        "births": step.births,
        "deaths": step.deaths,
        "internal_in": step.internal_in,
        "internal_out": step.internal_out,
        "international_in": step.international_in,
        "international_out": step.international_out,
        "extra_migrants": step.extra_migrants,
    }


class Engine:
    def __init__(
        self,
        world: Any,
        area: str = "Hartlepool",
        seed: int = 1,
        years: int = 10,
        catalogue: Catalogue | None = None,
        base_population: np.ndarray | tuple[np.ndarray, tuple[str, ...]] | None = None,
        base_year: int = 2021,
        variant: str = "central",
        scenario: Scenario | None = None,
        budget: float | None = None,
    ) -> None:
        from game.sim.labour import calibrate_labour, labour_market
        from game.sim.migration_links import load_link_params
        from game.sim.population import calibrate_demography

        self.world = world
        # The engine is deterministic arithmetic (no random draws): the seed is only kept so
        # callers can record it; it drives the game's cards and news in game.play.
        self.seed = seed
        if years < 1:
            raise ScenarioError(f"years must be at least 1, got {years}")
        if not MIN_BASE_YEAR <= base_year <= MAX_BASE_YEAR:
            raise ScenarioError(
                f"base year must lie between {MIN_BASE_YEAR} and {MAX_BASE_YEAR}, got {base_year}"
            )
        self.years = years
        self.variant: Variant = get_variant(variant)
        self.scenario = scenario
        if scenario is not None:
            catalogue = scenario_catalogue(scenario, catalogue or load_catalogue())
            if budget is None:
                budget = scenario.budget
        self.catalogue = catalogue or load_catalogue()

        if str(area).strip().lower() in ("all", "england and wales"):
            self.codes: tuple[str, ...] = tuple(world.codes)
            self.profile = world.combine(self.codes, code="all", name="England and Wales")
            self.level, self.wider_level = "region", "national"
        else:
            self.profile = world.resolve(area)
            self.codes = tuple(sorted(world.members(area)))
            self.level, self.wider_level = played_levels(self.profile)
        self.n = len(self.codes)
        self.start_year = base_year
        self.year = base_year
        self.end_year = base_year + years

        self.rates = calibrate_demography(world, self.codes)
        self.labour_base = calibrate_labour(world, self.codes)
        self.links = load_link_params()
        self._labour_market = labour_market
        P0 = self._base_population(base_population)
        self.P = P0.copy()
        self.Pb = P0.copy()

        self.aparams = load_appraisal_params()
        self.approval_params = load_approval_params()
        self.specs = ind.load_specs()
        lab0 = labour_market(P0, self.labour_base)
        pop0 = float(P0.sum())
        share = pop0 / max(
            float(world.population_array()[[world.index[c] for c in self.codes]].sum()), 1.0
        )
        households0 = float(self.profile.households) * share
        self.budget = float(
            budget if budget is not None else self.aparams["budget_per_head"] * pop0
        )
        self.start = ind.StartState(
            population=pop0,
            children=float(P0[:, :, ind.CHILD_AGES].sum()),
            households=households0,
            jobs=float(lab0.workplace_jobs.sum()),
            unemployment_rate=float(lab0.unemployed.sum() / max(lab0.labour_force.sum(), 1.0)),
            budget=self.budget,
        )
        self.start_indicators = ind.start_values(self.start, self.specs)
        self.approval = ApprovalModel(params=self.approval_params)
        self.baseline_approval = ApprovalModel(params=self.approval_params)
        self.groups = self.approval.groups
        self.labels = {k: v.label for k, v in self.specs.items()}
        profiles = load_profiles()
        self.construction_factors = self._vary(profiles["construction"].levels[self.level])
        self.wider_construction_factors = self._vary(
            profiles["construction"].levels[self.wider_level]
        )
        self._factors_cache: dict[str, tuple[ProjectType, dict[str, Factors]]] = {}
        self.census_leakage = self._census_leakage()
        self.pop_weights = P0.sum(axis=(1, 2)) / max(pop0, 1.0)

        self.queue: list[FundProject] = []
        self.schedule: dict[int, list[FundProject]] = {}
        self.active: list[ActiveProject] = []
        self.pending_dwelling: dict[int, np.ndarray] = {}
        self.pending_jobs: dict[int, np.ndarray] = {}
        self.prev_op_workplace = np.zeros(self.n)
        self.target_dwelling = np.zeros(self.n)
        self.target_jobs = np.zeros(self.n)
        self.lab = lab0
        self.lab_b = lab0
        self.history: list[YearRecord] = []
        self.log: list[Event] = []  # every event so far, in order
        self._targets: dict[tuple[str, bool], np.ndarray] = {}
        self._record(
            self.start_indicators,
            dict(self.start_indicators),
            None,
            None,
            {},
            YearTrace(
                P0.copy(),
                P0.copy(),
                None,
                None,
                lab0.workplace_jobs.copy(),
                lab0.workplace_jobs.copy(),
                lab0.unemployment_rate.copy(),
                lab0.unemployment_rate.copy(),
                lab0.jobs_by_section.copy(),
            ),
        )
        if scenario is not None:
            for i, planned in enumerate(scenario.projects):
                if planned.year < self.start_year:
                    raise ScenarioError(
                        f"scenario '{scenario.name}': projects[{i}] "
                        f"'{planned.label or planned.type}' is planned for {planned.year}, "
                        f"before the base year {self.start_year}"
                    )
                when = planned.year
                self.schedule.setdefault(when, []).append(
                    FundProject(planned.type, planned.scale, planned.label, planned.area)
                )

    # -- set-up helpers -------------------------------------------------------------------
    def _base_population(
        self, base: np.ndarray | tuple[np.ndarray, tuple[str, ...]] | None
    ) -> np.ndarray:
        world = self.world
        if base is None:
            full = np.asarray(world.population_array(), dtype=np.float64)
            return full[[world.index[c] for c in self.codes]].copy()
        if isinstance(base, tuple):
            arr, codes = base
            pos = {c: i for i, c in enumerate(codes)}
            missing = [c for c in self.codes if c not in pos]
            if missing:
                raise ScenarioError(
                    f"base population has no rows for area(s) {', '.join(missing[:5])}"
                )
            return np.asarray(arr, dtype=np.float64)[[pos[c] for c in self.codes]].copy()
        arr = np.asarray(base, dtype=np.float64)
        if arr.shape[0] == len(world.codes) and self.n != len(world.codes):
            return arr[[world.index[c] for c in self.codes]].copy()
        if arr.shape != (self.n, 2, 91):
            raise ScenarioError(f"base population shape {arr.shape} does not fit {self.n} areas")
        return arr.copy()

    def _census_leakage(self) -> dict[str, float]:
        """Leakage of operational jobs by level from Census 2021 travel to work: the share
        of the area's workplace jobs held by people living elsewhere (ODWP01EW)."""
        if not self.aparams.get("leakage_from_census", 0.0):
            return {}

        def share(profile: Any) -> float | None:
            c = getattr(profile, "commuting", None)
            jobs = c.workplace_jobs if c is not None else 0
            return c.in_commuters / jobs if c is not None and jobs > 0 else None

        out: dict[str, float] = {}
        local = share(self.profile)
        if local is not None:
            out[self.level] = local
        wider = None
        p = self.profile
        try:
            if self.wider_level == "sub_region":
                wider = self.world.resolve(p.lep_codes[0] if p.lep_codes else p.ca_code)
            elif self.wider_level == "region" and p.kind != "all":
                wider = self.world.resolve(self.world.areas[self.codes[0]].region_code)
        except (AttributeError, IndexError, KeyError, TypeError):
            wider = None
        wider_share = share(wider) if wider is not None else None
        if wider_share is not None:
            out[self.wider_level] = wider_share
        out["national"] = 0.0
        return out

    def level_factors(self, ptype: ProjectType) -> dict[str, Factors]:
        """A type's operational additionality for this area: census leakage where known,
        then the uncertainty variant."""
        cached = self._factors_cache.get(ptype.id)
        if cached is not None and cached[0] is ptype:
            return cached[1]
        out: dict[str, Factors] = {}
        for lv, f in ptype.additionality.items():
            if lv in self.census_leakage:
                f = _with_leakage(f, self.census_leakage[lv])
            out[lv] = self._vary(f)
        self._factors_cache[ptype.id] = (ptype, out)
        return out

    def _vary(self, f: Factors) -> Factors:
        k = self.variant.additionality_scale
        return f if k == 1.0 else scale_factors(f, k)

    # -- commands -------------------------------------------------------------------------
    def _committed(self) -> float:
        return sum(
            self.catalogue.types[c.type_id].capital_cost * c.scale
            for c in self.queue
            if c.type_id in self.catalogue.types
        )

    def check(self, cmd: FundProject) -> CheckResult:
        """Would `cmd` be accepted now? Never mutates."""
        if not isinstance(cmd, FundProject):
            return CheckResult(False, 0.0, f"unknown command {type(cmd).__name__}")
        if cmd.type_id not in self.catalogue.types:
            return CheckResult(False, 0.0, unknown_type_message(cmd.type_id, self.catalogue.types))
        ptype = self.catalogue.types[cmd.type_id]
        if not 0.0 < cmd.scale <= MAX_SCALE:
            return CheckResult(False, 0.0, f"scale must lie in (0, {MAX_SCALE:g}]")
        cost = ptype.capital_cost * cmd.scale
        if cmd.area_code is not None and cmd.area_code not in self.codes:
            return CheckResult(False, cost, f"area {cmd.area_code} is not part of the area played")
        if self.year >= self.end_year:
            return CheckResult(False, cost, "the plan period is over")
        left = self.budget - self._committed()
        if cost > left + 1e-6:
            return CheckResult(
                False, cost, f"costs £{cost / 1e6:.1f}m but only £{max(left, 0) / 1e6:.1f}m is left"
            )
        return CheckResult(True, cost, "ok")

    def submit(self, cmd: FundProject) -> None:
        """Queue a command; it is applied at the next advance_year (re-checked then)."""
        result = self.check(cmd)
        if not result.ok:
            raise ScenarioError(f"cannot fund {cmd.type_id}: {result.reason}")
        self.queue.append(cmd)

    def _apply_queue(self, events: list[Event]) -> None:
        planned = self.schedule.pop(self.year, [])
        commands, self.queue = [*planned, *self.queue], []
        for cmd in commands:
            res = self.check(cmd)
            if not res.ok:
                events.append(
                    Event(
                        "rejected",
                        self.year,
                        f"{cmd.type_id}: {res.reason}",
                        {"type_id": cmd.type_id, "reason": res.reason},
                    )
                )
                continue
            self._start_project(cmd, events)

    def _start_project(self, cmd: FundProject, events: list[Event]) -> None:
        ptype = self.catalogue.types[cmd.type_id]
        pid = f"p{len(self.active) + 1}"
        if cmd.area_code is not None:
            weights = np.array([1.0 if c == cmd.area_code else 0.0 for c in self.codes])
            where = cmd.area_code
        else:
            weights = self.pop_weights
            where = self.codes[0] if self.n == 1 else "spread"
        by_level = self.level_factors(ptype)
        factors = by_level[self.level]
        project = ActiveProject(
            id=pid,
            ptype=ptype,
            label=cmd.label or ptype.describe(cmd.scale),
            scale=cmd.scale,
            area_code=where,
            weights=weights,
            started=self.year,
            level=self.level,
            factors=factors,
            construction_factors=self.construction_factors,
            job_years_per_fte=self.aparams["construction_job_years_per_fte"],
            index_size=self._index_size(),
            wider_level=self.wider_level,
            wider_factors=by_level.get(self.wider_level, factors),
            wider_construction_factors=self.wider_construction_factors,
        )
        self.active.append(project)
        self.budget -= project.capital
        self.labels[pid] = project.label
        b = ptype.build_years
        text = f"{project.label} funded (£{project.capital / 1e6:.1f}m); " + (
            f"building for {b} year{'s' if b != 1 else ''}, opens {project.opens}"
            if b
            else "starts at once"
        )
        events.append(
            Event(
                "funded",
                self.year,
                text,
                {"project_id": pid, "type_id": ptype.id, "cost": project.capital},
            )
        )
        warning = self._plausibility(project)
        if warning is not None:
            events.append(warning)

    def _plausibility(self, p: ActiveProject) -> Event | None:
        """A warning Event when one project is large against the area (its gross jobs or
        homes above the shares in appraisal_params.csv): the engine's links are for
        marginal change, so such results are outside what the data can support."""
        jobs = p.jobs.local.gross  # "jobs created (gross)": operational + construction FTE
        jobs_share = jobs / max(self.start.jobs, 1.0)
        homes_share = p.homes / max(self.start.households, 1.0)
        parts = []
        if jobs_share > self.aparams["plausibility_jobs_share"]:
            parts.append(
                f"{jobs:,.0f} jobs created (gross) = {jobs_share:.0%} of the area's "
                f"{self.start.jobs:,.0f} workplace jobs"
            )
        if homes_share > self.aparams["plausibility_homes_share"]:
            parts.append(
                f"{p.homes:,.0f} homes = {homes_share:.0%} of its "
                f"{self.start.households:,.0f} households"
            )
        if not parts:
            return None
        return Event(
            "warning",
            self.year,
            f"{p.label}: very large for {self.profile.name} ({'; '.join(parts)}). "
            "The projection is built for marginal change; treat these results with caution.",
            {
                "project_id": p.id,
                "type_id": p.ptype.id,
                "jobs_share": jobs_share,
                "homes_share": homes_share,
            },
        )

    def _index_size(self) -> float:
        ref = self.aparams["index_reference_population"]
        f = ref / max(self.start.population, 1.0)
        return min(self.aparams["index_scale_max"], max(self.aparams["index_scale_min"], f))

    # -- the year -------------------------------------------------------------------------
    def advance_year(self) -> list[Event]:
        from game.sim.migration_links import migrants_for_dwellings, migrants_for_jobs
        from game.sim.population import step_population

        if self.year >= self.end_year:
            raise ScenarioError(f"the run ends in {self.end_year}; cannot advance further")
        events: list[Event] = []
        self._apply_queue(events)
        Y = self.year + 1

        extra_jobs = np.zeros((self.n, N_SECTIONS))
        op_workplace = np.zeros(self.n)
        new_homes = np.zeros(self.n)
        points: dict[str, float] = {}
        stocks = ind.Stocks(index_points=points)
        project_jobs: dict[str, dict[str, float]] = {}
        for p in self.active:
            cj = oj = 0.0
            if p.building(Y):
                extra_jobs[:, 5] += p.constr_by_area  # section F, construction
                cj = p.constr_net_per_year
            if p.opens < Y:
                extra_jobs += p.op_matrix
                op_workplace += p.op_by_area
                oj = p.op_net
                stocks.running_cost += p.running
            if p.stock_from <= Y:
                stocks.school_places += p.school_places
                stocks.gp_patient_capacity += p.gp_capacity
                stocks.homes += p.homes
                stocks.premises_connected += p.premises
                for name, pts in p.index_points.items():
                    points[name] = points.get(name, 0.0) + pts
                if p.stock_from == Y and p.homes:
                    new_homes += p.homes_by_area
            if p.opens == Y and p.ptype.build_years > 0:
                events.append(
                    Event(
                        "opened",
                        Y,
                        f"{p.label} opened",
                        {"project_id": p.id, "type_id": p.ptype.id},
                    )
                )
            project_jobs[p.id] = {"construction": cj, "operational": oj}
        # The indicator is the jobs account's "net new jobs", so every screen shows one number.
        counted, _ = self._account_projects(Y)
        net_total = float(sum(p.jobs.local.net for p in counted))
        stocks.net_additional_jobs = net_total
        self.budget -= stocks.running_cost

        # People follow homes and jobs, after the lags in data/params/migration_links.csv.
        response = self.variant.migration_response
        if new_homes.any():
            when = Y + self.links.dwelling_lag_years
            add = migrants_for_dwellings(new_homes, self.links) * response
            self.pending_dwelling[when] = self.pending_dwelling.get(when, 0.0) + add
        d_jobs = op_workplace - self.prev_op_workplace
        if np.abs(d_jobs).sum() > 1e-9:
            when = Y + self.links.jobs_lag_years
            add = migrants_for_jobs(d_jobs, self.lab, self.links) * response
            self.pending_jobs[when] = self.pending_jobs.get(when, 0.0) + add
        self.prev_op_workplace = op_workplace
        extra = self._extra_migrants(Y)

        fs = self.variant.fertility_scale
        step = step_population(self.P, self.rates, extra, fertility_scale=fs)
        step_b = step_population(self.Pb, self.rates, None, fertility_scale=fs)
        self.P, self.Pb = step.population, step_b.population
        lab_b = self._labour_market(self.Pb, self.labour_base)
        lab = (
            self._labour_market(self.P, self.labour_base, extra_jobs, baseline_population=self.Pb)
            if self.active
            else lab_b
        )
        self.lab, self.lab_b = lab, lab_b
        self.year = Y

        years_in = Y - self.start_year
        pb_total = float(self.Pb.sum())
        values = ind.compute(
            self.start,
            self.specs,
            years_in,
            self.P,
            pb_total,
            float(lab.labour_force.sum()),
            float(lab.unemployed.sum()),
            float(lab.workplace_jobs.sum()),
            stocks,
            self.budget,
        )
        base_values = ind.compute(
            self.start,
            self.specs,
            years_in,
            self.Pb,
            pb_total,
            float(lab_b.labour_force.sum()),
            float(lab_b.unemployed.sum()),
            float(lab_b.workplace_jobs.sum()),
            ind.Stocks(index_points={}),
            self.start.budget,
        )
        pop = float(self.P.sum())
        targets = {p.id: self._project_target(p, p.stock_counts(Y)) for p in self.active}
        before = self.approval.values.copy()
        ay = self.approval.step(ind.signals(values, self.start_indicators), targets)
        by = self.baseline_approval.step(ind.signals(base_values, self.start_indicators), {})
        trace = YearTrace(
            self.P,
            self.Pb,
            _components(step),
            _components(step_b),
            lab.workplace_jobs,
            lab_b.workplace_jobs,
            lab.unemployment_rate,
            lab_b.unemployment_rate,
            lab.jobs_by_section,
        )
        record = self._record(values, base_values, ay, by, project_jobs, trace)
        self._approval_events(before, record, events)
        events.append(
            Event(
                "year",
                Y,
                f"{Y}: population {pop:,.0f} (baseline {pb_total:,.0f}), "
                f"net new jobs {net_total:,.0f}, "
                f"unemployment {values['unemployment_rate']:.1%}",
                {
                    "population": pop,
                    "baseline_population": pb_total,
                    "net_additional_jobs": net_total,
                },
            )
        )
        self.log.extend(events)
        return events

    def unapplied_plans(self) -> list[tuple[int, FundProject]]:
        """Scenario projects (year, command) planned for years not yet reached."""
        return [(y, c) for y, cmds in sorted(self.schedule.items()) for c in cmds]

    def _project_target(self, p: ActiveProject, opened: bool) -> np.ndarray:
        # Sized on the start population so the target is fixed per phase (cheap, stable).
        key = (p.id, opened)
        if key not in self._targets:
            self._targets[key] = project_target(
                self.groups,
                p.ptype.group_effects,
                p.scale,
                self.start.population,
                opened,
                self.approval_params,
            )
        return self._targets[key]

    def _extra_migrants(self, year: int) -> np.ndarray | None:
        """Migrants needed this year to keep the scenario's extra residents at the level the
        new homes and jobs support (dwelling-led and jobs-led targets, POPGROUP style).

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
        gap = self.P.sum(axis=(1, 2)) - self.Pb.sum(axis=(1, 2))
        return np.maximum(target - gap, 0.0)

    def _record(
        self,
        values: dict[str, float],
        base_values: dict[str, float],
        ay: ApprovalYear | None,
        by: ApprovalYear | None,
        project_jobs: dict[str, dict[str, float]],
        trace: YearTrace,
    ) -> YearRecord:
        groups = self.groups
        rec = YearRecord(
            year=self.year,
            indicators=values,
            baseline_indicators=base_values,
            approvals={g: float(v) for g, v in zip(groups, self.approval.values, strict=True)},
            baseline_approvals={
                g: float(v) for g, v in zip(groups, self.baseline_approval.values, strict=True)
            },
            project_jobs=project_jobs,
            trace=trace,
            groups=groups,
            labels=dict(self.labels),
            approval_year=ay,
            baseline_approval_year=by,
        )
        self.history.append(rec)
        return rec

    def _approval_events(self, before: np.ndarray, rec: YearRecord, events: list[Event]) -> None:
        threshold = self.approval_params["event_threshold"]
        year = rec.approval_year
        assert year is not None
        deltas = year.values - before
        rows = np.flatnonzero(np.abs(deltas) >= threshold).tolist()
        if not rows:
            return
        for gi, top in zip(rows, year.top_reasons_all(3, rows), strict=True):
            g = self.groups[gi]
            delta = float(deltas[gi])
            reasons = [
                Contribution(src, ind_name, d, self.labels.get(ind_name or src[8:], src))
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

    def run(self) -> list[Event]:
        """Advance to the end of the run; returns every event."""
        events: list[Event] = []
        while self.year < self.end_year:
            events.extend(self.advance_year())
        return events

    # -- read-only views ------------------------------------------------------------------
    @property
    def state(self) -> EngineState:
        return EngineState(
            year=self.year,
            start_year=self.start_year,
            end_year=self.end_year,
            codes=self.codes,
            area_code=self.profile.code,
            area_name=self.profile.name,
            level=self.level,
            wider_level=self.wider_level,
            variant=self.variant.name,
            population=self.P.copy(),
            baseline_population=self.Pb.copy(),
            budget=self.budget,
            history=tuple(self.history),
            projects=tuple(p.snapshot(self.year) for p in self.active),
        )

    def appraise(self, type_id: str, scale: float = 1.0) -> Appraisal:
        if type_id not in self.catalogue.types:
            raise ScenarioError(unknown_type_message(type_id, self.catalogue.types))
        ptype = self.catalogue.types[type_id]
        ptype = ptype.model_copy(update={"additionality": self.level_factors(ptype)})
        result = appraise(
            ptype,
            scale,
            self.level,
            self.wider_level,
            dict(self.profile.groups),
            self.aparams,
            construction={
                self.level: self.construction_factors,
                self.wider_level: self.wider_construction_factors,
            },
        )
        # A project cannot reach more people than live in the area (a small island).
        reach = min(result.people_affected, float(self.start.population))
        return dataclasses.replace(result, people_affected=reach)

    def preview_approval(self, cmd: FundProject) -> dict[str, tuple[float, list[Contribution]]]:
        """Change in each group's approval target once the project is open (consultation)."""
        ptype = self.catalogue.get(cmd.type_id)
        pop = float(self.P.sum())
        direct = project_target(
            self.groups, ptype.group_effects, cmd.scale, pop, True, self.approval_params
        )
        last = self.history[-1]
        now = dict(last.indicators)
        after = dict(now)
        out = ptype.outputs
        s = cmd.scale
        children = max(float(self.P[:, :, ind.CHILD_AGES].sum()), 1.0)
        after["school_places_per_child"] += (
            sum(out.get(k, 0.0) for k in PLACES_OUTPUTS) * s / children
        )
        after["gp_capacity_per_person"] += out.get("gp_patient_capacity", 0.0) * s / max(pop, 1.0)
        hh = max(self.start.households * pop / max(self.start.population, 1.0), 1.0)
        after["homes_per_household"] += out.get("homes", 0.0) * s / hh
        premises = max(self.start.households / (1 - ind.load_indicator_params().vacancy), 1.0)
        bb = now["broadband_gigabit_share"]
        after["broadband_gigabit_share"] = min(
            1.0, bb + (1 - bb) * out.get("premises_connected", 0.0) * s / premises
        )
        after["running_cost_per_head"] += ptype.running_cost * s / max(pop, 1.0)
        size = self._index_size()
        for name, pts in ptype.indicator_effects.items():
            if name in after:
                after[name] = float(np.clip(after[name] + pts * size * s, 0, 100))
        model = self.approval
        d_ind = model.indicator_targets(ind.signals(after, self.start_indicators)) - (
            model.indicator_targets(ind.signals(now, self.start_indicators))
        )
        result: dict[str, tuple[float, list[Contribution]]] = {}
        label = cmd.label or ptype.describe(cmd.scale)
        for gi, g in enumerate(self.groups):
            items = (
                [Contribution("project:preview", None, float(direct[gi]), label)]
                if abs(direct[gi]) >= 0.005
                else []
            )
            for k, name in enumerate(ind.SIGNAL_INDICATORS):
                d = float(d_ind[gi, k])
                if abs(d) >= 0.005:
                    items.append(Contribution("indicator", name, d, self.labels.get(name, name)))
            items.sort(key=lambda c: -abs(c.delta))
            result[g] = (float(sum(c.delta for c in items)), items)
        return result

    def checksum(self) -> str:
        h = hashlib.sha256()
        h.update(f"{self.year}|{self.budget:.4f}|{self.variant.name}".encode())
        h.update(np.round(self.P, 6).tobytes())
        h.update(np.round(self.Pb, 6).tobytes())
        h.update(np.round(self.approval.values, 6).tobytes())
        for p in self.active:
            h.update(f"{p.id}|{p.ptype.id}|{p.scale}|{p.started}|{p.area_code}".encode())
        return h.hexdigest()[:16]

    # -- summaries ------------------------------------------------------------------------
    def _account_projects(self, year: int) -> tuple[list[ActiveProject], list[ActiveProject]]:
        """(open by `year`, funded but not open yet) among projects funded before `year`."""
        funded = [p for p in self.active if p.started < year]
        return [p for p in funded if p.opens <= year], [p for p in funded if p.opens > year]

    def jobs_account(self, year: int | None = None) -> JobsAccount:
        """The jobs the plan has produced by `year` (default: the latest year), in the one
        vocabulary every screen uses: gross, each HCA deduction, net new jobs at the level
        played and the wider level, jobs located here vs the baseline, cost per net job.
        Projects not open by then (including any opening after the plan end) are listed in
        `not_yet_open` and counted nowhere else."""
        y = self.year if year is None else int(year)
        if not self.start_year <= y <= self.year:
            raise ScenarioError(
                f"jobs_account: year {y} is outside {self.start_year}..{self.year} (run so far)"
            )
        rec = self.history[y - self.start_year]
        counted, later = self._account_projects(y)
        parts: tuple[ProjectJobs, ...] = tuple(p.jobs for p in counted)
        return build_account(
            y,
            self.level,
            self.wider_level,
            parts,
            tuple((p.label, p.opens) for p in later),
            float(rec.indicators["jobs"] - rec.baseline_indicators["jobs"]),
        )

    def totals(self) -> Mapping[str, float]:
        last = self.history[-1]
        return {
            "population": last.indicators["population"],
            "baseline_population": last.baseline_indicators["population"],
            "jobs": last.indicators["jobs"],
            "baseline_jobs": last.baseline_indicators["jobs"],
        }
