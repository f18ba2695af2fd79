"""`python main.py report`: a board-paper pack (HTML, PDF, XLSX, CSV) for a scenario, two
scenarios side by side (`--compare A.json B.json`) or a finished game (`--save FILE`).

Every number comes from the same runs and summary as `simulate --json` (build_summary on
low / central / high engines); game.report only lays them out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Literal

from game.errors import SaveError, ScenarioError

EXAMPLE = (
    "python main.py report --area Hartlepool "
    "--scenario data/scenarios/hartlepool_business_park_skills.json --out out/pack"
)


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Write a board-paper report pack (HTML, PDF, XLSX, CSV) for a scenario, two "
        f"scenarios side by side, or a finished game. Example: {EXAMPLE}"
    )
    p.add_argument("--area", metavar="CODE_OR_NAME", help="area (default: the scenario's)")
    p.add_argument("--scenario", metavar="FILE", type=Path, help="scenario JSON")
    p.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        type=Path,
        help="two scenario files for the same area, side by side",
    )
    p.add_argument("--save", metavar="FILE", type=Path, help="a saved game to replay")
    p.add_argument("--years", type=int, default=None, help="years to project (default 10)")
    from game.cli.options import _budget_arg

    p.add_argument(
        "--budget",
        metavar="GBP|none",
        type=_budget_arg,
        default=None,
        help="growth fund in GBP, or 'none' for no growth fund (as simulate)",
    )
    p.add_argument(
        "--allow-dropped",
        action="store_true",
        help="write the pack even when planned projects cannot be funded (as simulate)",
    )
    p.add_argument("--out", metavar="DIR", type=Path, required=True, help="folder for the pack")
    p.add_argument(
        "--format",
        default=None,
        metavar="LIST",
        help="comma-separated: html,pdf,xlsx,csv (default: all four)",
    )
    p.set_defaults(func=run)


def _load_world(args: argparse.Namespace) -> Any:
    from game.census import load_world

    return load_world(getattr(args, "census_dir", None))


def _summary(world: Any, engines: dict[str, Any], name: str | None, seed: int) -> dict[str, Any]:
    """The `simulate --json` summary for these engines, with group names (as simulate)."""
    from game.cli.summary import _finite, build_summary

    summary = build_summary(engines, name, seed)
    names = {g.id: g.name for g in world.group_definitions}
    for a in summary["approvals"]:
        a["name"] = names.get(a["group"], a["group"].replace("_", " "))
    return _finite(summary)


def scenario_run(
    world: Any,
    path: Path | None,
    area: str | None,
    years: int | None,
    budget: float | Literal["none"] | None = None,
    allow_dropped: bool = False,
) -> Any:
    """Run a scenario file low / central / high and return a game.report ScenarioRun.
    Refused, as simulate, when planned projects would be left out (game.sim.plan_check)."""
    from game.play.shipped import shipped_parameters
    from game.report import ScenarioRun
    from game.scenarios import load_scenario
    from game.sim.plan_check import run_plan

    scenario = load_scenario(path) if path is not None else None
    where = area or (scenario.area if scenario is not None else None)
    if not where:
        raise ScenarioError("give --area CODE_OR_NAME (or a scenario file that names an area)")
    n = years if years is not None else (scenario.years if scenario else None) or 10
    if not 1 <= n <= 50:
        raise ScenarioError(f"--years must lie between 1 and 50, got {n}")
    if str(where).strip().lower() not in ("all", "england and wales"):
        world.resolve(where)
    engines, _ = run_plan(
        world,
        where,
        scenario,
        shipped_parameters(),
        years=n,
        budget=budget,
        allow_dropped=allow_dropped,
        seed=1,
    )
    summary = _summary(world, engines, scenario.name if scenario else None, 1)
    if area and scenario is not None and scenario.area:
        from game.cli.options import _area_mismatch

        mismatch = _area_mismatch(world, area, scenario.area)
        if mismatch:  # the same warning simulate gives, kept in the pack's notes
            warning = (
                f"scenario {path} is written for {mismatch[1]} but --area gives "
                f"{mismatch[0]}; running for {mismatch[0]}"
            )
            print(f"Warning: {warning}", file=sys.stderr)
            summary["notes"] = [warning, *summary["notes"]]
    return ScenarioRun(engines, summary, scenario, str(path) if path else "(baseline)")


def _same_area(world: Any, a: Any, b: Any, paths: list[Path]) -> None:
    codes = [tuple(r.central.state.codes) for r in (a, b)]
    if codes[0] != codes[1]:
        names = [r.summary["area"]["name"] for r in (a, b)]
        raise ScenarioError(
            f"cannot compare across areas: {paths[0]} is for {names[0]} and {paths[1]} is for "
            f"{names[1]}; give two scenarios for the same area (or --area to run both there)"
        )


def compare_runs(world: Any, paths: list[Path], area: str | None, years: int | None) -> Any:
    """Two scenario runs for the same area; refuses two different areas (ScenarioError)."""
    from game.scenarios import load_scenario

    if area is None:
        areas = [load_scenario(p).area for p in paths]
        resolved = [world.resolve(a).code if a else None for a in areas]
        if resolved[0] and resolved[1] and resolved[0] != resolved[1]:
            raise ScenarioError(
                f"cannot compare across areas: {paths[0]} is for {areas[0]} and {paths[1]} is "
                f"for {areas[1]}; give two scenarios for the same area"
            )
    if years is None:
        years = max((load_scenario(p).years or 10) for p in paths)
    a = scenario_run(world, paths[0], area, years)
    b = scenario_run(world, paths[1], area, years)
    _same_area(world, a, b, paths)
    return a, b


def _read_save(path: Path) -> Any:
    """The save, read strictly and within bounds (game.store.saves.read_save) and validated,
    without moving it aside: a report only reads the user's file."""
    from game.play import SaveFile
    from game.store.saves import read_save

    return read_save(path, SaveFile)


def _session_run(world: Any, session: Any, path: Path, label: str) -> Any:
    from game.report import ScenarioRun

    port = session.engine
    engines = {"central": port.engine, **dict(port.bands)}
    engines = {v: engines[v] for v in ("low", "central", "high")}
    name = f"{label}: {session.area.name} (seed {session.seed})"
    summary = _summary(world, engines, name, session.seed)
    return ScenarioRun(engines, summary, session.scenario, str(path), game=_story(session))


def save_runs(world: Any, path: Path) -> list[Any]:
    """Replay a saved game (game.play): its run, then the kept "what if?" line if any."""
    from game.play import GameSession
    from game.play.branches import kept_session, went_back_to

    save = _read_save(path)
    try:
        session = GameSession.from_save(world, save)
        runs = [_session_run(world, session, path, "This game")]
        if session.kept:
            label = f"{session.kept[-1].label} (before going back to {went_back_to(session)})"
            runs.append(_session_run(world, kept_session(world, session), path, label))
    except Exception as exc:  # noqa: BLE001 - a save that cannot be replayed is bad input
        detail = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SaveError(f"{path}: the saved game cannot be replayed ({detail})") from None
    return runs


def _story(session: Any) -> dict[str, Any]:
    """The outcome of a saved game (what was funded comes from the engine's projects)."""
    outcome: list[str] = []
    if session.turn >= session.years:
        r = session.census_report("final")
        if r.score is not None:
            outcome.append(f"Final score {r.score:.0f} / 100; ending: {r.ending}")
        if r.verdict:
            outcome.append(r.verdict)
    else:
        outcome.append(
            f"The game is not finished: this pack is the position after year {session.year} "
            f"(turn {session.turn} of {session.years})."
        )
    return {"outcome": outcome}


def run(args: argparse.Namespace) -> int:
    import time

    from game.report import build_comparison, build_pack, parse_formats, write_pack

    t0 = time.perf_counter()
    formats = parse_formats(args.format)
    chosen = [x for x in (args.scenario, args.compare, args.save) if x]
    if len(chosen) > 1:
        raise ScenarioError("give one of --scenario, --compare A B or --save FILE")
    world = _load_world(args)
    if args.compare:
        a, b = compare_runs(world, list(args.compare), args.area, args.years)
        pack = build_comparison(a, b)
    elif args.save:
        runs = save_runs(world, args.save)
        if len(runs) == 2:  # the game and its kept "what if?" line, side by side
            pack = build_comparison(runs[0], runs[1])
            pack.story = [f"A: {x}" for x in runs[0].game["outcome"]] + [
                f"B: {x}" for x in runs[1].game["outcome"]
            ]
        else:
            pack = build_pack(runs[0], kind="game")
    else:
        run_ = scenario_run(
            world, args.scenario, args.area, args.years, args.budget, args.allow_dropped
        )
        pack = build_pack(run_)
    written = write_pack(pack, args.out, formats)
    took = time.perf_counter() - t0
    print(f"Wrote the report pack for {pack.subtitle} to {args.out} in {took:.1f} s:")
    for p in written:
        print(f"  {p}")
    return 0


def simulate_compare(args: argparse.Namespace) -> int:
    """`simulate --compare A B`: the comparison's headlines as text or JSON (and, with
    --out, the comparison tables as CSV)."""
    from game.report import build_comparison, write_pack
    from game.report.compare import comparison_values

    if args.scenario is not None:
        raise ScenarioError("give either --scenario or --compare A B, not both")
    world = _load_world(args)
    a, b = compare_runs(world, list(args.compare), args.area, args.years)
    values = comparison_values(a, b)
    if args.out is not None:
        write_pack(build_comparison(a, b), args.out, ("csv",))
    if args.json:
        doc = {
            "a": a.summary,
            "b": b.summary,
            "comparison": {
                k: {"a": va, "b": vb, "a_minus_b": d} for k, (va, vb, d) in values.items()
            },
        }
        print(json.dumps(doc, indent=2, default=str))
        return 0
    import textwrap

    from game.report.compare import summary_cells

    y0, y1 = a.summary["years"]
    print(f"Civic Futures comparison: {a.summary['area']['name']}, {y0}-{y1}")
    print(f"  A: {a.name} ({args.compare[0]})")
    print(f"  B: {b.name} ({args.compare[1]})")
    print(f"\n{'at ' + str(y1):52s}{'A':>14s}{'B':>14s}{'A - B':>16s}")
    for row in summary_cells(a, b):  # the pack's own summary rows, caveats included
        ca, cb, diff = row.cells
        print(f"{row.label[:51]:52s}{ca:>14s}{cb:>14s}{diff:>16s}")
        for line in textwrap.wrap(row.caveat, 90):
            print(f"    {line}")
    return 0
