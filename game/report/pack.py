"""Report pack data: the census report as pandas tables and CSV files (no pygame).

Works on any CensusReport-shaped pydantic model (game.play.CensusReport): game.report is
an independent sibling of game.play, so it reads the report through model_dump().
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from game.atomic import atomic_write_text

TABLES = (
    "summary",
    "pyramid",
    "jobs_by_industry",
    "projects",
    "benchmarks",
    "approvals",
    "approval_reasons",
    "approval_history",
    "series",
    "headlines",
    "jobs",
    "verdict",
)

# The one jobs vocabulary (lead's decision, Engine.jobs_account): English labels for the
# jobs table; the same texts are the i18n keys jobs.gross / jobs.net / jobs.vs_baseline.
JOBS_ROWS = (
    ("gross_operational_fte", "Operational jobs at open projects (gross FTE)"),
    ("construction_fte", "Construction work (FTE equivalents, 10 job-years = 1)"),
    ("gross_total", "Jobs created (gross)"),
    ("deadweight", "less: would have happened anyway (deadweight)"),
    ("leakage", "less: taken by people living outside (leakage)"),
    ("displacement", "less: moved from other local firms (displacement)"),
    ("substitution", "less: substitution"),
    ("multiplier_gain", "plus: knock-on jobs from spending (multiplier)"),
    ("net_additional", "Net new jobs"),
    ("net_additional_wider", "Net new jobs, wider area"),
    ("jobs_vs_baseline", "Jobs located here vs no new projects"),
    ("cost_to_date", "Capital cost of the open projects"),
    ("cost_per_net_job", "Cost per net new job"),
)


PROJECT_COLUMNS = [
    "card_id",
    "type_id",
    "title",
    "label",
    "scale",
    "funded_year",
    "opens_year",
    "cost",
    "running_cost",
    "gross_jobs",
    "net_jobs",
    "net_jobs_planned",
    "status",
    "counted",
]


def _data(report: Any) -> dict[str, Any]:
    return report.model_dump(mode="json") if hasattr(report, "model_dump") else dict(report)


def summary_table(r: dict[str, Any]) -> pd.DataFrame:
    rows = [
        ("area_code", r["area_code"]),
        ("area_name", r["area_name"]),
        ("report", r["kind"]),
        ("year", r["year"]),
        ("population_2021", r["population_2021"]),
        ("population_now", r["population_now"]),
        ("population_baseline", r["population_baseline"]),
        ("jobs_2021", r["jobs_2021"]),
        ("jobs_now", r["jobs_now"]),
        ("jobs_baseline", r["jobs_baseline"]),
        ("unemployment_rate", r["unemployment_rate"]),
        ("gross_jobs", r["gross_jobs"]),
        ("net_additional_jobs", r["net_additional_jobs"]),
        ("jobs_vs_baseline", r.get("jobs_vs_baseline")),
        ("money_spent", r["money_spent"]),
        ("cost_per_net_job", r["cost_per_net_job"]),
        ("approval_overall", r["approval_overall"]),
        ("score", r["score"]),
        ("ending", r["ending"]),
    ]
    rows += [(f"score_{k}", v) for k, v in sorted(r["score_parts"].items())]
    return pd.DataFrame(rows, columns=["measure", "value"])


def pyramid_table(r: dict[str, Any]) -> pd.DataFrame:
    frames = []
    for series, key in (
        ("2021", "pyramid_2021"),
        ("scenario", "pyramid_now"),
        ("baseline", "pyramid_baseline"),
    ):
        p = r[key]
        for sex in ("male", "female"):
            frames.append(
                pd.DataFrame(
                    {
                        "series": series,
                        "year": p["year"],
                        "sex": sex,
                        "age": range(len(p[sex])),
                        "people": p[sex],
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def _benchmarks(r: dict[str, Any]) -> pd.DataFrame:
    """The cost-per-job benchmarks, this game's own figure first when it has one."""
    bench = pd.DataFrame(
        r["benchmarks"], columns=["id", "label", "low", "high", "status", "source"]
    )
    bench.insert(0, "kind", "benchmark")
    if r["cost_per_net_job"] is not None:
        ours = {
            "kind": "this game",
            "id": "this_game",
            "label": r["area_name"],
            "low": r["cost_per_net_job"],
            "high": r["cost_per_net_job"],
            "status": "model output",
            "source": "Civic Futures projection",
        }
        bench = pd.concat([pd.DataFrame([ours]), bench], ignore_index=True)
    return bench


def _approval_tables(r: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Approval by group, the top reasons behind each, and approval year by year."""
    approvals = pd.DataFrame(
        [
            {k: a[k] for k in ("group_id", "name", "size", "approval", "change")}
            for a in r["approvals"]
        ],
        columns=["group_id", "name", "size", "approval", "change"],
    )
    reasons = pd.DataFrame(
        [
            {"group_id": a["group_id"], **{k: line[k] for k in ("source", "indicator", "delta")}}
            for a in r["approvals"]
            for line in a["top_reasons"]
        ],
        columns=["group_id", "source", "indicator", "delta"],
    )
    history = pd.DataFrame(r.get("approval_history", []), columns=["year", "group_id", "approval"])
    return approvals, reasons, history


def _jobs_table(r: dict[str, Any]) -> pd.DataFrame:
    """The jobs account's rows, then each project not yet open (named, not counted)."""
    account = r.get("jobs") or {}
    jobs = pd.DataFrame(
        [{"measure": k, "label": label, "value": account.get(k)} for k, label in JOBS_ROWS]
        if account
        else [],
        columns=["measure", "label", "value"],
    )
    if account:
        later = pd.DataFrame(
            [
                {
                    "measure": "not_yet_open",
                    "label": f"{lbl} (opens {year}): not counted",
                    "value": None,
                }
                for lbl, year in account.get("not_yet_open", [])
            ],
            columns=["measure", "label", "value"],
        )
        if len(later):
            jobs = pd.concat([jobs, later], ignore_index=True)
    return jobs


def tables(report: Any) -> dict[str, pd.DataFrame]:
    """Every table of the report pack, keyed by the names in TABLES."""
    r = _data(report)
    industry = pd.DataFrame(r["jobs_by_industry"], columns=["section", "jobs_2021", "jobs_now"])
    industry["change"] = industry["jobs_now"] - industry["jobs_2021"]
    projects = pd.DataFrame(r["projects"], columns=PROJECT_COLUMNS)
    approvals, reasons, history = _approval_tables(r)
    series = pd.DataFrame(
        [
            {"indicator": name, **point}
            for name, points in r.get("series", {}).items()
            for point in points
        ],
        columns=["indicator", "year", "scenario", "baseline", "low", "high"],
    )
    headlines = pd.DataFrame(
        [{"key": h["key"], "text": h["text"]} for h in r["headlines"]], columns=["key", "text"]
    )
    verdict = pd.DataFrame(
        [{"key": v["key"], "text": v["text"]} for v in r.get("verdict_lines", [])]
        + [
            {"key": "biggest_winners", "text": ";".join(r.get("biggest_winners", []))},
            {"key": "biggest_losers", "text": ";".join(r.get("biggest_losers", []))},
        ],
        columns=["key", "text"],
    )
    return {
        "summary": summary_table(r),
        "pyramid": pyramid_table(r),
        "jobs_by_industry": industry,
        "projects": projects,
        "benchmarks": _benchmarks(r),
        "approvals": approvals,
        "approval_reasons": reasons,
        "approval_history": history,
        "series": series,
        "headlines": headlines,
        "jobs": _jobs_table(r),
        "verdict": verdict,
    }


def export_csv(report: Any, out_dir: Path | str, prefix: str = "") -> list[Path]:
    """Write every table as `<prefix><name>.csv` (atomically) and return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables(report).items():
        target = out / f"{prefix}{name}.csv"
        atomic_write_text(target, frame.to_csv(index=False, lineterminator="\n"))
        written.append(target)
    return written
