"""Tidy tables from finished engine runs (baseline and scenario, low/central/high), and
atomic CSV writing. One row per observation; `run` is "baseline" or "scenario".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from game.atomic import atomic_write_text
from game.sim.engine import Engine
from game.sim.uncertainty import VARIANTS

SEXES = ("male", "female")
COMPONENTS = (
    "births",
    "deaths",
    "internal_in",
    "internal_out",
    "international_in",
    "international_out",
    "extra_migrants",
)


def _ordered(engines: Mapping[str, Engine]) -> list[tuple[str, Engine]]:
    return [(v, engines[v]) for v in VARIANTS if v in engines]


def population_table(engines: Mapping[str, Engine], variant: str = "central") -> pd.DataFrame:
    """Population by area, sex, single year of age and year (one variant, both runs)."""
    eng = engines[variant]
    n, ages = len(eng.codes), np.arange(91)
    frames = []
    for rec in eng.history:
        for run, P in (
            ("baseline", rec.trace.baseline_population),
            ("scenario", rec.trace.population),
        ):
            frames.append(
                pd.DataFrame(
                    {
                        "run": run,
                        "variant": variant,
                        "area_code": np.repeat(np.array(eng.codes), 2 * 91),
                        "year": rec.year,
                        "sex": np.tile(np.repeat(np.array(SEXES), 91), n),
                        "age": np.tile(ages, 2 * n),
                        "count": np.round(P.reshape(-1), 3),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def components_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Components of change by area and year (every variant, both runs)."""
    rows: list[dict[str, Any]] = []
    for variant, eng in _ordered(engines):
        prev = {"baseline": None, "scenario": None}
        for rec in eng.history:
            for run, P, comps in (
                ("baseline", rec.trace.baseline_population, rec.trace.baseline_components),
                ("scenario", rec.trace.population, rec.trace.components),
            ):
                totals = P.sum(axis=(1, 2))
                start = prev[run]
                prev[run] = totals
                if comps is None or start is None:
                    continue
                for i, code in enumerate(eng.codes):
                    row: dict[str, Any] = {
                        "run": run,
                        "variant": variant,
                        "area_code": code,
                        "year": rec.year,
                        "population_start": round(float(start[i]), 3),
                    }
                    for c in COMPONENTS:
                        row[c] = round(float(comps[c][i]), 3)
                    row["population_end"] = round(float(totals[i]), 3)
                    rows.append(row)
    return pd.DataFrame(rows)


def indicators_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    rows = []
    for variant, eng in _ordered(engines):
        specs = eng.params.indicator_specs
        for rec in eng.history:
            for run, values in (
                ("baseline", rec.baseline_indicators),
                ("scenario", rec.indicators),
            ):
                for name, value in values.items():
                    spec = specs.get(name)
                    rows.append(
                        {
                            "run": run,
                            "variant": variant,
                            "area_code": eng.profile.code,
                            "year": rec.year,
                            "indicator": name,
                            "value": value,
                            "unit": spec.unit if spec else "",
                        }
                    )
    return pd.DataFrame(rows)


def labour_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Workplace jobs and unemployment by member area and year."""
    rows = []
    for variant, eng in _ordered(engines):
        for rec in eng.history:
            t = rec.trace
            for run, jobs, u in (
                ("baseline", t.baseline_workplace_jobs, t.baseline_unemployment_rate),
                ("scenario", t.workplace_jobs, t.unemployment_rate),
            ):
                for i, code in enumerate(eng.codes):
                    rows.append(
                        {
                            "run": run,
                            "variant": variant,
                            "area_code": code,
                            "year": rec.year,
                            "workplace_jobs": round(float(jobs[i]), 3),
                            "unemployment_rate": round(float(u[i]), 6),
                        }
                    )
    return pd.DataFrame(rows)


def project_jobs_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Per project and in total: gross, each deduction, net, cost per net job, at the level
    played and the wider level; construction as FTE equivalents (10 job-years = 1 FTE)."""
    rows = []
    for variant, eng in _ordered(engines):
        for p in eng.state.projects:
            a = eng.appraise(p.type_id, p.scale, started=p.started)
            for lv in (a.local, a.wider):
                for part, b in (
                    ("construction", lv.construction),
                    ("operational", lv.operational),
                    ("total", lv.total),
                ):
                    rows.append(
                        {
                            "variant": variant,
                            "project_id": p.id,
                            "type_id": p.type_id,
                            "label": p.label,
                            "started": p.started,
                            "opens": p.opens,
                            # Engine.jobs_account counts a project once it is open.
                            "counted": p.opens <= eng.year,
                            "level": lv.level,
                            "part": part,
                            "gross": b.gross,
                            "deadweight": b.deadweight,
                            "leakage": b.leakage,
                            "displacement": b.displacement,
                            "substitution": b.substitution,
                            "multiplier_effect": b.multiplier_effect,
                            "net_additional": b.net,
                            "workplace_net": b.workplace_net,
                            "capital_cost": p.capital_cost,
                            "cost_per_net_job": lv.cost_per_net_job if part == "total" else None,
                            "pv_costs": a.pv_costs if part == "total" else None,
                            "pv_benefits": a.pv_benefits if part == "total" else None,
                            "bcr": a.bcr if part == "total" else None,
                        }
                    )
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    sums = (
        df[df["counted"]]
        .groupby(["variant", "level", "part"], sort=False)[
            [
                "gross",
                "deadweight",
                "leakage",
                "displacement",
                "substitution",
                "multiplier_effect",
                "net_additional",
                "workplace_net",
                "capital_cost",
                "pv_costs",
                "pv_benefits",
            ]
        ]
        .sum(min_count=1)
        .reset_index()
    )
    sums["project_id"] = "ALL"
    sums["type_id"] = ""
    sums["label"] = "All projects open by the end"
    sums["counted"] = True
    total = sums["part"] == "total"
    sums.loc[total, "cost_per_net_job"] = sums.loc[total, "capital_cost"] / sums.loc[
        total, "net_additional"
    ].where(sums.loc[total, "net_additional"] > 0)
    sums.loc[total, "bcr"] = sums.loc[total, "pv_benefits"] / sums.loc[total, "pv_costs"]
    return pd.concat([df, sums[df.columns.intersection(sums.columns)]], ignore_index=True)


def yearly_jobs_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Net additional jobs by project and year at the level played (construction in-year)."""
    rows = []
    for variant, eng in _ordered(engines):
        for rec in eng.history:
            for pid, jobs in rec.project_jobs.items():
                rows.append({"variant": variant, "year": rec.year, "project_id": pid, **jobs})
    return pd.DataFrame(
        rows, columns=["variant", "year", "project_id", "construction", "operational"]
    )


def approvals_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    rows = []
    for variant, eng in _ordered(engines):
        prev: dict[str, dict[str, float]] = {}
        for rec in eng.history:
            for run, values, expl in (
                ("baseline", rec.baseline_approvals, rec.baseline_explanations),
                ("scenario", rec.approvals, rec.explanations),
            ):
                last = prev.get(run, values)
                for g, v in values.items():
                    why = "; ".join(f"{c.label} {c.delta:+.2f}" for c in expl[g][:5])
                    rows.append(
                        {
                            "run": run,
                            "variant": variant,
                            "year": rec.year,
                            "group": g,
                            "approval": round(v, 4),
                            "change": round(v - last[g], 4),
                            "explanation": why,
                        }
                    )
                prev[run] = values
    return pd.DataFrame(rows)


def explanations_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Every reason for every approval change (sums to the change per group and year)."""
    rows = []
    for variant, eng in _ordered(engines):
        for rec in eng.history[1:]:
            for run, expl in (
                ("baseline", rec.baseline_explanations),
                ("scenario", rec.explanations),
            ):
                for g, items in expl.items():
                    for c in items:
                        rows.append(
                            {
                                "run": run,
                                "variant": variant,
                                "year": rec.year,
                                "group": g,
                                "source": c.source,
                                "indicator": c.indicator or "",
                                "label": c.label,
                                "delta": round(c.delta, 6),
                            }
                        )
    return pd.DataFrame(
        rows, columns=["run", "variant", "year", "group", "source", "indicator", "label", "delta"]
    )


def write_csv_atomic(df: pd.DataFrame, path: Path) -> None:
    atomic_write_text(path, df.to_csv(index=False, float_format="%.10g", lineterminator="\n"))


def write_all(engines: Mapping[str, Engine], out_dir: Path) -> list[Path]:
    """Write every table to out_dir; returns the paths written."""
    tables = {
        "population.csv": population_table(engines),
        "components.csv": components_table(engines),
        "indicators.csv": indicators_table(engines),
        "labour.csv": labour_table(engines),
        "project_jobs.csv": project_jobs_table(engines),
        "project_jobs_by_year.csv": yearly_jobs_table(engines),
        "approvals.csv": approvals_table(engines),
        "approval_explanations.csv": explanations_table(engines),
    }
    written = []
    for name, df in tables.items():
        path = out_dir / name
        write_csv_atomic(df, path)
        written.append(path)
    return written
