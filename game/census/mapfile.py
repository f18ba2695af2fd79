"""Read data/census/map.json: simplified LAD outlines, hex cartogram and neighbours."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from game.census.paths import DEFAULT_CENSUS_DIR
from game.errors import DataError
from game.inputs import load_json
from game.model.mapdata import MapData

MAP_FILE = "map.json"
_CACHE: dict[Path, MapData] = {}


def load_map(census_dir: Path | str | None = None) -> MapData:
    folder = Path(census_dir) if census_dir is not None else DEFAULT_CENSUS_DIR
    path = folder / MAP_FILE
    if not path.exists() and not path.is_symlink():
        path = DEFAULT_CENSUS_DIR / MAP_FILE  # an analyst's folder need not carry the map
    key = path.resolve()
    if key not in _CACHE:
        if not path.exists() and not path.is_symlink():
            raise DataError(str(path), "file not found", hint="rebuild with game.census.build")
        try:
            doc = load_json(path)
            if not isinstance(doc, dict):
                raise DataError(str(path), "malformed map file (expected a JSON object)")
            _CACHE[key] = MapData(
                polygons=doc["polygons"],
                hex=doc["hex"],
                hex_layout=doc["hex_layout"],
                neighbours=doc["neighbours"],
                bbox=doc["bbox"],
                attribution=doc["attribution"],
            )
        except KeyError as exc:
            raise DataError(str(path), f"malformed map file (no {exc} key)") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            raise DataError(str(path), err["msg"], column=".".join(map(str, err["loc"]))) from None
    return _CACHE[key]
