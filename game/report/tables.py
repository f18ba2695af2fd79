"""The pack's tables as pandas DataFrames: one per sheet / CSV, units in the column names,
numbers as numbers. Every value is read from the run's summary (the `simulate --json`
summary), the engines' history and the economic case; nothing is recomputed here."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from game.report.economics import BCR_LABEL, LOCAL_GVA_LABEL, NOT_VALUED, NOT_VALUED_HELP
from game.report.headlines import LEVEL_NAMES, ScenarioRun, headlines
from game.report.provenance import assumptions_table, census_sources_table

VARIANTS = ("low", "central", "high")
BAND_WIDTH = 5  # years per pyramid band in the tables


@dataclass(frozen=True)
class Table:
    name: str  # sheet and CSV file name
    title: str
    frame: pd.DataFrame
    note: str = ""


def headline_table(run: ScenarioRun) -> pd.DataFrame:
    rows = []
    for h in headlines(run).values():
        rows.append(
            {
                "measure": h.label,
                "unit": h.unit,
                "central": h.central,
                "low": h.low,
                "high": h.high,
                "note": h.note,
            }
        )
    return pd.DataFrame(rows, columns=["measure", "unit", "central", "low", "high", "note"])


def plan_table(run: ScenarioRun) -> pd.DataFrame:
    """What was funded and when (every funded project, open or still being built)."""
    cols = [
        "project",
        "type",
        "scale",
        "funded (year)",
        "opens (year)",
        "status",
        "capital cost (GBP)",
        "running cost (GBP a year)",
        "where",
    ]
    rows = [
        [
            p.label,
            p.type_id,
            p.scale,
            p.started,
            p.opens,
            p.status,
            p.capital_cost,
            p.running_cost,
            _where(run, p.area_code),
        ]
        for p in run.central.state.projects
    ]
    return pd.DataFrame(rows, columns=cols)


def _where(run: ScenarioRun, code: str) -> str:
    """The member council a project sits in: a grouping's board must see where each goes."""
    area = run.central.world.areas.get(code)
    return area.name if area is not None else "spread across the members by population"


JOBS_COLUMNS = [
    "project",
    "level",
    "gross (FTE)",
    "deadweight (FTE)",
    "leakage (FTE)",
    "displacement (FTE)",
    "substitution (FTE)",
    "multiplier (FTE)",
    "net (FTE)",
    "construction (job-years)",
    "construction (FTE)",
    "operational gross (FTE)",
    "cost per net job (GBP, capital, undiscounted)",
]


def _jobs_row(label: str, level: str, b: dict, extra: list) -> list:
    return [
        label,
        LEVEL_NAMES.get(level, level),
        b["gross"],
        b["deadweight"],
        b["leakage"],
        b["displacement"],
        b["substitution"],
        b["multiplier_effect"],
        b["net"],
        *extra,
    ]


def jobs_table(run: ScenarioRun) -> pd.DataFrame:
    """Gross -> net per project at the level played and the wider level, then totals."""
    s = run.summary
    rows = []
    for p in s["projects"]:
        loc, wid = p["local"], p["wider"]
        jy = p["construction_job_years"]
        rows.append(
            _jobs_row(
                p["label"],
                loc["level"],
                loc,
                [jy, loc["construction_fte"], loc["operational_fte"], loc["cost_per_net_job"]],
            )
        )
        rows.append(
            _jobs_row(
                p["label"],
                wid["level"],
                wid,
                [jy, loc["construction_fte"], loc["operational_fte"], wid["cost_per_net_job"]],
            )
        )
    acc = s["jobs_account"]
    t = s["totals"]
    if s["projects"]:
        total = {
            "gross": t["gross"],
            "deadweight": t["deadweight"],
            "leakage": t["leakage"],
            "displacement": t["displacement"],
            "substitution": t["substitution"],
            "multiplier_effect": t["multiplier_effect"],
            "net": t["net_local"],
        }
        jy = sum(p["construction_job_years"] for p in s["projects"])
        rows.append(
            _jobs_row(
                "All projects open by the end",
                s["level"],
                total,
                [
                    jy,
                    acc["construction_fte"],
                    acc["gross_operational_fte"],
                    t["cost_per_net_job_local"],
                ],
            )
        )
        # the wider level's deductions summed over the projects (the account keeps only
        # the wider net, which equals the sum of the projects' wider nets)
        keys = (
            "gross",
            "deadweight",
            "leakage",
            "displacement",
            "substitution",
            "multiplier_effect",
        )
        wider = {k: sum(p["wider"][k] for p in s["projects"]) for k in keys}
        wider["net"] = t["net_wider"]
        rows.append(
            _jobs_row(
                "All projects open by the end",
                s["wider_level"],
                wider,
                [
                    jy,
                    acc["construction_fte"],
                    acc["gross_operational_fte"],
                    t["cost_per_net_job_wider"],
                ],
            )
        )
    return pd.DataFrame(rows, columns=JOBS_COLUMNS)


def appraisal_table(run: ScenarioRun) -> pd.DataFrame:
    cases = run.economic_cases()
    rows = []
    for p in run.central.state.projects:
        c = cases[p.id]
        rows.append(
            [
                p.label,
                p.capital_cost,
                c.pv_costs,
                c.cost_per_net_job_whole_life,
                c.pv_local_gva,
                c.local_gva_impact,
                c.bcr if c.bcr is not None else NOT_VALUED,
                c.method,
                c.note,
            ]
        )
    cols = [
        "project",
        "capital cost (GBP)",
        "PV of costs (GBP)",
        "cost per net job (GBP, whole-life public cost, present value)",
        "PV of local GVA (GBP)",
        f"{LOCAL_GVA_LABEL} (ratio)",
        f"{BCR_LABEL} (ratio)",
        "method",
        "note",
    ]
    return pd.DataFrame(rows, columns=cols)


def benchmarks_table(run: ScenarioRun, benchmarks: pd.DataFrame) -> pd.DataFrame:
    t = run.summary["totals"]
    ours = pd.DataFrame(
        [
            {
                "benchmark": f"This plan ({LEVEL_NAMES.get(run.summary['level'])})",
                "low (GBP per net job)": t["cost_per_net_job_local"],
                "high (GBP per net job)": t["cost_per_net_job_local"],
                "price base": "2021-25 prices (catalogue)",
                "status": "model output",
                "source": "Civic Futures projection (Engine.jobs_account)",
            }
        ]
    )
    theirs = pd.DataFrame(
        {
            "benchmark": benchmarks["label"],
            "low (GBP per net job)": benchmarks["cost_per_net_job_low"].astype(float),
            "high (GBP per net job)": benchmarks["cost_per_net_job_high"].astype(float),
            "price base": benchmarks["price_base"],
            "status": benchmarks["status"],
            "source": benchmarks["source"],
        }
    )
    return pd.concat([ours, theirs], ignore_index=True)


def series_table(run: ScenarioRun, indicator: str) -> pd.DataFrame:
    """Year by year: baseline and the scenario's low / central / high (the chart's data)."""
    years = [r.year for r in run.history()]
    data = {
        "year": years,
        "baseline": [r.baseline_indicators[indicator] for r in run.history()],
    }
    for v in ("low", "high"):  # the baseline's own range, which the chart hatches
        data[f"baseline {v}"] = [r.baseline_indicators[indicator] for r in run.history(v)]
    for v in VARIANTS:
        data[f"scenario {v}"] = [r.indicators[indicator] for r in run.history(v)]
    unit = "people" if indicator == "population" else "jobs"
    return pd.DataFrame(data).rename(columns=lambda c: c if c == "year" else f"{c} ({unit})")


def impact_table(run: ScenarioRun) -> pd.DataFrame:
    """Year by year, the plan's own effect: residents above the baseline and net new jobs
    (the jobs account's net additional, which is zero with no new projects), central with
    the lowest and highest of the three variants (each against its own baseline)."""
    years = [r.year for r in run.history()]
    extra = {
        v: [
            r.indicators["population"] - r.baseline_indicators["population"] for r in run.history(v)
        ]
        for v in VARIANTS
    }
    jobs = {v: [r.indicators["net_additional_jobs"] for r in run.history(v)] for v in VARIANTS}
    data: dict[str, list[float] | list[int]] = {"year": years}
    for name, unit, by in (("extra residents", "people", extra), ("net new jobs", "FTE", jobs)):
        data[f"{name} low ({unit})"] = [min(t) for t in zip(*by.values(), strict=True)]
        data[f"{name} central ({unit})"] = by["central"]
        data[f"{name} high ({unit})"] = [max(t) for t in zip(*by.values(), strict=True)]
    return pd.DataFrame(data)


def pyramid_arrays(run: ScenarioRun) -> dict[str, tuple[int, np.ndarray]]:
    """(year, (2, 91) array) for the start, the end (scenario) and the end (baseline)."""
    h = run.history()
    return {
        "start": (h[0].year, h[0].trace.population.sum(axis=0)),
        "end": (h[-1].year, h[-1].trace.population.sum(axis=0)),
        "end_baseline": (h[-1].year, h[-1].trace.baseline_population.sum(axis=0)),
    }


def pyramid_table(run: ScenarioRun) -> pd.DataFrame:
    arrs = pyramid_arrays(run)
    y0, y1 = arrs["start"][0], arrs["end"][0]
    rows = []
    for lo in range(0, 91, BAND_WIDTH):
        hi = min(lo + BAND_WIDTH, 91)
        row: dict[str, str | float] = {"age band": "90+" if lo == 90 else f"{lo}-{hi - 1}"}
        for key, label in (
            ("start", f"{y0}"),
            ("end", f"{y1} scenario"),
            ("end_baseline", f"{y1} baseline"),
        ):
            a = arrs[key][1]
            row[f"male {label} (people)"] = float(a[0, lo:hi].sum())
            row[f"female {label} (people)"] = float(a[1, lo:hi].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def approval_table(run: ScenarioRun) -> pd.DataFrame:
    rows = []
    for a in run.summary["approvals"]:
        why = "; ".join(f"{r['reason']} {r['points']:+.1f}" for r in a["top_reasons"])
        lo, hi = min(a["band"].values()), max(a["band"].values())
        rows.append(
            [
                a.get("name") or a["group"],
                a["group"],
                a["baseline"],
                a["scenario"],
                a["scenario"] - a["baseline"],
                lo,
                hi,
                why,
            ]
        )
    cols = [
        "group",
        "group id",
        "baseline (0-100)",
        "scenario (0-100)",
        "difference (points)",
        "low (0-100)",
        "high (0-100)",
        "main reasons (points)",
    ]
    return pd.DataFrame(rows, columns=cols)


def events_table(run: ScenarioRun) -> pd.DataFrame:
    return pd.DataFrame(run.summary["events"], columns=["year", "kind", "text"])


def all_tables(run: ScenarioRun, benchmarks: pd.DataFrame) -> list[Table]:
    s = run.summary
    lv, wl = LEVEL_NAMES.get(s["level"]), LEVEL_NAMES.get(s["wider_level"])
    return [
        Table(
            "headlines", "Headline figures (central, with the low–high range)", headline_table(run)
        ),
        Table("plan", "What is proposed: projects funded and when", plan_table(run)),
        Table(
            "jobs_gross_to_net",
            f"Gross to net jobs by project ({lv} and {wl})",
            jobs_table(run),
            "Projects count once open. Construction counts 10 job-years = 1 FTE. "
            "Nationally the MHCLG appraisal guide assumes net 0 (full displacement) "
            "without supply-side evidence.",
        ),
        Table(
            "appraisal",
            "Present value of costs and the economic case",
            appraisal_table(run),
            "PV of costs: the economic case's whole-life public cost, discounted at the "
            "Green Book 3.5% with optimism bias on capital for the plan's stage (as "
            "economic_case.csv). "
            f"{LOCAL_GVA_LABEL} is not a benefit-cost ratio. "
            + (
                NOT_VALUED_HELP if any(c.bcr is None for c in run.economic_cases().values()) else ""
            ),
        ),
        Table(
            "benchmarks",
            "Cost per net job against published benchmarks",
            benchmarks_table(run, benchmarks),
        ),
        Table("population", "Population against the baseline", series_table(run, "population")),
        Table("jobs", "Jobs located in the area against the baseline", series_table(run, "jobs")),
        Table(
            "impact",
            "What difference the plan makes: extra residents and net new jobs by year",
            impact_table(run),
            "Scenario minus the baseline with no new projects, each variant against its own "
            "baseline; low and high are the lowest and highest of the three variants.",
        ),
        Table("pyramid", "Population by age and sex, start and end", pyramid_table(run)),
        Table("approval", "Approval by citizen group, with the main reasons", approval_table(run)),
        Table("events", "What happened, year by year", events_table(run)),
        Table(
            "assumptions",
            "Assumptions and provenance: every parameter and cost used",
            assumptions_table(run.central),
        ),
        Table("census_sources", "Census tables behind the area's profile", census_sources_table()),
    ]
