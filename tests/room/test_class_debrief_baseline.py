"""The debrief's black line and 'vs ...' column say what the baseline is. The engine's
no-new-projects baseline never feels a thrown shock, so after one a team that built
nothing ends below it: called plain 'No new projects', pupils read that doing nothing
lost people. The label must then say 'no shock'."""

from __future__ import annotations

import pytest

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.models import ClassSettings
from game.room.classroom.pages import debrief_context


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _debrief(world, sqlite_url, shock: str | None):  # noqa: ANN001, ANN202
    from game.room.store import RoomStore

    store = RoomStore(sqlite_url)
    try:
        info, _ = store.create_room("9X geography", kind="class")
        clock = ManualClock()
        g = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
        g.join("Idle")
        for rnd in range(1, 6):
            if rnd == 3 and shock:
                g.throw_shock(shock)
            g.start_round()
            clock.advance(240)  # time-up: the idle team defers everything
            g.tick()
        d = g.debrief()
        return d, debrief_context(d)
    finally:
        store.close()


def test_after_a_shock_the_baseline_is_named_no_new_projects_no_shock(world, sqlite_url):
    d, ctx = _debrief(world, sqlite_url, "employer_closes")
    idle = d.teams[0]
    assert idle.population < idle.population_baseline  # the shock, not any project
    assert ctx["baseline_name"] == "No new projects, no shock"
    assert "no new projects, no shock" in ctx["charts"]["population"]  # the alt text


def test_with_no_shock_the_baseline_is_plain_no_new_projects(world, sqlite_url):
    d, ctx = _debrief(world, sqlite_url, None)
    assert ctx["baseline_name"] == "No new projects"
    assert abs(d.teams[0].population - d.teams[0].population_baseline) < 1.0
