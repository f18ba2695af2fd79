"""The text summary `python main.py simulate` prints (the JSON summary is built in
game.cli.simulate.build_summary; this module only lays it out)."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Any


def _money(x: float) -> str:
    if not math.isfinite(x):
        return "n/a"
    return f"£{x / 1e6:,.1f}m" if abs(x) >= 1e6 else f"£{x:,.0f}"


LEAKAGE_BASIS = {
    "census": "Census 2021 travel to work (in-commuters' share of the area's jobs)",
    "profile": "the catalogue's additionality profile (ready reckoner)",
    "scenario": "the scenario's own additionality for this type",
}


def _cpj(x: float | None) -> str:
    return "n/a" if x is None else _money(x)


def _range(band: dict[str, float], fmt: str) -> str:
    """The low / central / high values as min - max (a variant's "low" is not always the
    smaller number: more jobs can mean a lower unemployment rate)."""
    lo, hi = min(band.values()), max(band.values())
    return f"{fmt.format(lo)} - {fmt.format(hi)}"


JOBS_CAVEAT = (
    "Jobs located in the area are Census 2021 workplace counts (census day fell in lockdown; "
    "home workers are counted at home), so city centres such as Westminster are undercounted."
)
UNEMPLOYMENT_CAVEAT = (
    "The baseline holds unemployment at the Census 2021 rate (taken during furlough)."
)


def _times(n: int) -> str:
    return f" (x{n})" if n > 1 else ""


def _case_lines(c: dict[str, Any]) -> list[str]:
    """Two lines of a project's Green Book economic case under its jobs lines."""
    valued = [b["benefit"] for b in c["benefits"] if b["present_value"] is not None]
    missing = [b["benefit"] for b in c["benefits"] if b["present_value"] is None]
    if c["bcr"] is None:
        head = f"economic case: not valued ({', '.join(missing)}: no evidence held)"
    else:
        head = f"economic case: BCR {c['bcr']:.2f} ({', '.join(valued)}"
        head += f"; not valued: {', '.join(missing)})" if missing else ")"
    head += (
        f"; {c['asset_class'].replace('_', ' ')} {c['appraisal_years']} years, "
        f"{c['price_base']}, optimism bias {c['optimism_bias']:.0%} ({c['stage']})"
    )
    staff = c["public_service_jobs_not_counted"]
    jobs = f"additional jobs {c['additional_jobs']:.1f}" + (
        f" (public-service staff {staff:.1f} not counted)" if staff > 0 else ""
    )
    return [
        f"     {head}",
        f"     {jobs}; cost per net job {_cpj(c['cost_per_net_job_capital_only'])}"
        f" (capital, undiscounted),"
        f" {_cpj(c['cost_per_net_job_whole_life_public_cost'])}"
        " (whole-life public cost, present value)",
    ]


LEVEL_NAME = {"lad": "LA", "sub_region": "LEP/CA", "region": "region", "national": "E&W"}


def format_summary(s: dict[str, Any]) -> str:
    lv = LEVEL_NAME[s["level"]]
    # the wider grouping by name (the combined authority where there is one)
    wider = s.get("wider_area") or {"name": LEVEL_NAME[s["wider_level"]], "label": ""}
    lines = _head_lines(s, wider) + _headline_lines(s, lv)
    if s["projects"] or s["jobs_account"]["not_yet_open"]:
        lines += _project_lines(s, lv, wider["name"])
    lines += _approval_lines(s)
    if s.get("files"):
        lines += ["", f"Wrote {len(s['files'])} CSV files to {Path(s['files'][0]).parent}:"]
        lines.append("  " + ", ".join(Path(f).name for f in s["files"]))
    return "\n".join(lines)


def _head_lines(s: dict[str, Any], wider: dict[str, str]) -> list[str]:
    y0, y1 = s["years"]
    return [
        f"Civic Futures simulation: {s['area']['name']} ({s['area']['code']}"
        + (f", {s['area']['members']} areas" if s["area"]["members"] > 1 else "")
        + f"), {y0}-{y1}, seed {s['seed']}",
        f"Scenario: {s['scenario'] or '(none: baseline only)'}",
        *([f"Wider level: {wider['label']}"] if wider["label"] else []),
        "Projections, not forecasts. Ranges are the lowest - highest of the low / central / high"
        " variants;",
        "a change 'vs no new projects' compares each variant with its own baseline.",
        *[f"Note: {n}" for n in s["notes"]],
        *[
            f"WARNING{_times(s.get('warning_counts', {}).get(w, 1))}: {w}"
            for w in s.get("warnings", [])
        ],
        "",
        f"{'':38s}{y0:>10d}{f'{y1} baseline':>15s}{f'{y1} scenario':>15s}   range",
    ]


def _headline_lines(s: dict[str, Any], lv: str) -> list[str]:
    from game.sim.jobs_account import JOBS_MEASURES_HELP, LABELS

    h, lines = s["headline"], []
    for key, label, fmt in (
        ("population", "Population", "{:,.0f}"),
        ("jobs", "Jobs located in the area (1)", "{:,.0f}"),
        ("unemployment_rate", "Unemployment rate (2)", "{:.1%}"),
    ):
        v = h[key]
        lines.append(
            f"{label:38s}{fmt.format(v['start']):>10s}{fmt.format(v['baseline']):>15s}"
            f"{fmt.format(v['scenario']):>15s}   {_range(v['scenario_band'], fmt)}"
        )
    impacts = (
        ("population", "Population vs no new projects", "{:+,.0f}"),
        ("unemployment_rate", "Unemployment vs no new projects", "{:+.2%}"),
    )
    for key, label, fmt in impacts if s["projects"] or s["jobs_account"]["not_yet_open"] else ():
        v = h[key]
        lines.append(
            f"{label:38s}{'':>10s}{'':>15s}{fmt.format(v['impact']):>15s}"
            f"   {_range(v['impact_band'], fmt)}"
        )
    for key, label, fmt in (
        ("jobs_vs_baseline", LABELS["jobs_vs_baseline"], "{:+,.0f}"),
        ("gross_jobs", LABELS["gross_total"], "{:,.0f}"),
        ("net_additional_jobs", f"{LABELS['net_additional_short']} ({lv})", "{:,.0f}"),
    ):
        v = h[key]
        lines.append(
            f"{label:38s}{'':>10s}{'':>15s}{fmt.format(v['scenario']):>15s}"
            f"   {_range(v['scenario_band'], fmt)}"
        )
    for note in (f"(1) {JOBS_CAVEAT}", f"(2) {UNEMPLOYMENT_CAVEAT}", JOBS_MEASURES_HELP):
        lines += textwrap.wrap(note, 96, initial_indent="  ", subsequent_indent="      ")
    return lines


def _one_project(p: dict[str, Any], wl: str) -> list[str]:
    loc, wid, leak = p["local"], p["wider"], p["leakage"]
    gva = p["local_gva_impact_indicative"]["ratio"]
    lines = [
        f"  {p['id']} {p['label']}: {_money(p['capital_cost'])}, opens {p['opens']}",
        f"     gross {loc['gross']:.1f} FTE = operational {loc['operational_fte']:.1f}"
        f" + construction {loc['construction_fte']:.1f}"
        f" ({p['construction_job_years']:.0f} job-years / 10)",
        f"     deadweight -{loc['deadweight']:.1f}  leakage -{loc['leakage']:.1f}  "
        f"displacement -{loc['displacement']:.1f}  substitution "
        f"-{loc['substitution']:.1f}  multiplier +{loc['multiplier_effect']:.1f}",
        f"     operational leakage {leak['rate']:.0%}: "
        f"{LEAKAGE_BASIS.get(leak['basis'], leak['basis'])}",
        f"     net new jobs {loc['net']:.1f} ({wl} {wid['net']:.1f}); "
        f"{_cpj(loc['cost_per_net_job'])} per net job "
        f"({wl} {_cpj(wid['cost_per_net_job'])}); local GVA impact (indicative) "
        + (f"{gva:.2f}" if gva is not None else "n/a"),
    ]
    if p.get("economic_case"):
        lines.extend(_case_lines(p["economic_case"]))
    return lines


def _programme_case_line(ec: dict[str, Any]) -> str:
    from game.sim.economic_case import programme_line

    return f"  Economic case: {programme_line(ec)}"


def _project_lines(s: dict[str, Any], lv: str, wl: str) -> list[str]:
    y1 = s["years"][1]
    lines = [
        "",
        f"Projects open by {y1}: jobs created (gross) -> net new jobs (FTE) at {lv} level"
        f" ({wl} in brackets)",
    ]
    for p in s["projects"]:
        lines += _one_project(p, wl)
    t = s["totals"]
    lines.append(
        f"  All projects open by {y1}: {_money(t['capital_cost'])}; gross {t['gross']:.1f}"
        f" -> net new jobs {t['net_local']:.1f} at {lv} ({t['net_wider']:.1f} at {wl}); "
        f"cost per net job {_cpj(t['cost_per_net_job_local'])}"
        f" ({_cpj(t['cost_per_net_job_wider'])})"
    )
    if s.get("economic_case"):
        lines.append(_programme_case_line(s["economic_case"]))
    for item in s["jobs_account"]["not_yet_open"]:
        lines.append(
            f"  Not counted: {item['label']} opens {item['opens']}, after {y1}"
            if item["opens"] > y1
            else f"  Not counted: {item['label']} (opens {item['opens']})"
        )
    lines.append("  Construction counts 10 job-years = 1 FTE. Nationally the MHCLG guide assumes")
    lines.append("  net 0 (full displacement) without supply-side evidence.")
    if s["budget_remaining"] is not None:
        lines.append(f"  Growth fund left: {_money(s['budget_remaining'])}")
    return lines


def _approval_lines(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"Approval in {s['years'][1]} (0-100), scenario vs baseline, with the main reasons:",
    ]
    shown = s["approvals"][:8]
    names = [a.get("name") or a["group"].replace("_", " ") for a in shown]
    # the name column is as wide as the longest name shown, so numbers always line up
    width = max([24, *(len(n) + 2 for n in names)])
    for a, name in zip(shown, names, strict=True):
        why = ", ".join(f"{r['reason']} {r['points']:+.1f}" for r in a["top_reasons"])
        lines.append(
            f"  {name:{width}s}{a['scenario']:5.1f} (baseline "
            f"{a['baseline']:4.1f}; range {_range(a['band'], '{:.0f}')})"
        )
        lines.append(f"      why: {why}")
    return lines
