"""A class team that lets every year run out funds nothing: its final report's verdict says
so, instead of "the money bought too few jobs: - per net new job" (there was no money spent
and no cost per job). And no verdict speaks of "your ten years" in a five-year class game."""

from __future__ import annotations

import pytest

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.models import ClassSettings


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def test_a_team_that_did_nothing_is_told_nothing_was_built(world, sqlite_url):
    from game.room.store import RoomStore

    store = RoomStore(sqlite_url)
    try:
        info, _ = store.create_room("9X geography", kind="class")
        clock = ManualClock()
        g = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
        g.join("Idle")
        for _ in range(5):
            g.start_round()
            clock.advance(240)  # time-up: every card deferred
            g.tick()
        session = g.teams["idle"].session
        assert not session.funded
        report = session.census_report("final")
        first = report.verdict_lines[0]
        assert report.ending in ("mob", "mixed")
        assert first.key.endswith(".nothing_built"), first.key
        assert "nothing new was paid for" in report.verdict
        assert "per net new job" not in report.verdict and " - " not in report.verdict
        assert "ten years" not in report.verdict
    finally:
        store.close()
