"""Map geometry for drawing the areas: simplified outlines, a hex cartogram, neighbours."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from game.model.area import Frozen

# strict: JSON true is not a coordinate
Coord = Annotated[float, Field(strict=True)]
Ring = tuple[tuple[Coord, Coord], ...]
# A cartogram of 331 areas spans a few dozen cells; strict: JSON true is not a coordinate.
HexCoord = Annotated[int, Field(strict=True, ge=-1000, le=1000)]


class MapData(Frozen):
    polygons: dict[str, tuple[Ring, ...]]  # LAD code -> rings of (lon, lat)
    hex: dict[str, tuple[HexCoord, HexCoord]]  # LAD code -> (q, r) in hex_layout
    hex_layout: Literal["odd-r", "even-r", "odd-q", "even-q"]  # HexJSON layouts
    neighbours: dict[str, tuple[str, ...]]
    bbox: tuple[Coord, Coord, Coord, Coord]  # lon_min, lat_min, lon_max, lat_max
    attribution: str

    @field_validator("polygons")
    @classmethod
    def _on_earth(cls, value: dict[str, tuple[Ring, ...]]) -> dict[str, tuple[Ring, ...]]:
        """Every point a finite (lon, lat) on the globe: a drawn map cannot hold 1e300."""
        for code, rings in value.items():
            for ring in rings:
                for lon, lat in ring:
                    if not (_lon_ok(lon) and _lat_ok(lat)):
                        raise ValueError(f"area {code}: point ({lon}, {lat}) is not on the globe")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> MapData:
        """Every hex and neighbour names an area the map draws (no stray codes)."""
        drawn = set(self.polygons)
        if set(self.hex) != drawn:
            odd = sorted(set(self.hex) ^ drawn)[0]
            raise ValueError(f"area {odd} has a hex or an outline but not both")
        for code, near in self.neighbours.items():
            stray = [n for n in (code, *near) if n not in drawn]
            if stray:
                raise ValueError(f"neighbours of {code}: {stray[0]} is not an area on the map")
        return self

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        lon0, lat0, lon1, lat1 = value
        if not (_lon_ok(lon0) and _lon_ok(lon1) and _lat_ok(lat0) and _lat_ok(lat1)):
            raise ValueError(f"bbox {value} is not on the globe")
        if lon0 >= lon1 or lat0 >= lat1:
            raise ValueError(f"bbox {value} is empty (min must be below max)")
        return value


def _lon_ok(lon: float) -> bool:
    return math.isfinite(lon) and -180.0 <= lon <= 180.0


def _lat_ok(lat: float) -> bool:
    return math.isfinite(lat) and -90.0 <= lat <= 90.0
