"""`python main.py simulate`: project an area for N years with and without a scenario's
projects (low / central / high), print a readable summary and write tidy CSVs."""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from pathlib import Path
from typing import Any, Literal

from game.errors import AmbiguousAreaError, CivicError, DataError, ScenarioError

MIN_BASE_YEAR, MAX_BASE_YEAR = 2011, 2040
USAGE_EXAMPLE = (
    "python main.py simulate --area Hartlepool "
    "--scenario data/scenarios/hartlepool_business_park_skills.json --years 10 --out out/"
)


BASELINE_NOTES = {
    "national": (
        "baseline: the national control - births, deaths and England's and Wales's "
        "populations meet ONS's mid-2022 to mid-2024 estimates, then the 2022-based national "
        "projection's fertility, mortality and migration (--baseline unconstrained for the "
        "engine's own 2019-20 trend)"
    ),
    "unconstrained": (
        "baseline: unconstrained - the engine's own 2019-20 rates, not ONS's latest national "
        "figures (England and Wales come out about 2% below ONS at mid-2024)"
    ),
}


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Run the engine headless for an area (LAD code or name, LEP / combined authority / "
        "region, or 'all') against its baseline, in low / central / high variants. "
        f"Example: {USAGE_EXAMPLE}"
    )
    p.add_argument("--area", metavar="CODE_OR_NAME", help="area to play (default: the scenario's)")
    p.add_argument("--scenario", metavar="FILE", type=Path, help="scenario JSON (data/scenarios)")
    p.add_argument("--years", type=int, default=None, help="years to project (default 10)")
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        help=(
            "recorded in the summary only: the engine is deterministic arithmetic (the same "
            "inputs always give the same numbers); in the game the seed drives which cards "
            "and news appear (default 1)"
        ),
    )
    p.add_argument(
        "--base-population",
        metavar="FILE",
        type=Path,
        help="CSV area_code,sex,age,count to start from instead of mid-2021",
    )
    p.add_argument(
        "--base-year",
        type=int,
        default=None,
        help=(
            f"year of the --base-population file ({MIN_BASE_YEAR}..{MAX_BASE_YEAR}; needs "
            "--base-population; default 2021)"
        ),
    )
    p.add_argument(
        "--baseline",
        choices=("national", "unconstrained"),
        default="national",
        help=(
            "national (default): the councils' baseline constrained to ONS's national figures "
            "(mid-2022..mid-2024, then the 2022-based national projection's assumptions); "
            "unconstrained: the engine's own 2019-20 trend (docs/methods-population.md)"
        ),
    )
    p.add_argument(
        "--budget",
        metavar="GBP|none",
        type=_budget_arg,
        default=None,
        help=(
            "growth fund in GBP (default: the scenario's, else GBP 400 per resident); 'none' "
            "= no growth fund (an analyst's run: nothing is turned away for money)"
        ),
    )
    p.add_argument(
        "--allow-dropped",
        action="store_true",
        help=(
            "run even when planned projects cannot be funded or fall after the last funding "
            "year (they are listed as notes); without it such a run is refused (status 2)"
        ),
    )
    p.add_argument("--out", metavar="DIR", type=Path, help="write tidy CSVs to DIR")
    p.add_argument(
        "--age-bands",
        type=int,
        choices=(1, 5),
        default=1,
        help="population.csv by single year of age (1, default) or in 5-year bands (5)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        type=Path,
        help="two scenario files for the same area: every headline as A, B and A - B",
    )
    p.set_defaults(func=run)


NO_FUND: Literal["none"] = (
    "none"  # as game.sim.plan_check.NO_FUND (not imported: --help stays light)
)


def _budget_arg(text: str) -> float | Literal["none"]:
    if text.strip().lower() == NO_FUND:
        return NO_FUND
    try:
        value = float(text.replace(",", "").replace("£", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--budget takes GBP or 'none', got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"--budget must be 0 or more, got {text!r}")
    return value


def _money(x: float) -> str:
    if not math.isfinite(x):
        return "n/a"
    return f"£{x / 1e6:,.1f}m" if abs(x) >= 1e6 else f"£{x:,.0f}"


def _area_mismatch(world: Any, given: str, planned: str) -> tuple[str, str] | None:
    """(area played, scenario's area) names when they are different places, else None."""

    def name_and_members(q: str) -> tuple[str, frozenset[str]]:
        if q.strip().lower() in ("all", "england and wales"):
            return "England and Wales", frozenset(world.codes)
        try:
            return world.resolve(q).name, frozenset(world.members(q))
        except CivicError:
            return q, frozenset()

    a, b = name_and_members(given), name_and_members(planned)
    return None if a[1] == b[1] and a[1] else (a[0], b[0])


LEAKAGE_BASIS = {
    "census": "Census 2021 travel to work (in-commuters' share of the area's jobs)",
    "profile": "the catalogue's additionality profile (ready reckoner)",
    "scenario": "the scenario's own additionality for this type",
}


def _cpj(x: float | None) -> str:
    return "n/a" if x is None else _money(x)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "compare", None):
        from game.cli.report import simulate_compare

        return simulate_compare(args)
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.scenarios import load_scenario
    from game.sim.national_control import format_check, national_check
    from game.sim.outputs import write_all

    scenario = load_scenario(args.scenario) if args.scenario else None
    area = args.area or (scenario.area if scenario else None)
    if not area:
        raise ScenarioError("give --area CODE_OR_NAME (or a scenario file that names an area)")
    years = args.years if args.years is not None else (scenario.years if scenario else None) or 10
    if not 1 <= years <= 50:
        raise ScenarioError(f"--years must lie between 1 and 50, got {years}")
    if args.base_year is not None:
        if args.base_population is None:
            raise ScenarioError(
                "--base-year needs --base-population (the built-in base population is mid-2021)"
            )
        if not MIN_BASE_YEAR <= args.base_year <= MAX_BASE_YEAR:
            raise ScenarioError(
                f"--base-year must lie between {MIN_BASE_YEAR} and {MAX_BASE_YEAR}, "
                f"got {args.base_year}"
            )
    base_year = args.base_year if args.base_year is not None else 2021
    world = load_world(args.census_dir)
    everywhere = str(area).strip().lower() in ("all", "england and wales")
    if not everywhere:
        world.resolve(area)  # unknown area -> UnknownAreaError with suggestions
        # a name that means several places ("North East") is asked about, never guessed
        choices = world.alternatives(area)
        if choices:
            raise AmbiguousAreaError(area, choices)
    notes: list[str] = []
    if args.area and scenario is not None and scenario.area:
        mismatch = _area_mismatch(world, args.area, scenario.area)
        if mismatch:
            warning = (
                f"scenario {args.scenario} is written for {mismatch[1]} but --area gives "
                f"{mismatch[0]}; running for {mismatch[0]}"
            )
            print(f"Warning: {warning}", file=sys.stderr)
            notes.append(warning)
    base = None
    if args.base_population is not None:
        from game.sim.base_population import load_base_population

        base = load_base_population(args.base_population, world)
        members = world.codes if everywhere else world.members(area)
        missing = [c for c in members if c not in base[1]]
        if missing:
            raise DataError(
                str(args.base_population),
                f"no rows for area(s) {', '.join(missing[:5])}"
                + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""),
                hint=f"the file must cover every area of {area}",
            )
    from game.sim.plan_check import run_plan

    no_fund = args.budget == NO_FUND
    engines, check = run_plan(
        world,
        area,
        scenario,
        shipped_parameters(),
        years=years,
        budget=args.budget,
        allow_dropped=args.allow_dropped,
        seed=args.seed,
        base_population=base,
        base_year=base_year,
        baseline=args.baseline,
    )
    summary = build_summary(engines, scenario.name if scenario else None, args.seed)
    summary["notes"] = notes + summary["notes"]
    summary["baseline"] = BASELINE_NOTES[args.baseline]
    central = engines["central"]
    summary["national_check"] = national_check(
        central.codes, central.history, central.params.national, args.baseline
    )
    if check.fund_warning:
        print(f"Warning: {check.fund_warning}", file=sys.stderr)
        summary["warnings"].append(check.fund_warning)
    if no_fund:
        summary["budget_remaining"] = None
        summary["notes"].append("no growth fund (--budget none): costs are reported, not capped")
    # the census group definitions name the groups people read ("Full-time students")
    names = {g.id: g.name for g in getattr(world, "group_definitions", ())}
    for a in summary["approvals"]:
        a["name"] = names.get(a["group"], a["group"].replace("_", " "))
    if args.out is not None:
        try:
            written = write_all(engines, args.out, age_band=args.age_bands)
        except OSError as exc:
            raise DataError(
                str(args.out), f"cannot write outputs ({exc.strerror or exc})"
            ) from None
        summary["files"] = [str(p) for p in written]
    if args.json:
        print(json.dumps(_finite(summary), indent=2, default=str))
    else:
        print(format_summary(summary))
        print(f"\n{summary['baseline'][0].upper()}{summary['baseline'][1:]}.")
        national = format_check(summary["national_check"])
        if national:
            print("\n" + national)
    return 0


def _finite(x: Any) -> Any:
    """JSON has no infinity: an undefined cost per job (no net jobs) becomes null."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_finite(v) for v in x]
    return x


def build_summary(engines: dict[str, Any], scenario_name: str | None, seed: int) -> dict[str, Any]:
    central = engines["central"]
    st = central.state
    first, last = central.history[0], central.history[-1]
    keys = ("population", "jobs", "unemployment_rate", "net_additional_jobs")
    accounts = {v: e.jobs_account() for v, e in engines.items()}
    acc = accounts["central"]

    def band(key: str) -> dict[str, float]:
        return {v: e.history[-1].indicators[key] for v, e in engines.items()}

    def impact(key: str) -> dict[str, float]:
        # each variant against its own baseline: the plan's effect, not the trend's spread
        return {
            v: e.history[-1].indicators[key] - e.history[-1].baseline_indicators[key]
            for v, e in engines.items()
        }

    headline = {
        k: {
            "start": first.indicators[k],
            "baseline": last.baseline_indicators[k],
            "scenario": last.indicators[k],
            "scenario_band": band(k),
            "impact": last.indicators[k] - last.baseline_indicators[k],
            "impact_band": impact(k),
        }
        for k in keys
    }
    headline["jobs_vs_baseline"] = {
        "start": 0.0,
        "baseline": 0.0,
        "scenario": acc.jobs_vs_baseline,
        "scenario_band": {v: a.jobs_vs_baseline for v, a in accounts.items()},
    }
    headline["gross_jobs"] = {
        "start": 0.0,
        "baseline": 0.0,
        "scenario": acc.gross_total,
        "scenario_band": {v: a.gross_total for v, a in accounts.items()},
    }
    status = {p.id: p.status for p in st.projects}
    from game.sim.economic_case import cost_band_warnings, programme_totals, run_case
    from game.sim.levels import wider_name

    cases = run_case(central)
    case_by_id = {c.project_id: c for c in cases}
    projects = []
    for part in acc.projects:
        a = central.appraise(
            part.type_id,
            _scale_of(st.projects, part.project_id),
            started=_started_of(st.projects, part.project_id),
        )
        loc, wid = part.local, part.wider
        projects.append(
            {
                "id": part.project_id,
                "type_id": part.type_id,
                "label": part.label,
                "capital_cost": part.capital_cost,
                "opens": part.opens,
                "status": status.get(part.project_id, "open"),
                "construction_job_years": a.construction_job_years,
                "leakage": {"basis": part.leakage_basis, "rate": part.leakage_rate},
                "local": {
                    "level": st.level,
                    **loc.as_dict(),
                    "construction_fte": part.construction_fte,
                    "operational_fte": part.operational_fte,
                    "cost_per_net_job": part.cost_per_net_job,
                },
                "wider": {
                    "level": st.wider_level,
                    **wid.as_dict(),
                    "cost_per_net_job": part.cost_per_net_job_wider,
                },
                "national_net": a.national_net,
                # Local GVA of net local jobs over 10 years: a local impact, not a BCR.
                "local_gva_impact_indicative": {
                    "pv_costs": a.pv_costs,
                    "pv_local_gva_and_other_benefits": a.pv_benefits,
                    "ratio": a.bcr,
                },
                "economic_case": case_by_id[part.project_id].as_dict()
                if part.project_id in case_by_id
                else None,
            }
        )
    # Totals are the jobs account itself, so they equal the sum of the projects listed.
    totals = {
        "capital_cost": acc.cost_to_date,
        "gross": acc.gross_total,
        "deadweight": acc.deadweight,
        "leakage": acc.leakage,
        "displacement": acc.displacement,
        "substitution": acc.substitution,
        "multiplier_effect": acc.multiplier_gain,
        "net_local": acc.net_additional,
        "net_wider": acc.net_additional_wider,
        "cost_per_net_job_local": acc.cost_per_net_job,
        "cost_per_net_job_wider": acc.cost_per_net_job_wider,
    }
    approvals = []
    for g, v in last.approvals.items():
        reasons = _cumulative_reasons(central, g)
        approvals.append(
            {
                "group": g,
                "scenario": v,
                "baseline": last.baseline_approvals[g],
                "band": {k: e.history[-1].approvals[g] for k, e in engines.items()},
                "top_reasons": reasons[:3],
            }
        )
    approvals.sort(key=lambda a: -abs(a["scenario"] - a["baseline"]))
    notes = [e.text for e in central.log if e.kind == "rejected"]
    # the same warning for several projects (or years) is shown once, with its count
    counts: dict[str, int] = {}
    for text in [e.text for e in central.log if e.kind == "warning"] + cost_band_warnings(cases):
        counts[text] = counts.get(text, 0) + 1
    warnings = list(counts)
    notes += [
        f"{c.type_id} is planned for {y}, after the last funding year of this run "
        f"({st.end_year - 1}); not funded"
        for y, c in central.unapplied_plans()
    ]
    return {
        "area": {"code": st.area_code, "name": st.area_name, "members": len(st.codes)},
        "notes": notes,
        "warnings": warnings,
        "warning_counts": {w: n for w, n in counts.items() if n > 1},
        "events": [
            {"year": e.year, "kind": e.kind, "text": e.text}
            for e in central.log
            if e.kind in ("funded", "opened", "rejected", "warning")
        ],
        "scenario": scenario_name,
        "seed": seed,
        "years": [st.start_year, st.end_year],
        "level": st.level,
        "wider_level": st.wider_level,
        "wider_area": wider_name(central.world, central.profile, st.wider_level, st.codes),
        "budget_remaining": st.budget,
        "headline": headline,
        "jobs_account": acc.summary(),
        "projects": projects,
        "totals": totals,
        # over the projects open by the end, as the jobs account's totals
        "economic_case": programme_totals(
            [c for c in cases if c.project_id in {p.project_id for p in acc.projects}]
        ),
        "approvals": approvals,
        "checksum": central.checksum(),
    }


def _scale_of(projects: Any, pid: str) -> float:
    return next((p.scale for p in projects if p.id == pid), 1.0)


def _started_of(projects: Any, pid: str) -> int | None:
    return next((p.started for p in projects if p.id == pid), None)


def _cumulative_reasons(engine: Any, group: str) -> list[dict[str, Any]]:
    """Reasons summed over the whole run for one group (scenario), largest first."""
    acc: dict[str, float] = {}
    for rec in engine.history[1:]:
        for c in rec.explanations[group]:
            acc[c.label] = acc.get(c.label, 0.0) + c.delta
    items = sorted(acc.items(), key=lambda kv: -abs(kv[1]))
    return [{"reason": k, "points": v} for k, v in items]


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
        f"     {jobs}; cost per net job {_cpj(c['cost_per_net_job_capital_only'])} capital only,"
        f" {_cpj(c['cost_per_net_job_whole_life_public_cost'])} whole-life public cost (PV)",
    ]


def format_summary(s: dict[str, Any]) -> str:
    from game.sim.jobs_account import JOBS_MEASURES_HELP, LABELS

    y0, y1 = s["years"]
    h = s["headline"]
    level_name = {"lad": "LA", "sub_region": "LEP/CA", "region": "region", "national": "E&W"}
    lv = level_name[s["level"]]
    # the wider grouping by name (the combined authority where there is one)
    wider = s.get("wider_area") or {"name": level_name[s["wider_level"]], "label": ""}
    wl = wider["name"]
    lines = [
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
    acc = s["jobs_account"]
    if s["projects"] or acc["not_yet_open"]:
        lines += [
            "",
            f"Projects open by {y1}: jobs created (gross) -> net new jobs (FTE) at {lv} level"
            f" ({wl} in brackets)",
        ]
        for p in s["projects"]:
            loc, wid = p["local"], p["wider"]
            lines.append(
                f"  {p['id']} {p['label']}: {_money(p['capital_cost'])}, opens {p['opens']}"
            )
            lines.append(
                f"     gross {loc['gross']:.1f} FTE = operational {loc['operational_fte']:.1f}"
                f" + construction {loc['construction_fte']:.1f}"
                f" ({p['construction_job_years']:.0f} job-years / 10)"
            )
            leak = p["leakage"]
            lines.append(
                f"     deadweight -{loc['deadweight']:.1f}  leakage -{loc['leakage']:.1f}  "
                f"displacement -{loc['displacement']:.1f}  substitution "
                f"-{loc['substitution']:.1f}  multiplier +{loc['multiplier_effect']:.1f}"
            )
            gva = p["local_gva_impact_indicative"]["ratio"]
            lines.append(
                f"     operational leakage {leak['rate']:.0%}: "
                f"{LEAKAGE_BASIS.get(leak['basis'], leak['basis'])}"
            )
            lines.append(
                f"     net new jobs {loc['net']:.1f} ({wl} {wid['net']:.1f}); "
                f"{_cpj(loc['cost_per_net_job'])} per net job "
                f"({wl} {_cpj(wid['cost_per_net_job'])}); local GVA impact (indicative) "
                + (f"{gva:.2f}" if gva is not None else "n/a")
            )
            if p.get("economic_case"):
                lines.extend(_case_lines(p["economic_case"]))
        t = s["totals"]
        lines.append(
            f"  All projects open by {y1}: {_money(t['capital_cost'])}; gross {t['gross']:.1f}"
            f" -> net new jobs {t['net_local']:.1f} at {lv} ({t['net_wider']:.1f} at {wl}); "
            f"cost per net job {_cpj(t['cost_per_net_job_local'])}"
            f" ({_cpj(t['cost_per_net_job_wider'])})"
        )
        ec = s.get("economic_case")
        if ec:
            staff = ec["public_service_jobs_not_counted"]
            bcr = ec["bcr_valued_projects"]
            lines.append(
                f"  Economic case: additional jobs {ec['additional_jobs']:.1f}"
                + (f" (public-service staff {staff:.1f} not counted)" if staff > 0 else "")
                + (
                    f"; BCR {bcr:.2f} over the {len(ec['valued_projects'])} valued project(s)"
                    if bcr is not None
                    else "; no project valued"
                )
                + (
                    f", {len(ec['not_valued_projects'])} not valued"
                    if ec["not_valued_projects"] and bcr is not None
                    else ""
                )
            )
        for item in acc["not_yet_open"]:
            lines.append(
                f"  Not counted: {item['label']} opens {item['opens']}, after {y1}"
                if item["opens"] > y1
                else f"  Not counted: {item['label']} (opens {item['opens']})"
            )
        lines.append(
            "  Construction counts 10 job-years = 1 FTE. Nationally the MHCLG guide assumes"
        )
        lines.append("  net 0 (full displacement) without supply-side evidence.")
        if s["budget_remaining"] is not None:
            lines.append(f"  Growth fund left: {_money(s['budget_remaining'])}")
    lines += ["", f"Approval in {y1} (0-100), scenario vs baseline, with the main reasons:"]
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
    if s.get("files"):
        lines += ["", f"Wrote {len(s['files'])} CSV files to {Path(s['files'][0]).parent}:"]
        lines.append("  " + ", ".join(Path(f).name for f in s["files"]))
    return "\n".join(lines)
