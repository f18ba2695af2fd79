"""Fixtures for the PLAY tests: the synthetic world and toy engine (fast rule tests)."""

from __future__ import annotations

import pytest
from play_fakes import fake_factory, make_catalogue, make_world

from game.play import GameSession


@pytest.fixture(scope="session")
def toy_world():
    return make_world()


@pytest.fixture(scope="session")
def toy_catalogue():
    return make_catalogue()


@pytest.fixture
def toy_session(toy_world, toy_catalogue):
    return GameSession.new(
        toy_world, "Oldtown", seed=3, catalogue=toy_catalogue, engine_factory=fake_factory
    )
