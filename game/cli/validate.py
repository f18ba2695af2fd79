"""`python main.py validate FILE...`: every problem in a scenario file at once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Check scenario JSON files: the schema (data/schema/scenario.schema.json), sources "
        "for every number, known keys and type ids, member areas, years, and a dry run of "
        "the plan against its growth fund. Prints every problem, one a line; exit status 2 "
        "if there are any."
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--area", metavar="CODE_OR_NAME", help="area to check against (default: the file's)"
    )
    p.add_argument(
        "--years", type=int, default=None, help="run length (default: the file's, else 10)"
    )
    from game.cli.simulate import _budget_arg

    p.add_argument(
        "--budget", metavar="GBP|none", type=_budget_arg, default=None, help="as for simulate"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from game.census import load_world
    from game.scenarios.validate import scenario_problems

    world = None
    bad = 0
    for path in args.files:
        scenario, problems, raw = scenario_problems(path)
        if raw is not None:
            world = world or load_world(args.census_dir)
            static = area_and_year_problems(world, raw, str(path), args)
            problems += static
            if scenario is not None and not static:
                problems += dry_run_problems(world, scenario, str(path), args)
        for line in problems:
            print(line)
        if problems:
            bad += 1
            print(f"{path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        else:
            assert scenario is not None
            print(
                f"{path}: OK ({len(scenario.projects)} projects, "
                f"{len(scenario.project_types)} new types, {len(scenario.overrides)} overrides)"
            )
    return 2 if bad else 0


def _area(raw: dict[str, Any], args: argparse.Namespace) -> str | None:
    area = args.area or raw.get("area")
    return area if isinstance(area, str) and area.strip() else None


def _years(raw: dict[str, Any], args: argparse.Namespace) -> int:
    years = raw.get("years")
    return args.years or (years if isinstance(years, int) and 1 <= years <= 50 else 10)


def area_and_year_problems(
    world: Any, raw: dict[str, Any], where: str, args: argparse.Namespace
) -> list[str]:
    """The area, each project's member area and year, for every project that is itself
    well formed (a bad entry elsewhere in the file does not hide these)."""
    from pydantic import ValidationError

    from game.errors import AmbiguousAreaError, CivicError
    from game.scenarios import PlannedProject, Scenario
    from game.sim.plan_check import resolve_member_areas

    area = _area(raw, args)
    last = 2021 + _years(raw, args) - 1
    out = []
    if area and area.strip().lower() not in ("all", "england and wales"):
        try:
            world.resolve(area)
            choices = world.alternatives(area)
            if choices:
                raise AmbiguousAreaError(area, choices)
        except CivicError as exc:
            return [f"{where}: area: {exc}"]
    items = raw.get("projects", [])
    for i, item in enumerate(items if isinstance(items, list) else []):
        try:
            planned = PlannedProject.model_validate(item)
        except ValidationError:
            continue
        name = f"projects[{i}]" + (f" '{planned.label}'" if planned.label else "")
        if planned.year > last:
            out.append(
                f"{where}: {name} ({planned.type}, {planned.year}): after the last funding "
                f"year of a {last - 2020}-year run ({last}); run more years or move it"
            )
        if planned.area is not None and area:
            single = Scenario(name="check", projects=(planned,))
            try:
                resolve_member_areas(world, single, area)
            except CivicError as exc:
                out.append(f"{where}: {str(exc).replace('projects[0]', f'projects[{i}]', 1)}")
    return out


def dry_run_problems(world: Any, scenario: Any, where: str, args: argparse.Namespace) -> list[str]:
    """Run the plan (three variants, as simulate) and list what the fund turns away."""
    from game.errors import CivicError
    from game.play.shipped import shipped_parameters
    from game.sim.plan_check import NO_FUND, run_plan

    area = args.area or scenario.area
    if not area:
        return []  # nothing to check against; simulate will ask for --area
    years = _years({"years": scenario.years}, args)
    budget = args.budget
    try:
        _, check = run_plan(
            world,
            area,
            scenario,
            shipped_parameters(),
            years=years,
            budget=budget,
            allow_dropped=True,
        )
    except CivicError as exc:
        return [f"{where}: {exc}"]
    out = [f"{where}: {d}" for d in check.dropped]
    if check.fund_warning and budget != NO_FUND:
        out.append(f"{where}: warning (not an error): {check.fund_warning}")
    return out
