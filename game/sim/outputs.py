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


def age_band_labels(width: int) -> np.ndarray:
    """Label of each single year 0..90 in bands of `width` years: 0-4 ... 85-89, 90+."""
    return np.array(
        [
            "90+" if a >= 90 else f"{a // width * width}-{min(a // width * width + width - 1, 89)}"
            for a in range(91)
        ]
    )


def banded(table: pd.DataFrame, width: int) -> pd.DataFrame:
    """A single-year population table summed into `width`-year age bands (same totals)."""
    labels = age_band_labels(width)
    out = table.assign(age=labels[table["age"].to_numpy()])
    keys = ["run", "variant", "area_code", "year", "sex", "age"]
    summed = out.groupby(keys, sort=False, as_index=False)["count"].sum()
    return pd.DataFrame(summed).assign(count=lambda d: d["count"].round(3))


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


def _labour_states(eng: Engine, rec: Any) -> tuple[Any, Any]:
    """(scenario, baseline) labour markets for one year, rebuilt from the recorded
    populations and jobs: the baseline from its population alone, the scenario with the
    extra jobs by section it had (recorded jobs by section less the baseline's)."""
    from game.sim.labour import labour_market

    t = rec.trace
    base = labour_market(t.baseline_population, eng.labour_base)
    extra = t.jobs_by_section - base.jobs_by_section
    if not np.any(np.abs(extra) > 1e-9):
        extra = None
    lab = labour_market(
        t.population, eng.labour_base, extra, baseline_population=t.baseline_population
    )
    return lab, base


def labour_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """The labour market by member area and year: workplace jobs, labour force, employed
    residents, unemployment, employment rate (employed residents / residents aged 16+, as
    the Census 2021 anchor), in- and out-commuters and workplace jobs by SIC section."""
    from game.scenarios.models import SIC_SECTIONS

    rows = []
    for variant, eng in _ordered(engines):
        for rec in eng.history:
            t = rec.trace
            lab, lab_b = _labour_states(eng, rec)
            for run, st, P, jobs, u in (
                (
                    "baseline",
                    lab_b,
                    t.baseline_population,
                    t.baseline_workplace_jobs,
                    t.baseline_unemployment_rate,
                ),
                ("scenario", lab, t.population, t.workplace_jobs, t.unemployment_rate),
            ):
                adults = P[:, :, 16:].sum(axis=(1, 2))
                for i, code in enumerate(eng.codes):
                    row = {
                        "run": run,
                        "variant": variant,
                        "area_code": code,
                        "year": rec.year,
                        "workplace_jobs": round(float(jobs[i]), 3),
                        "unemployment_rate": round(float(u[i]), 6),
                        "labour_force": round(float(st.labour_force[i]), 3),
                        "employed_residents": round(float(st.employed_residents[i]), 3),
                        "unemployed": round(float(st.unemployed[i]), 3),
                        "employment_rate": round(
                            float(st.employed_residents[i] / adults[i]) if adults[i] else 0.0, 6
                        ),
                        "in_commuters": round(float(st.in_commuters[i]), 3),
                        "out_commuters": round(float(st.out_commuters[i]), 3),
                    }
                    for k, sec in enumerate(SIC_SECTIONS):
                        row[f"jobs_{sec}"] = round(float(st.jobs_by_section[i, k]), 3)
                    rows.append(row)
    return pd.DataFrame(rows)


# Gross to net, step by step, and the capital cost: summed over projects in the totals.
_JOB_STEPS = [
    "gross",
    "deadweight",
    "leakage",
    "displacement",
    "substitution",
    "multiplier_effect",
    "net_additional",
    "workplace_net",
    "capital_cost",
]
PROJECT_JOBS_COLUMNS = [
    "variant",
    "project_id",
    "type_id",
    "label",
    "started",
    "opens",
    "counted",
    "level",
    "part",
    *_JOB_STEPS,
    "cost_per_net_job",
    # Local GVA of net local jobs over 10 years (+ the type's other benefits): a local
    # impact, indicative only -- the Green Book case is in economic_case.csv.
    "gva_pv_costs",
    "gva_pv_benefits",
    "local_gva_impact_indicative",
]
SUMMED = [*_JOB_STEPS, "gva_pv_costs", "gva_pv_benefits"]


def project_jobs_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """Per project: gross, each deduction, net, cost per net job, at the level played and
    the wider level; construction as FTE equivalents (10 job-years = 1 FTE). Always has
    its header, even with no projects."""
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
                    total = part == "total"
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
                            "cost_per_net_job": lv.cost_per_net_job if total else None,
                            "gva_pv_costs": a.pv_costs if total else None,
                            "gva_pv_benefits": a.pv_benefits if total else None,
                            "local_gva_impact_indicative": a.bcr if total else None,
                        }
                    )
    return pd.DataFrame(rows, columns=PROJECT_JOBS_COLUMNS)


def project_totals_table(jobs: pd.DataFrame) -> pd.DataFrame:
    """Totals of the projects open by the end, by variant, level and part (its own file,
    so project_jobs.csv holds one kind of row)."""
    columns = [
        "variant",
        "level",
        "part",
        *SUMMED,
        "cost_per_net_job",
        "local_gva_impact_indicative",
    ]
    counted = jobs[jobs["counted"].astype(bool)] if not jobs.empty else jobs
    if counted.empty:
        return pd.DataFrame(columns=columns)
    sums = (
        counted.groupby(["variant", "level", "part"], sort=False)[SUMMED]
        .sum(min_count=1)
        .reset_index()
    )
    total = sums["part"] == "total"
    net = sums.loc[total, "net_additional"]
    sums.loc[total, "cost_per_net_job"] = sums.loc[total, "capital_cost"] / net.where(net > 0)
    sums.loc[total, "local_gva_impact_indicative"] = (
        sums.loc[total, "gva_pv_benefits"] / sums.loc[total, "gva_pv_costs"]
    )
    return sums.reindex(columns=columns)


ECONOMIC_CASE_COLUMNS = [
    "variant",
    "project_id",
    "type_id",
    "label",
    "category",
    "asset_class",
    "appraisal_years",
    "price_base_year",
    "stage",
    "optimism_bias",
    "capital_cost",
    "pv_capital_with_optimism_bias",
    "pv_running",
    "pv_costs_whole_life",
    "pv_benefits",
    "bcr",
    "benefits_valued",
    "benefits_not_valued",
    "additional_jobs",
    "public_service_jobs_not_counted",
    "cost_per_net_job_capital_only",
    "cost_per_net_job_whole_life_public_cost",
]


def economic_case_table(engines: Mapping[str, Engine]) -> pd.DataFrame:
    """The Green Book economic case per project (game.sim.economic_case); bcr is empty
    where no benefit is valued."""
    from game.sim.economic_case import run_case

    rows = []
    for variant, eng in _ordered(engines):
        for c in run_case(eng):
            rows.append(
                {
                    "variant": variant,
                    "project_id": c.project_id,
                    "type_id": c.type_id,
                    "label": c.label,
                    "category": c.category,
                    "asset_class": c.asset_class,
                    "appraisal_years": c.appraisal_years,
                    "price_base_year": c.price_base_year,
                    "stage": c.stage,
                    "optimism_bias": c.optimism_bias,
                    "capital_cost": c.capital_cost,
                    "pv_capital_with_optimism_bias": c.pv_capital,
                    "pv_running": c.pv_running,
                    "pv_costs_whole_life": c.pv_costs,
                    "pv_benefits": c.pv_benefits,
                    "bcr": c.bcr,
                    "benefits_valued": "; ".join(
                        b.benefit for b in c.benefits if b.present_value is not None
                    ),
                    "benefits_not_valued": "; ".join(c.not_valued),
                    "additional_jobs": c.additional_jobs,
                    "public_service_jobs_not_counted": c.public_service_jobs,
                    "cost_per_net_job_capital_only": c.cost_per_net_job_capital,
                    "cost_per_net_job_whole_life_public_cost": c.cost_per_net_job_whole_life,
                }
            )
    return pd.DataFrame(rows, columns=ECONOMIC_CASE_COLUMNS)


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


def write_all(engines: Mapping[str, Engine], out_dir: Path, age_band: int = 1) -> list[Path]:
    """Write every table to out_dir; returns the paths written. `age_band` 5 writes
    population.csv in 5-year bands (0-4 ... 85-89, 90+) instead of single years."""
    jobs = project_jobs_table(engines)
    population = population_table(engines)
    tables = {
        "population.csv": population if age_band == 1 else banded(population, age_band),
        "components.csv": components_table(engines),
        "indicators.csv": indicators_table(engines),
        "labour.csv": labour_table(engines),
        "project_jobs.csv": jobs,
        "project_jobs_totals.csv": project_totals_table(jobs),
        "economic_case.csv": economic_case_table(engines),
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
