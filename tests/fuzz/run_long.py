"""Run every fuzz surface and print the table: surface | cases | clean error | traceback |
hang | silently accepted, then the saves line "rejected N, set aside N, lost 0".

    PYTHONPATH=. python tests/fuzz/run_long.py --cases 1000 --kills 470 --events 10000

Every case is kept reproducible: surface, seed and mutation are printed for any failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzlib import Surface  # noqa: E402
from surfaces_csv import BASE_POPULATION, CENSUS, CENSUS_FOLDER  # noqa: E402
from surfaces_json import COMMAND_LINE, MAPS, SCENARIOS  # noqa: E402
from surfaces_room import ROOM_API
from surfaces_saves import REPORT_SAVES, SAVES  # noqa: E402

ALL: list[Surface] = [
    SCENARIOS,
    BASE_POPULATION,
    *CENSUS,
    CENSUS_FOLDER,
    MAPS,
    SAVES,
    REPORT_SAVES,
    COMMAND_LINE,
    ROOM_API,
]
COLUMNS = (
    "cases",
    "used (valid run)",
    "clean error",
    "unclear error",
    "traceback",
    "hang",
    "silently accepted",
    "valid refused",
    "lost",
)


def run_surface(surface: Surface, cases: int, seed: int) -> tuple[Counter, list[str]]:
    base = surface.base()
    counts: Counter = Counter()
    failures: list[str] = []
    for k in range(cases):
        rng = Random(f"{seed}/{surface.name}/{k}")
        mutation = surface.mutations[k % len(surface.mutations)]
        case = mutation(rng, base)
        with tempfile.TemporaryDirectory() as tmp:
            result = surface.run(case, Path(tmp), base)
        counts[result.outcome] += 1
        if result.outcome not in ("ok", "clean"):
            failures.append(
                f"{surface.name} seed={seed} k={k} [{case.label}] "
                f"{result.outcome}: {result.detail.strip()[-300:]}"
            )
    return counts, failures


def row(name: str, c: Counter) -> str:
    total = sum(c.values())
    cells = [
        total,
        c["ok"],
        c["clean"],
        c["unclear"],
        c["traceback"],
        c["hang"],
        c["accepted"],
        c["refused_valid"],
        c["lost"],
    ]
    return f"| {name} | " + " | ".join(str(v) for v in cells) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=300, help="cases per surface")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--only", default=None, help="run surfaces whose name contains this")
    ap.add_argument("--kills", type=int, default=0, help="also kill a saving process N times")
    ap.add_argument("--events", type=int, default=0, help="also send N random client events")
    args = ap.parse_args(argv)
    # the game's log and any saves go to a scratch folder, not the user's data folder
    os.environ.setdefault("CIVIC_FUTURES_DATA_DIR", tempfile.mkdtemp(prefix="civic-fuzz-"))
    print("| surface | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    total: Counter = Counter()
    all_failures: list[str] = []
    started = time.monotonic()
    for surface in ALL:
        if args.only and args.only not in surface.name:
            continue
        counts, failures = run_surface(surface, args.cases, args.seed)
        total += counts
        all_failures += failures
        print(row(surface.name, counts), flush=True)
    print(row("**total**", total))
    bad = total["unclear"] + total["traceback"] + total["hang"] + total["accepted"]
    failed = bool(bad or total["lost"] or total["refused_valid"])
    extra = SAVES.tally_extra
    print(
        f"\nsaves: rejected {extra['rejected']}, set aside {extra['set aside']}, "
        f"left in place (not a regular file) {extra['left in place']}, lost {extra['lost']}"
    )
    if args.kills:
        from test_kill_during_save import kill_saves

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "saves"
            folder.mkdir()
            k = kill_saves(folder, args.kills)
        print(
            f"kill during save: {k['kills']} kills, {k['loaded']} autosaves loaded intact "
            f"({k['no save yet']} killed before the first save), {k['corrupt']} corrupt; "
            f"{k['temporaries left']} temporaries left, {k['temporaries cleaned']} cleaned "
            "at the next start"
        )
        failed |= bool(k["corrupt"] or k["other files"])
    if args.events:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        from test_random_events import walk

        from game.census import load_world

        try:
            seen = walk(load_world(), args.events)
            print(
                f"random events: {args.events} sent, 0 raised; scenes reached: "
                f"{', '.join(sorted(seen))}"
            )
        except AssertionError as exc:
            print(f"random events: raised: {exc}")
            failed = True
    print(f"time: {time.monotonic() - started:.0f} s")
    for line in all_failures[:200]:
        print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
