"""Client fixtures: a headless app on the real census world, with its own data folder."""

from __future__ import annotations

import pytest

from game.client.app import App
from game.client.context import AppContext
from game.client.pilot import Pilot
from game.client.settings import Settings


@pytest.fixture(scope="session")
def world():
    from game.census import load_world

    return load_world()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_app(data_dir, world):
    """Build apps that play deterministically: fixed seed, no threads, no animation."""
    apps: list[App] = []

    def make(**overrides) -> tuple[App, Pilot]:
        options = dict(
            settings=Settings(seen_how_to_play=True),  # a returning player (first run: tests)
            seed=7,
            threaded=False,
            animate=False,
            persist_settings=False,
            world_loader=lambda _dir: world,
        )
        options.update(overrides)
        ctx = AppContext(**options)
        ctx.start_loading()
        app = App(ctx, headless=True)
        apps.append(app)
        return app, Pilot(app)

    yield make
    for app in apps:
        app.close()


@pytest.fixture
def title(make_app):
    from game.client.scenes.title import TitleScene

    app, pilot = make_app()
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    return app, pilot
