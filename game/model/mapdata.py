"""Map geometry for drawing the areas: simplified outlines, a hex cartogram, neighbours."""

from __future__ import annotations

from game.model.area import Frozen

Ring = tuple[tuple[float, float], ...]


class MapData(Frozen):
    polygons: dict[str, tuple[Ring, ...]]  # LAD code -> rings of (lon, lat)
    hex: dict[str, tuple[int, int]]  # LAD code -> (q, r) in hex_layout
    hex_layout: str  # HexJSON layout, e.g. "odd-r"
    neighbours: dict[str, tuple[str, ...]]
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    attribution: str
