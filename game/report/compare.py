"""Two futures side by side: every headline as A, B and A − B, the decisions that differ
listed first, and both runs drawn on the same axes."""

from __future__ import annotations

from typing import Any

import pandas as pd

from game.report import fmt
from game.report.charts import all_charts
from game.report.document import (
    Pack,
    benchmark_text,
    load_benchmarks,
    program_version,
    today,
)
from game.report.headlines import LEVEL_NAMES, ScenarioRun, headlines
from game.report.provenance import assumptions_table, census_sources_table
from game.report.tables import Table, appraisal_table, jobs_table, series_table

ORDER = (
    "net_additional_jobs",
    "net_additional_jobs_wider",
    "gross_jobs",
    "cost_per_net_job",
    "population_vs_baseline",
    "jobs_vs_baseline",
    "population",
    "jobs",
    "unemployment_rate",
    "capital_cost",
    "pv_costs",
    "local_gva_impact",
    "bcr",
)


def _decisions(run: ScenarioRun) -> dict[tuple[str, str], list[tuple[int, float]]]:
    out: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for p in run.central.state.projects:
        out.setdefault((p.type_id, p.label), []).append((p.started, round(p.scale, 6)))
    return out


def _when(items: list[tuple[int, float]]) -> str:
    return ", ".join(f"{y}" + ("" if s == 1 else f" (scale {s:g})") for y, s in items) or "-"


def decisions_table(a: ScenarioRun, b: ScenarioRun) -> pd.DataFrame:
    """Each funded project with its year (and scale) in A and in B; differences first."""
    da, db = _decisions(a), _decisions(b)
    rows = []
    for key in list(dict.fromkeys([*da, *db])):
        ia, ib = sorted(da.get(key, [])), sorted(db.get(key, []))
        if ia and not ib:
            how = "only in A"
        elif ib and not ia:
            how = "only in B"
        elif [s for _, s in ia] != [s for _, s in ib]:
            how = "different size"
        elif ia != ib:
            how = "different timing"
        else:
            how = "same in both"
        rows.append([how, key[1], key[0], _when(ia), _when(ib)])
    order = {
        "only in A": 0,
        "only in B": 1,
        "different size": 2,
        "different timing": 3,
        "same in both": 4,
    }
    rows.sort(key=lambda r: order[r[0]])
    return pd.DataFrame(
        rows, columns=["difference", "project", "type", "funded in A (year)", "funded in B (year)"]
    )


def comparison_values(a: ScenarioRun, b: ScenarioRun) -> dict[str, tuple[Any, Any, Any]]:
    """Headline key -> (A, B, A − B); None where either side is undefined."""
    ha, hb = headlines(a), headlines(b)
    out = {}
    for k in ORDER:
        va, vb = ha[k].central, hb[k].central
        out[k] = (va, vb, None if va is None or vb is None else va - vb)
    return out


def _headline_frame(a: ScenarioRun, b: ScenarioRun) -> pd.DataFrame:
    ha = headlines(a)
    rows = [[ha[k].label, ha[k].unit, *v] for k, v in comparison_values(a, b).items()]
    return pd.DataFrame(rows, columns=["measure", "unit", "A", "B", "A - B"])


def _approval_frame(a: ScenarioRun, b: ScenarioRun) -> pd.DataFrame:
    bb = {x["group"]: x for x in b.summary["approvals"]}
    rows = []
    for x in a.summary["approvals"]:
        y = bb.get(x["group"])
        if y is None:
            continue
        rows.append(
            [
                x.get("name") or x["group"],
                x["baseline"],
                x["scenario"],
                y["scenario"],
                x["scenario"] - y["scenario"],
            ]
        )
    rows.sort(key=lambda r: -abs(r[4]))
    return pd.DataFrame(
        rows, columns=["group", "baseline (0-100)", "A (0-100)", "B (0-100)", "A - B (points)"]
    )


def _series_frame(a: ScenarioRun, b: ScenarioRun, indicator: str) -> pd.DataFrame:
    fa, fb = series_table(a, indicator), series_table(b, indicator)
    fa.columns = [c if c == "year" or c.startswith("baseline") else f"A {c}" for c in fa.columns]
    fb = fb.drop(columns=[c for c in fb.columns if c.startswith("baseline")])
    fb.columns = [c if c == "year" else f"B {c}" for c in fb.columns]
    return fa.merge(fb, on="year")


def _movers(a: ScenarioRun, b: ScenarioRun, n: int = 4) -> tuple[list[str], list[str]]:
    frame = _approval_frame(a, b)
    better_a = [
        f"{r[0]}: A {r[2]:.0f} vs B {r[3]:.0f} ({r[4]:+.1f} points)"
        for r in frame.itertuples(index=False)
        if r[4] >= 0.5
    ]
    better_b = [
        f"{r[0]}: B {r[3]:.0f} vs A {r[2]:.0f} ({-r[4]:+.1f} points)"
        for r in frame.itertuples(index=False)
        if r[4] <= -0.5
    ]
    return better_a[:n] or ["No group is half a point better off under A."], better_b[:n] or [
        "No group is half a point better off under B."
    ]


PARTIAL_BCR = "Valued projects only, not the whole plan's BCR."


def _bcr_caveat(a: ScenarioRun, b: ScenarioRun) -> str:
    """Each side's BCR says what it covers (two one-project ratios are not two plans')."""
    from game.sim.economic_case import bcr_coverage, covers_under_half

    cases = [(side, r.summary.get("economic_case")) for side, r in (("A", a), ("B", b))]
    parts = [f"{side}: {bcr_coverage(ec)}." for side, ec in cases if ec and bcr_coverage(ec)]
    if any(ec and covers_under_half(ec) for _, ec in cases):
        parts.insert(0, PARTIAL_BCR)
    return " ".join(parts)


def summary_cells(a: ScenarioRun, b: ScenarioRun) -> list[Any]:
    """The summary page's rows (A, B, A − B), also printed by `simulate --compare`."""
    from game.report.document import SummaryRow

    ha, hb = headlines(a), headlines(b)
    rows = []
    for k, (va, vb, d) in comparison_values(a, b).items():
        unit = ha[k].unit
        na = fmt.value(va, unit) if va is not None else ha[k].note or "n/a"
        nb = fmt.value(vb, unit) if vb is not None else hb[k].note or "n/a"
        caveat = _bcr_caveat(a, b) if k == "bcr" else ""
        diff = fmt.signed(d, unit) if d is not None else ""
        if caveat.startswith(PARTIAL_BCR):  # two partial ratios: their gap means nothing
            diff = "not comparable"
        cells = (na, nb, diff)
        rows.append(SummaryRow(ha[k].label, cells, caveat=caveat))
    return rows


def build_comparison(a: ScenarioRun, b: ScenarioRun) -> Pack:
    s = a.summary
    y0, y1 = s["years"]
    bench = load_benchmarks()
    decisions = decisions_table(a, b)
    differing = [
        f"{r[0][0].upper()}{r[0][1:]}: {r[1]} (A {r[3]}; B {r[4]})"
        for r in decisions.itertuples(index=False)
        if r[0] != "same in both"
    ]
    same = [
        f"In both: {r[1]} ({r[3]})"
        for r in decisions.itertuples(index=False)
        if r[0] == "same in both"
    ]
    gains, losses = _movers(a, b)
    tables = [
        Table("comparison", "Headline figures: A, B and the difference", _headline_frame(a, b)),
        Table("decisions", "Decisions: the differences first", decisions),
        Table(
            "population",
            "Population: A and B against the baseline",
            _series_frame(a, b, "population"),
        ),
        Table(
            "jobs",
            "Jobs located in the area: A and B against the baseline",
            _series_frame(a, b, "jobs"),
        ),
        Table("approval", "Approval by group: A and B", _approval_frame(a, b)),
        Table("A_jobs_gross_to_net", f"A: gross to net jobs ({a.name})", jobs_table(a)),
        Table("B_jobs_gross_to_net", f"B: gross to net jobs ({b.name})", jobs_table(b)),
        Table("A_appraisal", f"A: present value of costs ({a.name})", appraisal_table(a)),
        Table("B_appraisal", f"B: present value of costs ({b.name})", appraisal_table(b)),
        Table(
            "assumptions",
            "Assumptions and provenance (both runs)",
            pd.concat([assumptions_table(a.central), assumptions_table(b.central)]).drop_duplicates(
                ignore_index=True
            ),
        ),
        Table("census_sources", "Census tables behind the area's profile", census_sources_table()),
    ]
    cpj = (
        benchmark_text(a.summary["totals"]["cost_per_net_job_local"], bench),
        benchmark_text(b.summary["totals"]["cost_per_net_job_local"], bench),
    )
    return Pack(
        kind="comparison",
        title=f"A: {a.name}  vs  B: {b.name}",
        subtitle=f"{s['area']['name']} ({s['area']['code']}), {y0}–{y1}; played at "
        f"{LEVEL_NAMES.get(s['level'])} level",
        date=today(),
        version=program_version(),
        columns=("A", "B", "A − B"),
        summary=summary_cells(a, b),
        proposed=[*differing, *same] or ["The two scenarios fund the same projects."],
        gains=gains,
        losses=losses,
        benchmark_text=f"A: {cpj[0]}\nB: {cpj[1]}",
        tables=tables,
        charts=all_charts([("A", a), ("B", b)]),
        notes=[f"A = {a.name} ({a.source}); B = {b.name} ({b.source})."],
        values={k: v for k, v in comparison_values(a, b).items()},
        proposed_title="What differs (differences first)",
        headline_title=f"Headline figures at {y1}: A, B and the difference",
        footer=f"{s['area']['name']} ({s['area']['code']}): A vs B",
        gains_title="Better under A",
        losses_title="Better under B",
    )
