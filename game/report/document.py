"""The pack as one document: the summary page, tables and charts, ready for the HTML, PDF,
XLSX and CSV writers. Built from one run (`build_pack`) or two (game.report.compare)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from game.report import fmt
from game.report.charts import Chart, all_charts
from game.report.economics import LOCAL_GVA_HELP
from game.report.headlines import LEVEL_NAMES, ScenarioRun, headlines
from game.report.how_sure import HowSure, how_sure
from game.report.tables import Table, all_tables

LEAVES_OUT = (
    "Benefits other than jobs are not valued in money unless the economic case says so: "
    "time saved on journeys, flood damage avoided, health, learning and wellbeing appear "
    "only as approval and indicator changes.",
    "“Local GVA impact (indicative)” is not a Green Book benefit-cost ratio: it values "
    "every project by the output of its net local jobs over ten years, including public "
    "service staff such as teachers.",
    "There is no housing or land market: prices, rents and land values do not respond, and "
    "new homes are filled at average occupancy.",
    "The baseline carries 2019-20 birth, death and migration rates forward; it is not "
    "constrained to the latest ONS estimates or projections.",
    "Jobs located in the area start from Census 2021 workplace counts, taken during "
    "lockdown (home workers counted at home); commuting keeps its 2021 pattern.",
    "The low–high range comes from three variants (additionality, migration response, "
    "fertility), not from a probability model; delivery risk and delays are not modelled.",
    "Approval is a design model of what each citizen group plausibly cares about, with "
    "sourced weights marked as assumptions; it is not polling.",
    "Costs are the catalogue's public capital and running costs in the prices of their "
    "sources (2021-25); no general inflation is applied.",
    "Effects outside the area played and its wider grouping (displacement elsewhere in "
    "England and Wales) are not counted; nationally the guide assumes net 0.",
)
CAVEAT = (
    "Projections, not forecasts: what follows if the stated assumptions hold. Ranges are the "
    "lowest and highest of the low, central and high variants."
)


def program_version() -> str:
    from game import __version__

    return __version__


@dataclass(frozen=True)
class SummaryRow:
    label: str
    cells: tuple[str, ...]  # central, range (one run) or A, B, A − B (comparison)
    note: str = ""
    caveat: str = ""  # shown prominently under the label (what a BCR covers)


@dataclass
class Pack:
    kind: str  # scenario | comparison | game
    title: str
    subtitle: str
    date: str
    version: str
    columns: tuple[str, ...]  # headers of the summary rows' cells
    summary: list[SummaryRow]
    proposed: list[str]  # lines: what is proposed (or what differs, for a comparison)
    gains: list[str]
    losses: list[str]
    benchmark_text: str
    tables: list[Table]
    charts: list[Chart]
    leaves_out: tuple[str, ...] = LEAVES_OUT
    notes: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)  # a finished game: funded when, outcome
    values: dict[str, Any] = field(default_factory=dict)  # headline numbers, for tests
    footer: str = ""  # the area, on every PDF page
    headline_title: str = "Headline figures"
    proposed_title: str = "What is proposed"
    how_sure: HowSure = field(default_factory=how_sure)  # the back-test, in plain words
    gains_title: str = "Who gains"
    losses_title: str = "Who loses"


def today() -> str:
    return dt.date.today().isoformat()


def proposed_lines(run: ScenarioRun) -> list[str]:
    lines = []
    description = run.scenario.description if run.scenario is not None else ""
    if description:
        lines.append(description)
    for p in run.central.state.projects:
        where = "" if p.opens <= run.central.year else " (not open by the end: not counted)"
        lines.append(
            f"{p.label}: {fmt.money(p.capital_cost)}, funded {p.started}, opens {p.opens}{where}"
        )
    if not run.central.state.projects:
        lines.append("No projects: the baseline only.")
    return lines


def movers(run: ScenarioRun, n: int = 3, threshold: float = 0.5) -> tuple[list[str], list[str]]:
    """Who gains and who loses: approval against the baseline, with the main reason."""

    def line(a: dict[str, Any]) -> str:
        diff = a["scenario"] - a["baseline"]
        why = a["top_reasons"][:1]
        reason = f" — mainly {why[0]['reason']} ({why[0]['points']:+.1f})" if why else ""
        return f"{a.get('name') or a['group']}: {diff:+.1f} points vs baseline{reason}"

    ranked = sorted(run.summary["approvals"], key=lambda a: a["scenario"] - a["baseline"])
    gains = [line(a) for a in reversed(ranked) if a["scenario"] - a["baseline"] >= threshold]
    losses = [line(a) for a in ranked if a["scenario"] - a["baseline"] <= -threshold]
    return gains[:n] or ["No group gains more than half a point."], losses[:n] or [
        "No group loses more than half a point."
    ]


def benchmark_text(cpj: float | None, bench: pd.DataFrame) -> str:
    if cpj is None or not math.isfinite(cpj):
        return "No net new jobs by the end, so there is no cost per net job to compare."
    parts = []
    for _, b in bench.iterrows():
        lo, hi = float(b["cost_per_net_job_low"]), float(b["cost_per_net_job_high"])
        where = "below" if cpj < lo else "above" if cpj > hi else "within"
        rng = fmt.money(lo) if lo == hi else f"{fmt.money(lo)}–{fmt.money(hi)}"
        parts.append(f"{where} {b['label']} ({rng}, {b['status']})")
    return f"{fmt.money(cpj)} per net new job (capital cost): " + "; ".join(parts) + "."


def load_benchmarks() -> pd.DataFrame:
    from game.resources import data_dir

    return pd.read_csv(data_dir() / "play" / "benchmarks.csv")


def summary_rows(run: ScenarioRun) -> list[SummaryRow]:
    hs = headlines(run)
    order = (
        "net_additional_jobs",
        "net_additional_jobs_wider",
        "gross_jobs",
        "cost_per_net_job",
        "population_vs_baseline",
        "population",
        "jobs_vs_baseline",
        "pv_costs",
        "local_gva_impact",
        "bcr",
    )
    rows = []
    for key in order:
        h = hs[key]
        central = fmt.value(h.central, h.unit) if h.central is not None else (h.note or "n/a")
        signed = key.endswith("vs_baseline")
        if signed and h.central is not None:
            central = fmt.signed(h.central, h.unit)
        rng = fmt.band(h.low, h.high, h.unit)
        if signed and h.low is not None and h.high is not None:
            rng = f"{fmt.signed(h.low, h.unit)} – {fmt.signed(h.high, h.unit)}"
        note = LOCAL_GVA_HELP if key == "local_gva_impact" else ""
        if key == "bcr" and h.central is not None:  # simulate's programme line
            note = f"Economic case: {h.note}"
        if key == "population":
            start = run.summary["headline"]["population"]["start"]
            base = hs["population_baseline"].central
            note = (
                f"{fmt.value(start, 'people')} at the start; "
                f"{fmt.value(base, 'people')} with no new projects"
            )
        rows.append(SummaryRow(h.label, (central, rng), note, h.caveat))
    return rows


def build_pack(run: ScenarioRun, kind: str = "scenario") -> Pack:
    s = run.summary
    y0, y1 = s["years"]
    bench = load_benchmarks()
    gains, losses = movers(run)
    area = f"{s['area']['name']} ({s['area']['code']})"
    return Pack(
        kind=kind,
        title=f"{run.name}",
        subtitle=f"{area}, {y0}–{y1}; played at {LEVEL_NAMES.get(s['level'])} level",
        date=today(),
        version=program_version(),
        columns=("central", "low – high"),
        summary=summary_rows(run),
        proposed=proposed_lines(run),
        gains=gains,
        losses=losses,
        benchmark_text=benchmark_text(s["totals"]["cost_per_net_job_local"], bench),
        tables=all_tables(run, bench),
        charts=all_charts([("Scenario", run)]),
        notes=[*s.get("notes", []), *(f"Warning: {w}" for w in s.get("warnings", []))],
        footer=area,
        headline_title=f"Headline figures at {y1}",
        story=list(run.game["outcome"]) if run.game else [],
        proposed_title="What the player funded, and when" if run.game else "What is proposed",
        values={k: h.central for k, h in headlines(run).items()},
    )
