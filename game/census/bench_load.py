"""Measure how long loading the census world takes: `python -m game.census.bench_load`.

Reports the cold import of the loaders (pandas, pydantic; timed in a fresh process), the
first full load (parse and validate every table, build 331 profiles), a cached call, the
map, building every grouping, and the median of uncached reloads.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--census-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="uncached reloads to time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from game.census import clear_cache, load_map, load_world

    # `python -m` has already imported game.census, so time a cold import in a fresh process.
    s = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - s
    s = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import game.census"], check=True)
    import_s = time.perf_counter() - s - bare
    t1 = time.perf_counter()
    world = load_world(args.census_dir)
    t2 = time.perf_counter()
    load_world(args.census_dir)
    t3 = time.perf_counter()
    load_map(args.census_dir)
    t4 = time.perf_counter()
    for kind in ("region", "lep", "ca"):
        world.groupings(kind)
    t5 = time.perf_counter()
    reloads = []
    for _ in range(max(0, args.repeat)):
        clear_cache()
        s = time.perf_counter()
        load_world(args.census_dir)
        reloads.append(time.perf_counter() - s)
    result = {
        "import_s": round(import_s, 3),
        "first_load_s": round(t2 - t1, 3),
        "cached_load_s": round(t3 - t2, 6),
        "map_s": round(t4 - t3, 3),
        "all_groupings_s": round(t5 - t4, 3),
        "reload_median_s": round(statistics.median(reloads), 3) if reloads else None,
        "areas": len(world.codes),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>18}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
