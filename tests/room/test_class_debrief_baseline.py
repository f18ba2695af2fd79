"""The debrief's black line is "no new projects, same shock": a game with nothing funded in
the same area, hit by the same shock in the same year. (It used to be the engine's own
baseline, which never feels a shock, labelled "no new projects, no shock": a team that
built nothing then sat below it, and pupils read that doing nothing had lost people.)"""

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
        return d, debrief_context(d), g
    finally:
        store.close()


def test_after_a_shock_the_line_is_no_new_projects_with_the_same_shock(world, sqlite_url):
    d, ctx, _ = _debrief(world, sqlite_url, "employer_closes")
    idle = d.teams[0]
    line = d.baselines[idle.area_code]
    # a team that funded nothing IS the line: the shock moved both alike
    assert [v for _, v in idle.population_series] == pytest.approx([v for _, v in line.population])
    assert [v for _, v in idle.jobs_series] == pytest.approx([v for _, v in line.jobs])
    assert abs(idle.population_vs_baseline) < 1.0
    assert idle.population < idle.population_baseline  # the engine's own line has no shock
    assert ctx["baseline_name"] == "No new projects, same shock"
    assert "no new projects, same shock" in ctx["charts"]["population"]  # the alt text
    assert "no shock" not in str(ctx["charts"]["population"])


def test_with_no_shock_the_line_is_the_engines_own_baseline(world, sqlite_url):
    d, ctx, g = _debrief(world, sqlite_url, None)
    assert ctx["baseline_name"] == "No new projects"
    idle = d.teams[0]
    own = g.teams["idle"].session.series("population")
    assert [v for _, v in d.baselines[idle.area_code].population] == pytest.approx(
        [p.baseline for p in own]
    )
    assert abs(idle.population - idle.population_baseline) < 1.0
