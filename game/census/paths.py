"""Where the shipped extracts and the shared raw data live by default."""

from __future__ import annotations

from pathlib import Path

from game.resources import data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CENSUS_DIR = data_dir() / "census"
# The repository is cloned next to shared/ (in CI too), so raw data is found relative to it.
DEFAULT_RAW_DIR = REPO_ROOT.parent / "shared" / "census-raw"
