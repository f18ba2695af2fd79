"""The map extract (data/census/map.json) from the ONS boundary downloads: outlines from the
generalised LAD 2021 TopoJSON, the hex layout, and neighbours (shared boundary arcs, or
listed in ONS's adjacency file). Part of the census build (game.census.build)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _decode_topojson(
    topo: dict[str, Any],
) -> tuple[list[list[tuple[float, float]]], dict[str, Any]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    geoms = {g["properties"]["AREACD"]: g for g in topo["objects"]["geog"]["geometries"]}
    return arcs, geoms


def _ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[list[float]]:
    pts: list[tuple[float, float]] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        pts.extend(arc[1:] if pts else arc)
    out: list[list[float]] = []
    for lon, lat in pts:
        p = [round(lon, 4), round(lat, 4)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _arc_ids(refs: Any) -> set[int]:
    """Every arc a TopoJSON geometry uses (nested lists of arc indices; ~i is arc i reversed)."""
    if isinstance(refs, int):
        return {refs if refs >= 0 else ~refs}
    return set().union(*(_arc_ids(r) for r in refs)) if refs else set()


def neighbours_from_arcs(geoms: dict[str, Any], codes: Sequence[str]) -> dict[str, set[str]]:
    """Areas whose outlines share a TopoJSON arc share a stretch of boundary.

    TopoJSON stores each stretch of boundary once, so two polygons border each other exactly
    when they use a common arc (touching at a single point does not count).
    """
    users: dict[int, list[str]] = defaultdict(list)
    for code in codes:  # sorted, so every list below is built in a fixed order
        for arc in sorted(_arc_ids(geoms[code]["arcs"])):
            users[arc].append(code)
    out: dict[str, set[str]] = {c: set() for c in codes}
    for sharing in users.values():
        for a in sharing:
            out[a].update(b for b in sharing if b != a)
    return out


def build_map(bounds: Path, codes: list[str]) -> bytes:
    """map.json from the ONS boundary files in `bounds` (the raw `boundaries` folder)."""
    topo = json.loads((bounds / "geo_lad2021.json").read_text(encoding="utf-8"))
    arcs, geoms = _decode_topojson(topo)
    hexes = json.loads((bounds / "lad-2021.hexjson").read_text(encoding="utf-8"))
    adj = json.loads((bounds / "lad-2021-adj.json").read_text(encoding="utf-8"))
    known = set(codes)
    polygons: dict[str, list[list[list[float]]]] = {}
    lons: list[float] = []
    lats: list[float] = []
    for code in codes:
        g = geoms[code]
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        rings = []
        for poly in polys:
            for refs in poly:
                ring = _ring(arcs, refs)
                if len(ring) >= 4:
                    rings.append(ring)
        polygons[code] = rings
        for ring in rings:
            lons.extend(p[0] for p in ring)
            lats.extend(p[1] for p in ring)
    # ONS's adjacency list misses some land borders (Hartlepool - County Durham) but adds
    # neighbours across estuaries (Hartlepool - Redcar); take both: shared boundary arcs, or
    # listed by ONS. Symmetric by construction.
    neighbours = neighbours_from_arcs(geoms, codes)
    for code in codes:
        for other in adj.get(code, []):
            if other in known and other != code:
                neighbours[code].add(other)
                neighbours[other].add(code)
    doc = {
        "source": "ONS geo_lad2021.json (generalised LAD 2021), lad-2021.hexjson, "
        "lad-2021-adj.json; neighbours = shared boundary arcs or listed in lad-2021-adj.json",
        "attribution": "Contains OS data (c) Crown copyright and database right 2021. "
        "Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "hex_layout": hexes["layout"],
        "polygons": polygons,
        "hex": {c: [hexes["hexes"][c]["q"], hexes["hexes"][c]["r"]] for c in codes},
        "neighbours": {c: sorted(neighbours[c]) for c in codes},
    }
    return (json.dumps(doc, separators=(",", ":"), sort_keys=False) + "\n").encode()
