"""Fixtures for model tests."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.model.world import World


@pytest.fixture(scope="session")
def world() -> World:
    return load_world()
