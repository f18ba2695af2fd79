"""Funded projects in a run: when they build and open, and what they add each year.

A project funded at year S with build time b is under construction during the years ending
at S+1 .. S+b and opens at mid-year S+b (b = 0: it starts at once). Stocks it delivers
(school places, homes, premises connected, index effects) count from the year it opens;
its operational jobs, a flow over a year, from the first full year after opening.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.scenarios.models import SIC_SECTIONS, Factors, ProjectType
from game.sim.additionality import JobsBreakdown, gross_to_net, net_factor, workplace_factor
from game.sim.jobs_account import ProjectJobs

SECTION_INDEX = {s: i for i, s in enumerate(SIC_SECTIONS)}
N_SECTIONS = len(SIC_SECTIONS)
PLACES_OUTPUTS = ("school_places_primary", "school_places_secondary")


@dataclass(frozen=True)
class ScaledProject:
    """What a project type buys at a scale: the one place where scale multiplies numbers
    (cards, appraisals and funded projects all read these)."""

    type_id: str
    title: str  # ProjectType.describe(scale): real quantities, never "(x2)"
    scale: float
    capital_cost: float
    running_cost: float
    build_years: int
    construction_job_years: float
    gross_operational_fte: float
    outputs: dict[str, float]
    people_served: float


def scaled_project(ptype: ProjectType, scale: float = 1.0) -> ScaledProject:
    return ScaledProject(
        type_id=ptype.id,
        title=ptype.describe(scale),
        scale=scale,
        capital_cost=ptype.capital_cost * scale,
        running_cost=ptype.running_cost * scale,
        build_years=ptype.build_years,
        construction_job_years=ptype.construction_job_years * scale,
        gross_operational_fte=ptype.gross_operational_fte * scale,
        outputs={k: float(v) * scale for k, v in ptype.outputs.items()},
        people_served=ptype.people_served * scale,
    )


@dataclass(frozen=True)
class ProjectInstance:
    """One funded project (read-only snapshot as shown in EngineState.projects)."""

    id: str
    type_id: str
    name: str
    label: str
    scale: float
    area_code: str  # LAD where it is (or "spread" across a grouping's members)
    started: int
    opens: int
    status: str  # "construction" | "open"
    capital_cost: float
    running_cost: float
    jobs: JobsBreakdown  # permanent operational jobs at the level played (FTE)
    construction: JobsBreakdown  # construction as FTE equivalents (job-years / 10)
    construction_job_years: float
    outputs: dict[str, float]

    @property
    def total(self) -> JobsBreakdown:
        return self.jobs + self.construction


@dataclass
class ActiveProject:
    """Engine-side record with everything pre-computed for the yearly loop."""

    id: str
    ptype: ProjectType
    label: str
    scale: float
    area_code: str
    weights: np.ndarray  # (n,) share of the project in each member area, sums to 1
    started: int
    level: str
    factors: Factors  # operational additionality at the level played
    construction_factors: Factors
    job_years_per_fte: float
    index_size: float  # size factor for index effects
    wider_level: str = "region"
    wider_factors: Factors | None = None  # operational additionality at the wider level
    wider_construction_factors: Factors | None = None
    leakage_basis: str = "profile"  # census | profile | scenario (AreaContext.leakage_basis)
    delivery: float = 1.0  # share of the forecast operational jobs delivered (variant)
    delay: int = 0  # years it opens later than planned (variant)

    def __post_init__(self) -> None:
        b = self.ptype.build_years
        # a late project builds for longer (the same construction work, spread thinner)
        self.opens = self.started + b + self.delay
        wf, nf = workplace_factor(self.factors), net_factor(self.factors)
        fte = [0.0] * N_SECTIONS
        for sec, v in self.ptype.operational_fte.items():
            fte[SECTION_INDEX[sec]] += v * self.scale * self.delivery
        gross_op = sum(fte)
        self.op_workplace_by_section = np.array(fte) * wf
        self.op_net = gross_op * nf
        sized = scaled_project(self.ptype, self.scale)
        self.sized = sized
        cjy = sized.construction_job_years
        self.cjy = cjy
        self.constr_jobs_per_year = cjy / (b + self.delay) if b > 0 else 0.0
        self.constr_workplace_per_year = self.constr_jobs_per_year * workplace_factor(
            self.construction_factors
        )
        self.constr_net_per_year = self.constr_jobs_per_year * net_factor(self.construction_factors)
        out = self.ptype.outputs
        self.homes = sized.outputs.get("homes", 0.0)
        self.capital = sized.capital_cost
        self.running = sized.running_cost
        # Per-area arrays used every year (the weights spread a project over members).
        w = self.weights
        self.op_matrix = np.outer(w, self.op_workplace_by_section)
        self.op_by_area = w * (gross_op * wf)
        self.constr_by_area = w * self.constr_workplace_per_year
        # Homes already in the local plan would be built anyway: they add no residents and
        # no homes above the trend (housing deadweight).
        self.additional_homes = self.homes * (1.0 - self.ptype.housing_deadweight)
        self.homes_by_area = w * self.additional_homes
        self.school_places = sum(out.get(k, 0.0) for k in PLACES_OUTPUTS) * self.scale
        self.gp_capacity = out.get("gp_patient_capacity", 0.0) * self.scale
        self.premises = out.get("premises_connected", 0.0) * self.scale
        self.index_points = {
            k: v * self.index_size * self.scale for k, v in self.ptype.indicator_effects.items()
        }
        self.stock_from = max(self.opens, self.started + 1)
        self.jobs = self._account_part()

    def homes_delivered(self, year: int) -> float:
        """Additional homes completed by mid-year `year`: all at once when it opens, or
        `build_out_per_year` a year from then (large sites build out over years; a scaled
        project builds out over the same number of years)."""
        if year < self.stock_from:
            return 0.0
        rate = self.ptype.build_out_per_year
        per_unit = self.ptype.outputs.get("homes", 0.0)
        if rate is None or per_unit <= 0:
            return self.additional_homes
        return self.additional_homes * min(1.0, rate * (year - self.stock_from + 1) / per_unit)

    def op_share(self, year: int) -> float:
        """Share of the operational jobs in place in the year ending at mid-year `year`:
        0 before it operates, then rising to 1 over `ramp_up_years` as premises let."""
        if year <= self.opens:
            return 0.0
        ramp = self.ptype.ramp_up_years
        return 1.0 if ramp == 0 else min(1.0, (year - self.opens) / ramp)

    def jobs_at(self, year: int) -> ProjectJobs:
        """This project's part of the jobs account in `year` (operational jobs ramped up)."""
        if self.ptype.ramp_up_years == 0:
            return self.jobs
        return self._account_part(self.op_share(year))

    def _account_part(self, op_share: float = 1.0) -> ProjectJobs:
        """This project's construction + operational jobs at both levels (what it adds to
        `Engine.jobs_account` once open; `op_share` of the operational jobs in place)."""
        gross_op = self.sized.gross_operational_fte * self.delivery * op_share
        constr = self.cjy / self.job_years_per_fte
        wf = self.wider_factors or self.factors
        wcf = self.wider_construction_factors or self.construction_factors
        local = gross_to_net(constr, self.construction_factors, self.level) + gross_to_net(
            gross_op, self.factors, self.level
        )
        wider = gross_to_net(constr, wcf, self.wider_level) + gross_to_net(
            gross_op, wf, self.wider_level
        )
        return ProjectJobs(
            project_id=self.id,
            type_id=self.ptype.id,
            label=self.label,
            opens=self.opens,
            capital_cost=self.capital,
            operational_fte=gross_op,
            construction_fte=constr,
            local=local,
            wider=wider,
            leakage_basis=self.leakage_basis,
            leakage_rate=self.factors.leakage,
        )

    # -- phases for the record at mid-year Y ------------------------------------------------
    def building(self, year: int) -> bool:
        return self.started < year <= self.opens and self.ptype.build_years > 0

    def stock_counts(self, year: int) -> bool:
        return year >= self.stock_from

    def status(self, year: int) -> str:
        # open from mid-year `opens`; its operational jobs only count from the first full
        # year after (op_share, year_step: opens < year), as the module docstring says
        return "open" if year >= self.opens else "construction"

    def snapshot(self, year: int) -> ProjectInstance:
        p = self.ptype
        op = gross_to_net(
            self.sized.gross_operational_fte * self.delivery, self.factors, self.level
        )
        constr = gross_to_net(
            self.cjy / self.job_years_per_fte, self.construction_factors, self.level
        )
        return ProjectInstance(
            id=self.id,
            type_id=p.id,
            name=p.name,
            label=self.label,
            scale=self.scale,
            area_code=self.area_code,
            started=self.started,
            opens=self.opens,
            status=self.status(year),
            capital_cost=self.capital,
            running_cost=self.running,
            jobs=op,
            construction=constr,
            construction_job_years=self.cjy,
            outputs=dict(self.sized.outputs),
        )
