"""What the area chooser measures and shows: the map's shading measures and their bands."""

from __future__ import annotations

import pygame

from game.client import fmt, palette
from game.client.context import AppContext
from game.client.mapview import MapView, polygons_of
from game.model.area import AreaProfile

MODES = ("lad", "lep", "ca")
MEASURES = ("population", "unemployment", "older", "young_families", "no_qualifications")
MAX_RESULTS = 5
MAP_RECT = pygame.Rect(462, 72, 500, 640)
# London's 33 boroughs are specks on the national map: an enlarged inset over the North Sea,
# in the top right corner east of the Northumberland coast and north of the Tees (drawn 4 px
# larger with its frame; tests check no other council's shape or marker ring is under it)
LONDON_RECT = pygame.Rect(806, 80, 148, 120)


def measure_value(area: AreaProfile, measure: str) -> float:
    g = area.groups
    pop = max(area.census_population, 1)
    if measure == "population":
        # the one population figure the game uses everywhere: the mid-2021 estimate
        return float(population_of(area))
    if measure == "unemployment":
        seekers = g.get("job_seekers", 0)
        return seekers / max(seekers + g.get("workers", 0), 1)
    if measure == "older":
        return g.get("older_people", 0) / pop
    if measure == "young_families":
        return g.get("young_families", 0) / pop
    if measure == "no_qualifications":
        return g.get("no_qualifications", 0) / pop
    raise KeyError(measure)


def population_of(area: AreaProfile) -> int:
    """Mid-2021 estimate (what the game runs on); the census count is secondary text."""
    return int(area.population_estimate)


def quintile_ranges(values: dict[str, float]) -> list[tuple[float, float]]:
    """Lowest and highest value in each colour band, banding by rank exactly as
    mapview.shade does, so neighbouring bands never share an end value."""
    vals = sorted(values.values())
    n, k = len(vals), len(palette.RAMP)
    out = []
    for i in range(k):
        lo_i = -(-i * n // k)
        hi_i = -(-(i + 1) * n // k) - 1
        if lo_i > hi_i:
            continue
        out.append((vals[lo_i], vals[min(hi_i, n - 1)]))
    return out


def measure_text(measure: str, value: float) -> str:
    return fmt.count(value) if measure == "population" else fmt.pct(value)


def map_cache(ctx: AppContext, rect: pygame.Rect) -> MapView:
    """The projected map is the same every time: build it once per context."""
    cache = ctx.cache
    key = ("map", tuple(rect))
    if key not in cache:
        cache[key] = MapView(polygons_of(ctx.mapdata), rect, codes=ctx.world.codes)
    return cache[key]


def london_cache(ctx: AppContext) -> MapView:
    """The London inset (the E09 boroughs), built once per context."""
    cache = ctx.cache
    key = ("map", "london")
    if key not in cache:
        codes = [c for c in ctx.world.codes if c.startswith("E09")]
        cache[key] = MapView(polygons_of(ctx.mapdata), LONDON_RECT, codes=codes, margin=4)
    return cache[key]
