"""`areas`: list and search the 331 local authorities, or the regions, LEPs and combined
authorities that group them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from game.census import load_world
from game.errors import UnknownAreaError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "areas",
        help="list and search local authorities (or regions, LEPs, combined authorities)",
        description="List the 331 local authorities of England and Wales (Census 2021 "
        "geography), or with --group the regions, 2021 LEPs or 2025 combined authorities.",
    )
    p.add_argument("--search", metavar="TEXT", help="only areas whose name or code contains TEXT")
    p.add_argument("--group", choices=["region", "lep", "ca"], help="list groupings instead")
    p.add_argument("--json", action="store_true", help="print JSON (a list of objects)")
    p.set_defaults(func=run)


def emit(text: str) -> None:
    """Print, tolerating a closed pipe (`... | head`) without a traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run(args: argparse.Namespace) -> int:
    world = load_world(args.census_dir)
    rows: list[dict[str, Any]] = []
    if args.group:
        for g in world.groupings(args.group):
            rows.append(
                {
                    "code": g.code,
                    "name": g.name,
                    "kind": g.kind,
                    "population": g.census_population,
                    "members": list(g.members),
                }
            )
    else:
        for code in world.codes:
            a = world.areas[code]
            rows.append(
                {
                    "code": code,
                    "name": a.name,
                    "name_cy": a.name_cy,
                    "kind": a.kind,
                    "region": a.region,
                    "country": a.country,
                    "lep_codes": list(a.lep_codes),
                    "ca_code": a.ca_code,
                    "population": a.census_population,
                }
            )
    if args.search:
        text = args.search.strip().lower()
        rows = [
            r
            for r in rows
            if text in r["code"].lower()
            or text in r["name"].lower()
            or text in (r.get("name_cy") or "").lower()
        ]
        if not rows:
            raise UnknownAreaError(args.search, world.suggest(args.search))
    if args.json:
        emit(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    lines = []
    for r in rows:
        extra = f"{len(r['members'])} areas" if args.group else r["region"]
        lines.append(f"{r['code']}  {r['name']:<40} {r['population']:>10,}  {extra}")
    what = {"region": "regions", "lep": "LEPs (2021)", "ca": "combined authorities (2025)"}
    lines.append(
        f"{len(rows)} {what.get(args.group, 'local authorities')}; "
        "population = Census 2021 usual residents"
    )
    emit("\n".join(lines))
    return 0
