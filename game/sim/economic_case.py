"""The Green Book economic case of funded projects, kept apart from local GVA.

The "local GVA impact (indicative)" in game.sim.appraisal counts the GVA of net local jobs
for ten years for every asset. That is a local economic impact, not a national welfare
case: a school would score on its own teachers. Here each project type is valued only by
the benefit the appraisal guidance uses for it (time savings for transport, avoided
flood damage, land value uplift, earnings returns to skills, ...), each counted once, over
its asset class's appraisal period, in one price base, discounted to the run's first year,
with capital raised by optimism bias for the plan's stage. Where we hold no evidence the
benefit is "not valued" and no ratio is shown -- never a number made to fit.

Data: data/projects/economic_case.csv (benefits by type), economic_case_params.csv
(periods, price base, optimism-bias lower bounds, value of time, cost-per-job band) and
data/params/gdp_deflator.csv; every row carries a source and a status.

Public-service staff (teachers, surgery staff) are moved to their own line and kept out
of the additional-jobs headline: their posts are paid for by the public service and would
be filled elsewhere. Cost per net job is given on capital only and on the whole-life
public cost (present value of capital with optimism bias and running costs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from game.errors import DataError
from game.provenance import named_values, sourced_rows
from game.resources import data_dir
from game.scenarios.models import EconomicCaseSettings, ProjectType
from game.sim.appraisal import Appraisal, discount_factor

if TYPE_CHECKING:  # the engine calls this module; it is only read here
    from game.sim.engine import Engine

CASE_CSV = data_dir() / "projects" / "economic_case.csv"
CASE_PARAMS = data_dir() / "projects" / "economic_case_params.csv"
DEFLATOR_CSV = data_dir() / "params" / "gdp_deflator.csv"
KINDS = ("annual", "present_value", "per_pound", "not_valued")
# Staff of these services are public-service posts, not additional jobs.
PUBLIC_SERVICE_CATEGORIES = ("education", "health")
# The cost-per-job band comes from business support and sites programmes (RGF, Enterprise
# Zones), so it is checked only for business projects.
BAND_CATEGORIES = ("business",)


@dataclass(frozen=True)
class BenefitRow:
    benefit: str
    kind: str
    value: float | None
    price_year: int | None
    source: str
    status: str


@dataclass(frozen=True)
class CaseData:
    params: dict[str, float]
    deflator: dict[int, float]
    asset_class: dict[str, str]
    benefits: dict[str, tuple[BenefitRow, ...]]


@lru_cache(maxsize=2)
def load_case_data() -> CaseData:
    deflator: dict[int, float] = {}
    for i, row in sourced_rows(DEFLATOR_CSV):
        try:
            deflator[int(row["year"])] = float(row["value"])
        except (KeyError, ValueError):
            raise DataError(str(DEFLATOR_CSV), "bad year or value", row=i) from None
    asset: dict[str, str] = {}
    benefits: dict[str, list[BenefitRow]] = {}
    for i, row in sourced_rows(CASE_CSV):
        tid, kind = row["type_id"].strip(), row["kind"].strip()
        if kind not in KINDS:
            raise DataError(str(CASE_CSV), f"kind must be one of {', '.join(KINDS)}", row=i)
        if asset.setdefault(tid, row["asset_class"].strip()) != row["asset_class"].strip():
            raise DataError(str(CASE_CSV), f"two asset classes for '{tid}'", row=i)
        try:
            value = None if kind == "not_valued" else float(row["value"])
            year = int(row["price_year"]) if row["price_year"].strip() else None
        except ValueError:
            raise DataError(str(CASE_CSV), "bad value or price_year", row=i) from None
        benefits.setdefault(tid, []).append(
            BenefitRow(row["benefit"].strip(), kind, value, year, row["source"], row["status"])
        )
    params = named_values(CASE_PARAMS)
    for cls in set(asset.values()):
        if f"appraisal_years_{cls}" not in params:
            raise DataError(str(CASE_PARAMS), f"no appraisal_years_{cls} for asset class {cls}")
    return CaseData(params, deflator, asset, {k: tuple(v) for k, v in benefits.items()})


@dataclass(frozen=True)
class ValuedBenefit:
    benefit: str
    kind: str
    present_value: float | None  # None = not valued
    source: str
    status: str


@dataclass(frozen=True)
class ProjectCase:
    project_id: str
    type_id: str
    label: str
    category: str
    asset_class: str
    appraisal_years: int
    price_base_year: int
    stage: str
    optimism_bias: float
    capital_cost: float  # as funded, no optimism bias
    pv_capital: float  # with optimism bias
    pv_running: float
    pv_costs: float  # whole-life public cost (present value)
    pv_benefits: float | None  # None when nothing is valued
    bcr: float | None
    benefits: tuple[ValuedBenefit, ...]
    additional_jobs: float  # net, at the level played, public-service staff left out
    public_service_jobs: float  # net operational staff of schools, surgeries...
    cost_per_net_job_capital: float | None
    cost_per_net_job_whole_life: float | None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def not_valued(self) -> tuple[str, ...]:
        return tuple(b.benefit for b in self.benefits if b.present_value is None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "asset_class": self.asset_class,
            "appraisal_years": self.appraisal_years,
            "price_base": f"{self.price_base_year} prices",
            "stage": self.stage,
            "optimism_bias": self.optimism_bias,
            "pv_costs_whole_life": self.pv_costs,
            "pv_capital_with_optimism_bias": self.pv_capital,
            "pv_running": self.pv_running,
            "pv_benefits": self.pv_benefits,
            "bcr": self.bcr,
            "valued": self.bcr is not None,
            "benefits": [
                {
                    "benefit": b.benefit,
                    "kind": b.kind,
                    "present_value": b.present_value,
                    "source": b.source,
                    "status": b.status,
                }
                for b in self.benefits
            ],
            "additional_jobs": self.additional_jobs,
            "public_service_jobs_not_counted": self.public_service_jobs,
            "cost_per_net_job_capital_only": self.cost_per_net_job_capital,
            "cost_per_net_job_whole_life_public_cost": self.cost_per_net_job_whole_life,
            "notes": list(self.notes),
        }


def optimism_bias(
    ptype: ProjectType, settings: EconomicCaseSettings, appraisal: Mapping[str, float]
) -> float:
    """The scenario's own figure, else the Green Book bound for the stage: upper bound
    early (appraisal_params.csv), lower bound at a full business case, halfway at
    outline."""
    if settings.optimism_bias is not None:
        return settings.optimism_bias
    upper = appraisal[f"optimism_bias_{ptype.optimism_bias}"]
    lower = load_case_data().params[f"optimism_bias_lower_{ptype.optimism_bias}"]
    return {"early": upper, "outline": (upper + lower) / 2.0, "full": lower}[settings.stage]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den > 1e-9 else None


def project_case(
    ptype: ProjectType,
    appraisal: Appraisal,
    params: Mapping[str, float],
    *,
    started: int,
    base_year: int,
    settings: EconomicCaseSettings | None = None,
    project_id: str = "",
    label: str | None = None,
) -> ProjectCase:
    """The economic case of one project funded in `started`, discounted to `base_year`.
    `params`: the appraisal parameters (Parameters.appraisal: discount rates, optimism
    bias upper bounds)."""
    settings = settings or EconomicCaseSettings()
    data, disc = load_case_data(), params
    base = int(data.params["price_base_year"])
    notes = []
    rows: tuple[BenefitRow, ...]
    asset: str
    if ptype.economic_case is not None:  # a scenario's type with its own case
        asset = ptype.economic_case.asset_class
        rows = tuple(
            BenefitRow(b.benefit, b.kind, b.value, b.price_year, b.source, b.status)
            for b in ptype.economic_case.benefits
        )
    elif ptype.id not in data.asset_class:
        # A scenario's own type: nothing valued until it has rows in economic_case.csv.
        missing = BenefitRow(
            "all benefits", "not_valued", None, None, "not in economic_case.csv", "assumption"
        )
        asset, rows = "buildings", (missing,)
        notes.append(f"{ptype.id} has no rows in economic_case.csv: appraised as buildings")
    else:
        asset, rows = data.asset_class[ptype.id], data.benefits[ptype.id]
    years = int(data.params[f"appraisal_years_{asset}"])
    scale, b = appraisal.scale, ptype.build_years
    ob = optimism_bias(ptype, settings, params)
    t0 = started - base_year
    capital = ptype.capital_cost * scale
    spread = [capital / max(b, 1) * discount_factor(t0 + j, disc) for j in range(max(b, 1))]
    pv_capital_raw = sum(spread)
    t_open = t0 + b
    annuity = sum(discount_factor(t_open + k, disc) for k in range(1, years + 1))
    pv_running = ptype.running_cost * scale * annuity
    valued: list[ValuedBenefit] = []
    for row in rows:
        pv: float | None = None
        if row.kind != "not_valued" and row.value is not None:
            factor, note = _price_factor(row.price_year, base, data.deflator)
            if note:
                notes.append(f"{row.benefit}: {note}")
            if row.kind == "annual":
                pv = row.value * scale * factor * annuity
            elif row.kind == "present_value":
                pv = row.value * scale * factor * discount_factor(t_open, disc)
            else:  # per_pound: a return per GBP 1 of the public money spent
                pv = row.value * pv_capital_raw
        valued.append(ValuedBenefit(row.benefit, row.kind, pv, row.source, row.status))
    pv_costs = pv_capital_raw * (1.0 + ob) + pv_running
    known = [v.present_value for v in valued if v.present_value is not None]
    pv_benefits = sum(known) if known else None
    public = ptype.category in PUBLIC_SERVICE_CATEGORIES
    staff = appraisal.local.operational.net if public else 0.0
    jobs = appraisal.local.total.net - staff
    return ProjectCase(
        project_id=project_id,
        type_id=ptype.id,
        label=label or ptype.describe(scale),
        category=ptype.category,
        asset_class=asset,
        appraisal_years=years,
        price_base_year=base,
        stage=settings.stage if settings.optimism_bias is None else "scenario's own",
        optimism_bias=ob,
        capital_cost=capital,
        pv_capital=pv_capital_raw * (1.0 + ob),
        pv_running=pv_running,
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        bcr=None if pv_benefits is None else _ratio(pv_benefits, pv_costs),
        benefits=tuple(valued),
        additional_jobs=jobs,
        public_service_jobs=staff,
        cost_per_net_job_capital=_ratio(capital, jobs),
        cost_per_net_job_whole_life=_ratio(pv_costs, jobs),
        notes=tuple(notes),
    )


def _price_factor(year: int | None, base: int, deflator: dict[int, float]) -> tuple[float, str]:
    """Multiplier from `year` prices to base-year prices (GDP deflator)."""
    if year is None or year == base:
        return 1.0, ""
    if year not in deflator or base not in deflator:
        return 1.0, f"quoted in {year} prices, not rebased (no deflator held for {year})"
    return deflator[base] / deflator[year], ""


def run_case(engine: Engine) -> list[ProjectCase]:
    """The economic case of every project funded in a finished (or running) engine: the
    one call the report pack and `simulate` make."""
    settings = engine.scenario.economic_case if engine.scenario is not None else None
    out = []
    for p in engine.state.projects:
        out.append(
            project_case(
                engine.catalogue.types[p.type_id],
                engine.appraise(p.type_id, p.scale),
                engine.params.appraisal,
                started=p.started,
                base_year=engine.start_year,
                settings=settings,
                project_id=p.id,
                label=p.label,
            )
        )
    return out


def cost_band_warnings(cases: list[ProjectCase]) -> list[str]:
    """A warning for each business project whose cost per net job (capital) leaves the
    sanity band in economic_case_params.csv -- usually a wrong input, not a result."""
    p = load_case_data().params
    lo, hi = p["cost_per_job_band_low"], p["cost_per_job_band_high"]
    out = []
    for c in cases:
        cpj = c.cost_per_net_job_capital
        if c.category not in BAND_CATEGORIES or cpj is None or lo <= cpj <= hi:
            continue
        side = "below" if cpj < lo else "above"
        out.append(
            f"{c.label}: cost per net job £{cpj:,.0f} is {side} the usual £{lo:,.0f}-"
            f"£{hi:,.0f} for business projects; check its cost and jobs"
        )
    return out


def programme_totals(cases: list[ProjectCase]) -> dict[str, Any]:
    """Totals over the valued projects only, and the projects left unvalued (a programme
    BCR over a mix would hide which parts carry it)."""
    valued = [c for c in cases if c.bcr is not None]
    pvb = sum(c.pv_benefits or 0.0 for c in valued)
    pvc = sum(c.pv_costs for c in valued)
    return {
        "valued_projects": [c.project_id for c in valued],
        "not_valued_projects": [c.project_id for c in cases if c.bcr is None],
        "pv_benefits_valued": pvb,
        "pv_costs_valued": pvc,
        "bcr_valued_projects": _ratio(pvb, pvc),
        "pv_costs_all": sum(c.pv_costs for c in cases),
        "share_of_costs_valued": _ratio(pvc, sum(c.pv_costs for c in cases)),
        "additional_jobs": sum(c.additional_jobs for c in cases),
        "public_service_jobs_not_counted": sum(c.public_service_jobs for c in cases),
    }


def _share(x: float) -> str:
    return "under 1%" if 0 < x < 0.005 else f"{x:.0%}"


def bcr_coverage(totals: Mapping[str, Any]) -> str:
    """What a programme BCR covers, to print beside it: a ratio from one small project's
    published return must not pass for the whole plan's ("" when nothing is valued)."""
    n_valued = len(totals["valued_projects"])
    n = n_valued + len(totals["not_valued_projects"])
    if totals["bcr_valued_projects"] is None or n_valued == 0:
        return ""
    if n_valued == n:
        return f"covers all {n} projects" if n > 1 else "covers the one project"
    share = totals["pv_costs_valued"] / totals["pv_costs_all"] if totals["pv_costs_all"] else 0
    return f"covers {n_valued} of {n} projects, {_share(share)} of costs; the rest are not valued"


def covers_under_half(totals: Mapping[str, Any]) -> bool:
    """True when the valued projects carry under half the present value of costs: their
    BCR is then not the programme's and is never shown without saying so."""
    share = totals.get("share_of_costs_valued")
    return totals["bcr_valued_projects"] is not None and (share is None or share < 0.5)


def programme_line(totals: Mapping[str, Any]) -> str:
    """The programme's economic case in one line (from `programme_totals`), as `simulate`
    prints it and the report pack repeats it: the BCR over the valued projects only, with
    how many projects and what share of the costs it covers."""
    staff, bcr = totals["public_service_jobs_not_counted"], totals["bcr_valued_projects"]
    return (
        f"additional jobs {totals['additional_jobs']:.1f}"
        + (f" (public-service staff {staff:.1f} not counted)" if staff > 0 else "")
        + (
            f"; BCR {bcr:.2f} — {bcr_coverage(totals)}"
            if bcr is not None
            else "; no project valued"
        )
    )
