"""A finished run and its headline figures, read from the same summary `simulate --json`
prints and from the engines' own jobs account and indicators (no second calculation)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.report.economics import (
    BCR_LABEL,
    LOCAL_GVA_LABEL,
    NOT_VALUED,
    EconomicCase,
    economic_case,
)

if TYPE_CHECKING:  # the report reads finished engines; it never builds or runs one
    from game.scenarios.models import Scenario
    from game.sim.engine import Engine
    from game.sim.records import YearRecord

LEVEL_NAMES = {
    "lad": "local authority",
    "sub_region": "LEP / combined authority",
    "region": "region",
    "national": "England and Wales",
}


@dataclass
class ScenarioRun:
    """Low / central / high engines run to the end, with `summary` exactly as
    `simulate --json` builds it (game.cli.simulate.build_summary)."""

    engines: Mapping[str, Engine]
    summary: dict[str, Any]
    scenario: Scenario | None  # None for a baseline-only run
    source: str  # the scenario file (or save) the run came from
    game: dict[str, Any] | None = None  # a finished game's own story (report --save)
    _cases: dict[str, EconomicCase] = field(default_factory=dict, repr=False)
    _history: dict[str, tuple[YearRecord, ...]] = field(default_factory=dict, repr=False)

    @property
    def central(self) -> Engine:
        return self.engines["central"]

    def history(self, variant: str = "central") -> tuple[YearRecord, ...]:
        """The variant's year records (EngineState.history, through the engine interface)."""
        if variant not in self._history:
            self._history[variant] = tuple(self.engines[variant].state.history)
        return self._history[variant]

    @property
    def name(self) -> str:
        return str(self.summary.get("scenario") or "Baseline only (no projects)")

    def economic_cases(self) -> dict[str, EconomicCase]:
        """Project id -> economic case, for every funded project (open or not)."""
        if not self._cases:
            eng = self.central
            for p in eng.state.projects:
                self._cases[p.id] = economic_case(eng, p.type_id, p.scale, p.started)
        return self._cases


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    unit: str  # people | FTE | GBP | ratio | share
    central: float | None
    low: float | None = None  # the smallest of the low / central / high values
    high: float | None = None
    note: str = ""
    caveat: str = ""  # printed prominently beside the figure (what a BCR covers)


def _band(values: Mapping[str, float | None]) -> tuple[float | None, float | None]:
    vals = [v for v in values.values() if v is not None]
    return (min(vals), max(vals)) if vals else (None, None)


def _from_summary(
    key: str, label: str, unit: str, h: Mapping[str, Any], note: str = ""
) -> Headline:
    lo, hi = _band(h["scenario_band"])
    return Headline(key, label, unit, h["scenario"], lo, hi, note)


def _jobs_headlines(run: ScenarioRun) -> list[Headline]:
    s = run.summary
    h = s["headline"]
    lv = LEVEL_NAMES.get(s["level"], s["level"])
    wl = LEVEL_NAMES.get(s["wider_level"], s["wider_level"])
    accounts = {v: e.jobs_account() for v, e in run.engines.items()}
    net_note = (
        "gross jobs less deadweight, leakage, displacement and substitution, plus the multiplier"
    )
    wider = {v: a.net_additional_wider for v, a in accounts.items()}
    cpj = {v: a.cost_per_net_job for v, a in accounts.items()}
    return [
        _from_summary(
            "net_additional_jobs", f"Net new jobs ({lv})", "FTE", h["net_additional_jobs"], net_note
        ),
        Headline(
            "net_additional_jobs_wider",
            f"Net new jobs ({wl})",
            "FTE",
            s["jobs_account"]["net_additional_wider"],
            *_band(wider),
        ),
        _from_summary("gross_jobs", "Jobs created (gross)", "FTE", h["gross_jobs"]),
        _from_summary(
            "jobs_vs_baseline",
            "Jobs located here vs no new projects",
            "jobs",
            h["jobs_vs_baseline"],
        ),
        Headline(
            "cost_per_net_job",
            f"Cost per net new job ({lv}, capital, undiscounted)",
            "GBP",
            s["totals"]["cost_per_net_job_local"],
            *_band(cpj),
        ),
    ]


def _population_headlines(run: ScenarioRun) -> list[Headline]:
    h = run.summary["headline"]
    ends = {v: run.history(v)[-1] for v in run.engines}
    impact = {
        v: r.indicators["population"] - r.baseline_indicators["population"] for v, r in ends.items()
    }
    return [
        Headline(
            "population_vs_baseline",
            "Population vs no new projects",
            "people",
            impact["central"],
            *_band(impact),
        ),
        _from_summary("population", "Population at the end", "people", h["population"]),
        Headline(
            "population_baseline",
            "Population at the end, no new projects",
            "people",
            h["population"]["baseline"],
        ),
        _from_summary("jobs", "Jobs located in the area at the end", "jobs", h["jobs"]),
        _from_summary(
            "unemployment_rate", "Unemployment rate at the end", "share", h["unemployment_rate"]
        ),
    ]


def bcr_caveat(ec: Mapping[str, Any] | None) -> str:
    """What the programme BCR covers, said beside it; when the valued projects carry under
    half the costs, also that it is not the programme's BCR."""
    from game.sim.economic_case import bcr_coverage, covers_under_half

    if not ec or ec["bcr_valued_projects"] is None:
        return ""
    cover = bcr_coverage(ec)
    if covers_under_half(ec):
        return f"Valued projects only, not the whole plan's BCR: {cover}."
    return f"{cover[0].upper()}{cover[1:]}."


def _appraisal_headlines(run: ScenarioRun) -> list[Headline]:
    """Present values summed over the funded projects' economic cases; the programme BCR
    and its line exactly as `simulate` prints them (over the valued projects only, saying
    how many are not valued)."""
    from game.sim.economic_case import programme_line

    cases = run.economic_cases().values()
    # the economic case's whole-life public cost: the one present value of costs printed
    pv_c = sum(c.pv_costs for c in cases)
    pv_gva = sum(c.pv_local_gva for c in cases)
    gva_c = sum(c.gva_pv_costs for c in cases)  # the indicative ratio's own denominator
    ec = run.summary.get("economic_case")
    bcr = ec["bcr_valued_projects"] if ec else None
    note = programme_line(ec) if ec and (bcr is not None or ec["not_valued_projects"]) else ""
    caveats = sorted({c.note for c in cases if c.note and c.bcr is not None})
    if bcr is not None and caveats:  # the source's own caveat travels with the ratio
        note += "; " + "; ".join(caveats)
    return [
        Headline(
            "capital_cost",
            "Capital cost of the projects counted",
            "GBP",
            run.summary["totals"]["capital_cost"],
        ),
        Headline(
            "pv_costs",
            "Present value of costs (all funded projects)",
            "GBP",
            pv_c if cases else None,
        ),
        Headline(
            "local_gva_impact", LOCAL_GVA_LABEL, "ratio", pv_gva / gva_c if gva_c > 0 else None
        ),
        Headline("bcr", BCR_LABEL, "ratio", bcr, note=note or NOT_VALUED, caveat=bcr_caveat(ec)),
    ]


def headlines(run: ScenarioRun) -> dict[str, Headline]:
    """The figures on the summary page, keyed for tests and comparisons."""
    out = [*_jobs_headlines(run), *_population_headlines(run), *_appraisal_headlines(run)]
    return {x.key: x for x in out}
