"""Fixtures for census tests: the shipped world, and the shared raw data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.census import load_world
from game.census.paths import SHARED_DIR_ENV, default_raw_dir
from game.model.world import World


@pytest.fixture(scope="session")
def world() -> World:
    return load_world()


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    # CI clones the repo next to shared/; a missing folder is a failure, never a skip.
    raw = default_raw_dir()
    if not raw.is_dir():
        pytest.fail(
            f"raw census data not found at {raw.resolve()} (run from a clone next to shared/, "
            f"or set {SHARED_DIR_ENV})"
        )
    return raw
