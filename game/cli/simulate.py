"""`python main.py simulate`: project an area for N years with and without a scenario's
projects (low / central / high), print a readable summary and write tidy CSVs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# the --budget type and area check are shared with report and validate (game.cli.options)
from game.cli.options import NO_FUND, _area_mismatch, _budget_arg
from game.cli.simulate_text import format_summary
from game.cli.summary import _finite, build_summary
from game.errors import AmbiguousAreaError, DataError, ScenarioError

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


def _run_span(args: argparse.Namespace, scenario: Any) -> tuple[str, int, int]:
    """(area, years, base year) from the arguments and the scenario, checked."""
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
    return str(area), years, args.base_year if args.base_year is not None else 2021


def _mismatch_notes(args: argparse.Namespace, world: Any, scenario: Any) -> list[str]:
    """A warning (printed and noted) when --area is not the scenario's own area."""
    if not (args.area and scenario is not None and scenario.area):
        return []
    mismatch = _area_mismatch(world, args.area, scenario.area)
    if not mismatch:
        return []
    warning = (
        f"scenario {args.scenario} is written for {mismatch[1]} but --area gives "
        f"{mismatch[0]}; running for {mismatch[0]}"
    )
    print(f"Warning: {warning}", file=sys.stderr)
    return [warning]


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
    area, years, base_year = _run_span(args, scenario)
    world = load_world(args.census_dir)
    everywhere = str(area).strip().lower() in ("all", "england and wales")
    if not everywhere:
        world.resolve(area)  # unknown area -> UnknownAreaError with suggestions
        # a name that means several places ("North East") is asked about, never guessed
        choices = world.alternatives(area)
        if choices:
            raise AmbiguousAreaError(area, choices)
    notes = _mismatch_notes(args, world, scenario)
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
    names = {g.id: g.name for g in world.group_definitions}
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
