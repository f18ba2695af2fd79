"""Choropleth map of local authorities.

Polygons are projected and filled once into a surface; a second, hidden surface holds each
area's index as its colour, so finding the area under the mouse is one pixel read.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import pygame

from game.client import palette
from game.model.mapdata import MapData

Ring = Sequence[tuple[float, float]]


def polygons_of(mapdata: MapData) -> dict[str, list[Ring]]:
    """{code: [ring, ...]} for drawing."""
    return {code: list(rings) for code, rings in mapdata.polygons.items()}


def neighbours_of(mapdata: MapData) -> dict[str, list[str]]:
    return {code: list(near) for code, near in mapdata.neighbours.items()}


class MapView:
    def __init__(
        self,
        polygons: Mapping[str, Sequence[Ring]],
        rect: pygame.Rect,
        codes: Iterable[str] | None = None,
        margin: int = 6,
    ) -> None:
        self.rect = pygame.Rect(rect)
        self.codes = sorted(codes if codes is not None else polygons)
        pts = [p for c in self.codes for ring in polygons.get(c, ()) for p in ring]
        lons = [p[0] for p in pts] or [0.0, 1.0]
        lats = [p[1] for p in pts] or [0.0, 1.0]
        lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
        # Equirectangular with the x axis shrunk by cos(mid-latitude): right shapes for E&W.
        kx = math.cos(math.radians((lat0 + lat1) / 2))
        w_geo = max((lon1 - lon0) * kx, 1e-9)
        h_geo = max(lat1 - lat0, 1e-9)
        avail_w, avail_h = self.rect.width - 2 * margin, self.rect.height - 2 * margin
        scale = min(avail_w / w_geo, avail_h / h_geo)
        ox = margin + (avail_w - w_geo * scale) / 2
        oy = margin + (avail_h - h_geo * scale) / 2

        def proj(lon: float, lat: float) -> tuple[int, int]:
            return (round(ox + (lon - lon0) * kx * scale), round(oy + (lat1 - lat) * scale))

        self.screen: dict[str, list[list[tuple[int, int]]]] = {}
        for c in self.codes:
            rings = [[proj(lon, lat) for lon, lat in ring] for ring in polygons.get(c, ())]
            self.screen[c] = [r for r in rings if len(r) >= 3]
        self.centres = {c: _centre(rings) for c, rings in self.screen.items() if rings}
        self.ids = pygame.Surface(self.rect.size)
        self.ids.fill((0, 0, 0))
        for i, c in enumerate(self.codes, start=1):
            col = ((i >> 16) & 255, (i >> 8) & 255, i & 255)
            for ring in self.screen[c]:
                pygame.draw.polygon(self.ids, col, ring)
        self.image = pygame.Surface(self.rect.size, pygame.SRCALPHA)

    def render(self, colours: Mapping[str, tuple[int, int, int]], edge=(255, 255, 255)) -> None:
        self.image.fill((0, 0, 0, 0))
        for c in self.codes:
            col = colours.get(c, palette.NO_DATA)
            for ring in self.screen[c]:
                pygame.draw.polygon(self.image, col, ring)
                pygame.draw.polygon(self.image, edge, ring, 1)

    def code_at(self, pos: tuple[int, int]) -> str | None:
        x, y = pos[0] - self.rect.left, pos[1] - self.rect.top
        if not (0 <= x < self.rect.width and 0 <= y < self.rect.height):
            return None
        r, g, b, *_ = self.ids.get_at((x, y))
        i = (r << 16) | (g << 8) | b
        return self.codes[i - 1] if 0 < i <= len(self.codes) else None

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.image, self.rect.topleft)

    def outline(self, surface: pygame.Surface, codes: Iterable[str], colour, width: int = 3):
        ox, oy = self.rect.topleft
        for c in codes:
            for ring in self.screen.get(c, ()):
                pygame.draw.polygon(surface, colour, [(x + ox, y + oy) for x, y in ring], width)

    def centre(self, code: str) -> tuple[int, int] | None:
        c = self.centres.get(code)
        return None if c is None else (c[0] + self.rect.left, c[1] + self.rect.top)


def _centre(rings: list[list[tuple[int, int]]]) -> tuple[int, int]:
    ring = max(rings, key=len)
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (sum(xs) // len(xs), sum(ys) // len(ys))


def shade(values: Mapping[str, float]) -> dict[str, tuple[int, int, int]]:
    """Quintile shading: each of the five colours covers a fifth of the areas, so one big
    city does not squash every other area into the palest colour."""
    items = sorted(values.items(), key=lambda kv: (kv[1], kv[0]))
    n = len(items)
    out = {}
    for rank, (code, _) in enumerate(items):
        out[code] = palette.RAMP[min(rank * len(palette.RAMP) // max(n, 1), len(palette.RAMP) - 1)]
    return out


def quintile_breaks(values: Mapping[str, float]) -> list[float]:
    vals = sorted(values.values())
    if not vals:
        return []
    k = len(palette.RAMP)
    return [vals[min(len(vals) - 1, (len(vals) * i) // k)] for i in range(k)] + [vals[-1]]
