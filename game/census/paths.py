"""Where the shipped census extracts live, and where the build steps find the raw downloads.

The shipped extracts are found through game.resources (checkout or installed package). The
raw official files (`census-raw`, `rates-raw`) are only read when rebuilding data/ — never
by the game — and sit in a `shared` folder: $CIVIC_FUTURES_SHARED_DIR when set, else
`../shared` relative to the current directory (the repository is cloned next to shared/,
in CI too, and the build is run from the repository root).
"""

from __future__ import annotations

import os
from pathlib import Path

from game.resources import data_dir

SHARED_DIR_ENV = "CIVIC_FUTURES_SHARED_DIR"
DEFAULT_CENSUS_DIR = data_dir() / "census"


def shared_dir() -> Path:
    """The folder of raw downloads (relative paths resolve against the current directory)."""
    return Path(os.environ.get(SHARED_DIR_ENV) or Path("..") / "shared")


def default_raw_dir() -> Path:
    """The raw ONS census downloads the build script reads by default."""
    return shared_dir() / "census-raw"
