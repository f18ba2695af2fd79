"""`areas`: list and search the 331 local authorities, or the regions, LEPs and combined
authorities that group them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from game.census import load_world
from game.model.places import postcode_shaped


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "List the 331 local authorities of England and Wales (Census 2021 "
        "geography), or with --group the regions, 2021 LEPs or 2025 combined authorities."
    )
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="only areas whose code, English or Welsh name contains TEXT (accents optional)",
    )
    p.add_argument("--group", choices=["region", "lep", "ca"], help="list groupings instead")
    p.add_argument("--json", action="store_true", help="print JSON (a list of objects)")
    p.set_defaults(func=run)


def emit(text: str) -> None:
    """Print, tolerating a closed pipe (`... | head`) without a traceback.

    Shared by the census commands (areas, profile)."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run(args: argparse.Namespace) -> int:
    world = load_world(args.census_dir)
    kind = args.group or "lad"
    matches = world.find(args.search, kind) if args.search else None
    codes = [m.code for m in matches] if matches is not None else None
    notes = {m.code: m.note for m in matches or () if m.note}
    if codes == []:
        # a search that finds nothing is an answer, not an error (profile, a lookup, still
        # exits 2): say so, with the closest names as a hint
        if args.json:
            emit("[]")
            return 0
        if postcode_shaped(args.search):
            emit(
                f"no areas match {args.search!r}: it looks like a postcode, and postcode "
                "search isn't available (no postcode lookup is shipped); type the town or "
                "council name"
            )
            return 0
        close = world.suggest(args.search)
        emit(
            f"no areas match {args.search!r}"
            + (f"; did you mean: {', '.join(close)}?" if close else "")
        )
        return 0
    rows: list[dict[str, Any]] = []
    if args.group:
        for code in codes if codes is not None else world.grouping_codes(args.group):
            g = world.resolve(code)
            rows.append(
                {
                    "code": g.code,
                    "name": g.name,
                    "name_cy": g.name_cy,
                    "kind": g.kind,
                    "population": g.population_estimate,
                    "census_population": g.census_population,
                    "members": list(g.members),
                }
            )
    else:
        for code in codes if codes is not None else world.codes:
            # a 2023 council found by its name is played as its 2021 districts
            a = world.areas.get(code) or world.resolve(code)
            row = {
                "code": code,
                "name": a.name,
                "name_cy": a.name_cy,
                "kind": a.kind,
                "region": a.region,
                "country": a.country,
                "lep_codes": list(a.lep_codes),
                "ca_code": a.ca_code,
                "population": a.population_estimate,
                "census_population": a.census_population,
            }
            if code in notes:
                row["note"] = notes[code]  # e.g. "Grimsby is in North East Lincolnshire"
            rows.append(row)
    if args.json:
        emit(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    lines = []
    for r in rows:
        extra = f"{len(r['members'])} areas" if args.group else r["region"]
        name = r["name"] + (f" / {r['name_cy']}" if r["name_cy"] else "")
        lines.append(f"{r['code']}  {name:<48} {r['population']:>10,}  {extra}")
        if r.get("note"):
            lines.append(f"           ({r['note']})")
    what = {"region": "regions", "lep": "LEPs (2021)", "ca": "combined authorities (2025)"}
    lines.append(
        f"{len(rows)} {what.get(args.group, 'local authorities') if len(rows) != 1 else 'area'}; "
        "population = mid-2021 estimate (the Census 2021 count is in --json)"
    )
    emit("\n".join(lines))
    return 0
