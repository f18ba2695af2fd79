"""Where the shipped data and assets are: the one place that knows.

In a checkout (or an editable install) they sit beside the package, at the repository's
top level (`data/`, `assets/`), as the project was laid out. A built wheel carries them
inside the package as `game/_data` and `game/_assets` (see `[tool.hatch.build]` in
pyproject.toml), so the same code finds them in site-packages.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _locate(packaged: str, top_level: str) -> Path:
    inside = files("game").joinpath(packaged)
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parent.parent / top_level


def data_dir() -> Path:
    """The shipped `data/` folder (census extracts, parameters, catalogue, play rules)."""
    return _locate("_data", "data")


def assets_dir() -> Path:
    """The shipped `assets/` folder (fonts, theme, translations)."""
    return _locate("_assets", "assets")


def docs_dir() -> Path:
    """The shipped `docs/` pages a running game serves (the teacher's pack, docs/teachers)."""
    return _locate("_docs", "docs")
