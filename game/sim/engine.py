"""The engine facade: commands in, events out, one simulated year per `advance_year`.

A scenario run and a baseline run (no projects) advance together from the same base
population, so every output can be read against the baseline. The engine is a plain
numpy library (no pygame, no wall clock, no files): it is handed its parameters
(game.sim.params_bundle.Parameters) and the census world; all state changes go through
commands. The work is split along its own lines: game.sim.project_queue (funding),
game.sim.migration_targets (people follow homes and jobs), game.sim.year_step (what
projects add in a year), game.sim.previews (appraisals and consultation previews).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np

from game.errors import ScenarioError
from game.model.world import World
from game.scenarios import Catalogue, Scenario, scenario_catalogue
from game.sim import indicators as ind
from game.sim.appraisal import Appraisal
from game.sim.approval import ApprovalModel, ApprovalYear, Contribution, project_target
from game.sim.area_setup import (
    AreaContext,
    BasePopulation,
    PlayedArea,
    build_context,
    resolve_area,
)
from game.sim.area_setup import base_population as start_population
from game.sim.engine_setup import check_span, demography, planned_commands
from game.sim.jobs_account import JobsAccount, build_account
from game.sim.labour import SECTIONS, LabourState, calibrate_labour, labour_market
from game.sim.migration_targets import MigrationTargets
from game.sim.national_control import ControlPath, wales_mask, year_scales
from game.sim.params_bundle import Parameters
from game.sim.population import (
    DemographicRates,
    add_migrants,
    step_population,
)
from game.sim.previews import appraise_type, preview_approval, start_inputs
from game.sim.project_queue import MAX_SCALE, ProjectQueue, funded_event, plausibility
from game.sim.projects import N_SECTIONS, ActiveProject, ProjectInstance
from game.sim.records import (
    CheckResult,
    EngineState,
    Event,
    EventValue,
    FundProject,
    Preview,
    Shock,
    YearRecord,
    YearTrace,
    components,
    played_levels,
)
from game.sim.year_step import approval_events, project_effects

__all__ = [
    "MAX_SCALE",
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


class Engine:
    def __init__(
        self,
        world: World,
        area: str = "Hartlepool",
        seed: int = 1,
        years: int = 10,
        catalogue: Catalogue | None = None,
        base_population: BasePopulation | None = None,
        base_year: int = 2021,
        variant: str = "central",
        scenario: Scenario | None = None,
        budget: float | None = None,
        *,
        params: Parameters,
        world_rates: DemographicRates | None = None,
        baseline: str = "national",
        control: ControlPath | None = None,
    ) -> None:
        """`world_rates`: the whole world's demographic calibration (calibrate_world); pass
        it when building several engines on one world, so it is computed once. `baseline`:
        "national" (constrained to ONS, game.sim.national_control) or "unconstrained" (the
        engine's own 2019-20 trend); `control`: that constraint's factors (national_path),
        likewise computed once by callers that build several engines."""
        check_span(years, base_year, baseline)
        self.world = world
        # The engine is deterministic arithmetic (no random draws): the seed is only kept so
        # callers can record it; it drives the game's cards and news in game.play.
        self.seed = seed
        self.years = years
        self.params = params
        self.scenario = scenario
        catalogue = catalogue or params.catalogue
        if scenario is not None:
            catalogue = scenario_catalogue(scenario, catalogue)
            if budget is None:
                budget = scenario.budget
        self.catalogue = catalogue
        played = resolve_area(world, area)
        self.profile = played.profile
        self.codes, self.level, self.wider_level = played.codes, played.level, played.wider_level
        self.n = len(self.codes)
        self.start_year = self.year = base_year
        self.end_year = base_year + years

        self.baseline = baseline
        self.rates, self.control = demography(
            world, self.codes, params, world_rates, baseline, control, self.end_year
        )
        self._wales = wales_mask(self.codes)
        self.labour_base = calibrate_labour(world, self.codes, params.activity, params.links)
        P0 = start_population(world, self.codes, base_population)
        self.P, self.Pb = P0.copy(), P0.copy()
        lab0 = labour_market(P0, self.labour_base)
        self.lab: LabourState = lab0
        self.lab_b: LabourState = lab0
        self.budget = float(
            budget if budget is not None else params.appraisal["budget_per_head"] * P0.sum()
        )
        self.ctx = self._context(played, variant, P0, lab0)
        self.variant = self.ctx.variant
        self.approval = ApprovalModel(params.weights, params.approval)
        self.baseline_approval = ApprovalModel(params.weights, params.approval)
        self.groups = self.approval.groups
        # approval reasons read in the words people use (approval_indicators.csv reason)
        self.labels = {k: v.reason or v.label for k, v in params.indicator_specs.items()}
        self.projects = ProjectQueue(self.ctx)
        self.migration = MigrationTargets(
            self.n,
            params.links,
            self.variant.migration_response,
            self.ctx.occupants,
            params.schedules.migrant_profile,
        )
        self._record_start(P0, lab0)
        if scenario is not None:
            self.projects.schedule.update(planned_commands(scenario, self.start_year))

    # -- set-up helpers -------------------------------------------------------------------
    def _context(
        self, played: PlayedArea, variant: str, P0: np.ndarray, lab0: LabourState
    ) -> AreaContext:
        return build_context(
            self.world, self.params, self.catalogue, played, variant, P0, lab0, self.budget
        )

    def _record_start(self, P0: np.ndarray, lab0: LabourState) -> None:
        """The run's records before the first year: history, events, outside shocks, the
        consultation inputs, and the base year's record."""
        self.history: list[YearRecord] = []
        self.log: list[Event] = []  # every event so far, in order
        self._targets: dict[tuple[str, bool], np.ndarray] = {}
        # outside events (apply_shock): jobs kept every later year, migrants once
        self.shocks: list[Shock] = []
        self._shock_jobs = np.zeros((self.n, N_SECTIONS))
        self._shock_migrants = 0.0
        self.inputs = start_inputs(
            P0,
            float(lab0.labour_force.sum()),
            float(lab0.unemployed.sum()),
            float(lab0.workplace_jobs.sum()),
            self.budget,
        )
        jobs, u = lab0.workplace_jobs, lab0.unemployment_rate
        trace = YearTrace(
            P0.copy(),
            P0.copy(),
            None,
            None,
            jobs.copy(),
            jobs.copy(),
            u.copy(),
            u.copy(),
            lab0.jobs_by_section.copy(),
        )
        start = dict(self.ctx.start_indicators)
        self._record(dict(start), start, None, None, {}, trace)

    @property
    def start(self) -> ind.StartState:
        return self.ctx.start

    @property
    def start_indicators(self) -> Mapping[str, float]:
        return self.ctx.start_indicators

    @property
    def active(self) -> list[ActiveProject]:
        return self.projects.active

    # -- commands -------------------------------------------------------------------------
    def apply_shock(self, shock: Shock) -> None:
        """Felt from the next advance_year: section jobs shared over member areas by their
        workplace jobs now; the baseline (no new projects) does not feel it."""
        jobs = self.lab.workplace_jobs
        share = jobs / jobs.sum() if jobs.sum() > 0 else np.full(self.n, 1.0 / self.n)
        delta = np.zeros((self.n, N_SECTIONS))
        for letter, count in shock.jobs_by_section.items():
            if letter not in SECTIONS:
                raise ScenarioError(f"shock '{shock.id}': no industry section '{letter}'")
            delta[:, SECTIONS.index(letter)] += float(count) * share
        self._shock_jobs = self._shock_jobs + delta
        self._shock_migrants += float(shock.migrants)
        self.shocks.append(shock)

    def check(self, cmd: FundProject) -> CheckResult:
        """Would `cmd` be accepted now? Never mutates."""
        return self.projects.check(cmd, self.year, self.end_year, self.budget)

    def submit(self, cmd: FundProject) -> None:
        """Queue a command; it is applied at the next advance_year (re-checked then)."""
        result = self.check(cmd)
        if not result.ok:
            raise ScenarioError(f"cannot fund {cmd.type_id}: {result.reason}")
        self.projects.queue.append(cmd)

    def withdraw(self, label: str) -> None:
        """Remove the latest queued command with this label (not yet applied), so a player
        can take a decision back within the year; an unknown label is an error."""
        queue = self.projects.queue
        for i in range(len(queue) - 1, -1, -1):
            if queue[i].label == label:
                del queue[i]
                return
        raise ScenarioError(f"nothing queued under the label {label!r} to withdraw")

    def _apply_queue(self, events: list[Event]) -> None:
        for cmd in self.projects.take(self.year):
            res = self.check(cmd)
            if not res.ok:
                data: dict[str, EventValue] = {"type_id": cmd.type_id, "reason": res.reason}
                events.append(Event("rejected", self.year, f"{cmd.type_id}: {res.reason}", data))
                continue
            project = self.projects.start(cmd, self.year)
            self.budget -= project.capital
            self.labels[project.id] = project.label
            events.append(funded_event(project, self.year))
            warning = plausibility(self.ctx, project, self.year)
            if warning is not None:
                events.append(warning)

    # -- the year -------------------------------------------------------------------------
    def advance_year(self) -> list[Event]:
        if self.year >= self.end_year:
            raise ScenarioError(f"the run ends in {self.end_year}; cannot advance further")
        events: list[Event] = []
        self._apply_queue(events)
        Y = self.year + 1
        fx = project_effects(self.active, Y, self.n)
        fx.extra_jobs += self._shock_jobs
        events.extend(fx.events)
        # The indicator is the jobs account's "net new jobs", so every screen shows one number.
        counted, _ = self.projects.open_and_waiting(Y)
        net_total = float(sum(p.jobs_at(Y).local.net for p in counted))
        fx.stocks.net_additional_jobs = net_total
        self.budget -= fx.stocks.running_cost
        self.migration.schedule(Y, fx.new_homes, fx.op_workplace, self.lab)

        # The variant's trends times the national control's factors for the year.
        scales = year_scales(self.variant, self.control, Y, Y - self.start_year, self._wales)
        step = step_population(self.P, self.rates, None, **scales)
        step_b = step_population(self.Pb, self.rates, None, **scales)
        # The top-up is solved after the year's deaths and moves (issue 8).
        extra = self.migration.extra_migrants(Y, step.population, step_b.population)
        if extra is not None:
            step = add_migrants(step, extra)
        self.P, self.Pb = step.population, step_b.population
        if self._shock_migrants:  # spread over ages and areas as the population is
            self.P = self.P * max(0.0, 1.0 + self._shock_migrants / float(self.P.sum()))
            self._shock_migrants = 0.0
        lab_b = labour_market(self.Pb, self.labour_base)
        lab = (
            labour_market(self.P, self.labour_base, fx.extra_jobs, baseline_population=self.Pb)
            if self.active or self.shocks
            else lab_b
        )
        self.lab, self.lab_b = lab, lab_b
        self.year = Y
        trace = YearTrace(
            self.P,
            self.Pb,
            components(step),
            components(step_b),
            lab.workplace_jobs,
            lab_b.workplace_jobs,
            lab.unemployment_rate,
            lab_b.unemployment_rate,
            lab.jobs_by_section,
        )
        record = self._close_year(fx.stocks, fx.project_jobs, trace, events)
        values = record.indicators
        pop, pb_total = float(self.P.sum()), float(self.Pb.sum())
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

    def _close_year(
        self,
        stocks: ind.Stocks,
        project_jobs: dict[str, dict[str, float]],
        trace: YearTrace,
        events: list[Event],
    ) -> YearRecord:
        """Indicators and approval for the year just stepped; records it."""
        specs, ip, start = self.params.indicator_specs, self.params.indicator, self.start
        years_in = self.year - self.start_year
        pb_total = float(self.Pb.sum())
        lab, lab_b = self.lab, self.lab_b
        self.inputs = ind.IndicatorInputs(
            years_in,
            self.P,
            pb_total,
            float(lab.labour_force.sum()),
            float(lab.unemployed.sum()),
            float(lab.workplace_jobs.sum()),
            stocks,
            self.budget,
        )
        values = ind.compute(start, specs, ip, self.inputs)
        base_inputs = ind.IndicatorInputs(
            years_in,
            self.Pb,
            pb_total,
            float(lab_b.labour_force.sum()),
            float(lab_b.unemployed.sum()),
            float(lab_b.workplace_jobs.sum()),
            ind.Stocks(index_points={}),
            start.budget,
        )
        base_values = ind.compute(start, specs, ip, base_inputs)
        targets = {p.id: self._project_target(p, p.stock_counts(self.year)) for p in self.active}
        before = self.approval.values.copy()
        ay = self.approval.step(ind.signals(values, self.start_indicators), targets)
        by = self.baseline_approval.step(ind.signals(base_values, self.start_indicators), {})
        record = self._record(values, base_values, ay, by, project_jobs, trace)
        threshold = self.params.approval["event_threshold"]
        events.extend(approval_events(self.groups, self.labels, threshold, before, record))
        return record

    def unapplied_plans(self) -> list[tuple[int, FundProject]]:
        """Scenario projects (year, command) planned for years not yet reached."""
        return self.projects.unapplied_plans()

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
                self.params.approval,
            )
        return self._targets[key]

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

    def appraise(self, type_id: str, scale: float = 1.0, started: int | None = None) -> Appraisal:
        """A project type's appraisal here. For a funded project pass `started` (the year it
        was funded): its present values are then discounted to the run's first year, so a
        programme's present values add up. Without it, to the year it would be funded."""
        offset = 0 if started is None else started - self.start_year
        return appraise_type(self.ctx, type_id, scale, offset)

    def preview_approval(self, cmd: FundProject) -> Preview:
        """Change in each group's approval target once the project is open (consultation)."""
        return preview_approval(self.ctx, self.projects, self.approval, self.inputs, cmd, self.year)

    def checksum(self) -> str:
        h = hashlib.sha256()
        h.update(f"{self.year}|{self.budget:.4f}|{self.variant.name}".encode())
        h.update(np.round(self.P, 6).tobytes())
        h.update(np.round(self.Pb, 6).tobytes())
        h.update(np.round(self.approval.values, 6).tobytes())
        for p in self.active:
            h.update(f"{p.id}|{p.ptype.id}|{p.scale}|{p.started}|{p.area_code}".encode())
        for shock in self.shocks:
            h.update(f"shock|{shock.id}".encode())
        return h.hexdigest()[:16]

    # -- summaries ------------------------------------------------------------------------
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
        counted, later = self.projects.open_and_waiting(y)
        return build_account(
            y,
            self.level,
            self.wider_level,
            tuple(p.jobs_at(y) for p in counted),
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
