"""Appraise one project: gross jobs, gross -> net at two spatial levels, cost per net
additional job and Green Book present values (3.5%, optimism bias on capital).

Cost per net additional job follows the HCA "Calculating Cost per Job" note (2015): public
capital cost divided by net additional FTE jobs, where temporary construction work counts
as 10 job-years = 1 FTE.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.scenarios.models import Factors, ProjectType
from game.sim.additionality import JobsBreakdown, gross_to_net

LEVEL_NAMES = {
    "lad": "local authority",
    "sub_region": "sub-region (LEP / combined authority)",
    "region": "region",
    "national": "England and Wales",
}
NATIONAL_NOTE = (
    "Nationally, the MHCLG Appraisal Guide assumes local jobs are fully displaced "
    "(net 0) unless there is supply-side evidence."
)


def discount_factor(t: int, params: Mapping[str, float]) -> float:
    """Green Book: 3.5% a year for years 0-30, 3.0% after."""
    r1, r2 = params["discount_rate"], params["discount_rate_after_30"]
    if t <= 30:
        return float((1.0 + r1) ** -t)
    return float((1.0 + r1) ** -30 * (1.0 + r2) ** -(t - 30))


@dataclass(frozen=True)
class LevelAppraisal:
    level: str
    level_name: str
    construction: JobsBreakdown  # in FTE (job-years / 10)
    operational: JobsBreakdown
    total: JobsBreakdown
    cost_per_net_job: float  # GBP per net additional FTE (inf if none)


@dataclass(frozen=True)
class Appraisal:
    type_id: str
    name: str
    scale: float
    capital_cost: float
    running_cost: float
    build_years: int
    construction_job_years: float
    construction_fte: float
    operational_fte: float
    gross_fte: float
    local: LevelAppraisal  # the level played (LA when an LA is played)
    wider: LevelAppraisal  # the wider grouping (LEP / CA / region)
    national_net: float
    national_note: str
    optimism_bias: float
    discount_rate: float
    pv_costs: float
    pv_benefits: float
    npsv: float
    bcr: float
    people_affected: float
    supporters: list[tuple[str, int, float]]  # (group id, census size, strength)
    detractors: list[tuple[str, int, float]]


def appraise_level(
    ptype: ProjectType,
    scale: float,
    level: str,
    params: Mapping[str, float],
    construction: Factors,
) -> LevelAppraisal:
    """`construction`: factors for construction jobs at this level (the engine passes the
    `construction` profile with its uncertainty variant applied)."""
    per_fte = params["construction_job_years_per_fte"]
    construction_profile = construction
    constr = gross_to_net(
        ptype.construction_job_years * scale / per_fte, construction_profile, level
    )
    oper = gross_to_net(ptype.gross_operational_fte * scale, ptype.additionality[level], level)  # type: ignore[index]
    total = constr + oper
    cost = ptype.capital_cost * scale
    cpj = cost / total.net if total.net > 1e-9 else float("inf")
    return LevelAppraisal(level, LEVEL_NAMES[level], constr, oper, total, cpj)


def present_values(
    ptype: ProjectType,
    scale: float,
    net_operational: float,
    params: Mapping[str, float],
    start_offset: int = 0,
) -> tuple[float, float]:
    """(PV costs, PV benefits) over build years + the appraisal period.

    Every flow is discounted to one base year: the year the project is funded is
    `start_offset` years after it (a programme's projects are all discounted to the run's
    first year, so their present values add up). Year t is the year from base + t to
    base + t + 1; capital is spread over the build years, and running costs and benefits
    start in the year the engine starts the operational jobs (the first full year after
    opening, game.sim.projects)."""
    ob = params[f"optimism_bias_{ptype.optimism_bias}"]
    b = ptype.build_years
    t0 = start_offset
    years = int(params["appraisal_years"])
    capital = ptype.capital_cost * scale * (1.0 + ob)
    pv_c = sum(capital / max(b, 1) * discount_factor(t0 + t, params) for t in range(max(b, 1)))
    pv_b = 0.0
    decay = params["job_benefit_decay"]
    for k in range(years):
        df = discount_factor(t0 + b + k, params)
        pv_c += ptype.running_cost * scale * df
        # operational jobs rise over the ramp-up years as premises let, as in the engine
        ramp = min(1.0, (k + 1) / ptype.ramp_up_years) if ptype.ramp_up_years else 1.0
        jobs_gva = net_operational * ramp * params["gva_per_fte"] * (1.0 - decay) ** k
        pv_b += (jobs_gva + ptype.annual_benefit * scale) * df
    return pv_c, pv_b


def appraise(
    ptype: ProjectType,
    scale: float,
    level: str,
    wider_level: str,
    groups: Mapping[str, int] | None,
    params: Mapping[str, float],
    construction: Mapping[str, Factors],
    national_construction: Factors,
    start_offset: int = 0,
) -> Appraisal:
    """`construction`: the construction profile's factors at the two levels (with the
    engine's variant); `national_construction`: the profile's national factors;
    `start_offset`: years from the base year present values are discounted to until the
    project is funded (0: funded now)."""
    local = appraise_level(ptype, scale, level, params, construction[level])
    wider = appraise_level(ptype, scale, wider_level, params, construction[wider_level])
    national = appraise_level(ptype, scale, "national", params, national_construction)
    pv_c, pv_b = present_values(ptype, scale, local.operational.net, params, start_offset)
    groups = groups or {}
    sup = sorted(
        ((g, int(groups.get(g, 0)), s) for g, s in ptype.group_effects.items() if s > 0),
        key=lambda x: (-x[2], x[0]),
    )
    det = sorted(
        ((g, int(groups.get(g, 0)), s) for g, s in ptype.group_effects.items() if s < 0),
        key=lambda x: (x[2], x[0]),
    )
    per_fte = params["construction_job_years_per_fte"]
    return Appraisal(
        type_id=ptype.id,
        name=ptype.name,
        scale=scale,
        capital_cost=ptype.capital_cost * scale,
        running_cost=ptype.running_cost * scale,
        build_years=ptype.build_years,
        construction_job_years=ptype.construction_job_years * scale,
        construction_fte=ptype.construction_job_years * scale / per_fte,
        operational_fte=ptype.gross_operational_fte * scale,
        gross_fte=local.total.gross,
        local=local,
        wider=wider,
        national_net=national.total.net,
        national_note=NATIONAL_NOTE,
        optimism_bias=params[f"optimism_bias_{ptype.optimism_bias}"],
        discount_rate=params["discount_rate"],
        pv_costs=pv_c,
        pv_benefits=pv_b,
        npsv=pv_b - pv_c,
        bcr=pv_b / pv_c if pv_c > 0 else float("inf"),
        people_affected=ptype.people_served * scale,
        supporters=sup,
        detractors=det,
    )
