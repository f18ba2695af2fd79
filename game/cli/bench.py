"""`python main.py bench [--json] [--client]`: engine timings (medians) against the targets.

(a) all_areas_10y_s: calibrate all 331 areas and project 10 years (population + labour
    market each year), vectorised over areas, sexes and ages;
(b) one_area_10y_10_projects_s: build an Engine for one area, fund 10 projects, run 10 years;
(c) advance_year_one_area_s: one Engine.advance_year for one area with those 10 projects.
The census world is loaded (and cached) before timing: loading is not engine time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

TARGETS = {
    "all_areas_10y_s": 1.0,
    "one_area_10y_10_projects_s": 0.05,
    "advance_year_one_area_s": 0.005,
    "report_pack_s": 5.0,
}
REPORT_SCENARIO = "hartlepool_business_park_skills.json"
BENCH_AREA = "E06000001"  # Hartlepool


def register(p: argparse.ArgumentParser) -> None:
    p.description = __doc__
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("--json", action="store_true", help="print one JSON object of seconds")
    p.add_argument("--client", action="store_true", help="also time the pygame client")
    p.add_argument(
        "--report",
        action="store_true",
        help="also time the whole report pack (HTML, PDF, XLSX, CSV) for one area",
    )
    p.add_argument(
        "--room",
        action="store_true",
        help="only the room hub: 60 simulated games submitting plans and ideas at once "
        "while the facilitator's page polls (submit_p95_ms, page_p95_ms, plans_lost)",
    )
    p.add_argument("--repeat", type=int, default=7, metavar="N", help="runs per timing (7)")
    p.set_defaults(func=run)


def _median(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches (parameter files, numpy code paths) outside the timing
    times = []
    for _ in range(max(repeat, 1)):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _all_areas(world: Any, params: Any) -> Callable[[], object]:
    from game.sim.labour import calibrate_labour, labour_market
    from game.sim.population import calibrate_world, step_population

    def run() -> object:
        # calibrate from scratch, as a room server does once per world
        rates = calibrate_world(world, params.schedules, params.demography, params.pooled_areas)
        base = calibrate_labour(world, world.codes, params.activity, params.links)
        P = world.population_array()
        for _ in range(10):
            P = step_population(P, rates).population
            labour_market(P, base)
        return P

    return run


def _project_ids(catalogue: Any, count: int = 10) -> list[str]:
    return sorted(catalogue.types)[:count]


def _engine_runs(world: Any, params: Any) -> tuple[Callable[[], object], Callable[[], float], str]:
    """(10 years with 10 projects, one advance_year, which pipeline) for the bench area.

    The world's demographic calibration is prepared once, untimed, as the game and the
    CLI do when they build several engines on one world."""
    from game.sim.engine import Engine, FundProject
    from game.sim.national_control import national_path
    from game.sim.population import calibrate_world

    world_rates = calibrate_world(world, params.schedules, params.demography, params.pooled_areas)
    control = national_path(world.population_array(), world_rates, params.national, 2031)
    ids = _project_ids(params.catalogue)

    def funded() -> Any:
        eng = Engine(
            world,
            area=BENCH_AREA,
            seed=1,
            years=10,
            budget=1e12,
            params=params,
            world_rates=world_rates,
            control=control,
        )
        for type_id in ids:
            eng.submit(FundProject(type_id))
        return eng

    def ten_years() -> object:
        eng = funded()
        for _ in range(10):
            eng.advance_year()
        return eng

    def timed_one_year() -> float:
        # each timing needs a fresh engine (year one, projects queued), built untimed
        times = []
        for _ in range(30):
            eng = funded()
            t0 = time.perf_counter()
            eng.advance_year()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    return ten_years, timed_one_year, "Engine (game.sim.engine)"


def _report_pack(world: Any) -> Callable[[], object]:
    """Run the scenario (low / central / high) and write all four formats, as
    `report --area Hartlepool --scenario data/scenarios/<REPORT_SCENARIO>` does."""
    import tempfile
    from pathlib import Path

    from game.cli.report import scenario_run
    from game.report import build_pack, write_pack
    from game.resources import data_dir

    scenario = data_dir() / "scenarios" / REPORT_SCENARIO

    def run() -> object:
        with tempfile.TemporaryDirectory() as tmp:
            pack = build_pack(scenario_run(world, scenario, BENCH_AREA, None))
            return write_pack(pack, Path(tmp) / "pack")

    return run


def _room(args: argparse.Namespace) -> int:
    from game.room.bench import TARGETS as ROOM_TARGETS
    from game.room.bench import run_room_bench

    result = run_room_bench()
    if args.json:
        print(json.dumps(result))
        return 0
    print("Room hub benchmark (loopback, SQLite store, 60 simulated games)")
    for key, value in result.items():
        target = ROOM_TARGETS.get(key)
        verdict = "" if target is None else ("ok" if value <= target else "OVER TARGET")
        limit = "" if target is None else f"target <= {target:g}"
        print(f"  {key:16s} {value:>9}   {limit:16s} {verdict}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.room:
        return _room(args)
    from game.census import load_world
    from game.play.shipped import shipped_parameters

    world = load_world(args.census_dir)
    params = shipped_parameters()
    result: dict[str, Any] = {}
    result["all_areas_10y_s"] = _median(_all_areas(world, params), args.repeat)
    ten_years, one_year, pipeline = _engine_runs(world, params)
    result["one_area_10y_10_projects_s"] = _median(ten_years, args.repeat)
    one_year()  # warm
    result["advance_year_one_area_s"] = one_year()
    if args.client:
        try:
            from game.client.bench import run_client_bench
        except ModuleNotFoundError as exc:
            if exc.name not in ("game.client.bench", "game.client"):
                raise
            print("warning: the client benchmark is not built yet; skipped", file=sys.stderr)
        else:
            from game.cli.bench_class import run_class_bench

            result.update(run_client_bench())
            result.update(run_class_bench(world))  # a team's year screen polling a hub
    if args.report:
        pack = _report_pack(world)
        result["report_pack_s"] = _median(pack, min(args.repeat, 3))
        # CPU time too: on a shared machine the wall clock mostly measures the others
        t0 = time.process_time()
        pack()
        result["report_pack_cpu_s"] = time.process_time() - t0
    if args.json:
        print(json.dumps(result, sort_keys=False))
        return 0
    print(f"Engine benchmark (medians; area {BENCH_AREA} for one-area timings; {pipeline})")
    for key, value in result.items():
        target = TARGETS.get(key)
        if target is None:
            print(f"  {key:32s} {value}")
        else:
            verdict = "ok" if value <= target else "OVER TARGET"
            print(f"  {key:32s} {value:9.4f} s   target <= {target:g} s   {verdict}")
    return 0
