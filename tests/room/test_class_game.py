"""A class game's rounds on a hand-driven clock (no sleeping): time-up ends the year for
every team, including one that did nothing; pause, resume, add a minute, end early."""

from __future__ import annotations

import pytest

from game.play import Fund
from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassError, ClassGame
from game.room.classroom.models import ClassSettings
from game.room.store.classes import ClassStore


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


@pytest.fixture
def game(world, sqlite_url):
    from game.room.store import RoomStore

    store = RoomStore(sqlite_url)
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    g = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
    yield g, clock
    store.close()


def test_time_up_ends_the_year_for_every_team_even_one_that_did_nothing(game):
    g, clock = game
    g.join("Busy")
    g.join("Idle")
    with pytest.raises(ClassError, match="teacher to start"):
        g.act("Busy", Fund(card_id="c01"))
    g.start_round()
    busy = g.team_state("Busy")
    cheapest = min(busy.proposals, key=lambda c: c.cost)
    assert g.act("Busy", Fund(card_id=cheapest.id)).ok
    clock.advance(4 * 60 - 1)
    assert g.status().phase == "playing"
    assert g.status().remaining_seconds == pytest.approx(1)
    clock.advance(1)
    status = g.status()  # any request notices time is up
    assert status.phase == "between" and status.round == 1
    assert [t.year for t in status.teams] == [2022, 2022]
    idle = ClassStore(g.store, g.code).decisions()
    auto = [d for d in idle if d.team == "Idle"]
    assert auto and all(d.kind == "deferred" and d.auto for d in auto)  # nothing taken
    assert len(auto) == len(busy.proposals)
    assert [(d.kind, d.auto) for d in idle if d.team == "Busy"][0] == ("funded", False)
    [r1] = ClassStore(g.store, g.code).rounds()
    assert r1.ended_by == "time"
    with pytest.raises(ClassError, match="teacher to start"):
        g.act("Idle", Fund(card_id=cheapest.id))


def test_pause_resume_add_a_minute_and_end_early(game):
    g, clock = game
    g.join("Red")
    g.start_round()
    clock.advance(60)
    g.pause()
    clock.advance(600)  # paused: the clock on the wall moves, the round's does not
    st = g.status()
    assert (st.phase, st.remaining_seconds) == ("paused", pytest.approx(180))
    g.resume()
    g.add_minute()
    assert g.status().remaining_seconds == pytest.approx(240)
    clock.advance(239)
    assert g.status().phase == "playing"
    clock.advance(1)
    assert g.status().phase == "between"
    g.start_round()
    g.end_round()  # the teacher ends year 2 early
    assert (g.status().phase, g.status().round) == ("between", 2)
    assert [r.ended_by for r in ClassStore(g.store, g.code).rounds()] == ["time", "teacher"]


def test_teams_rejoin_by_name_but_new_teams_wait_for_the_next_game(game):
    g, _ = game
    first = g.join("Blue team")
    g.start_round()
    again = g.join("blue TEAM")
    assert again.rejoined and again.player_key == first.player_key
    with pytest.raises(ClassError, match="has started"):
        g.join("Latecomers")


def test_a_shock_is_thrown_between_rounds_only_and_once_per_break(game):
    g, clock = game
    g.join("Green")
    money = g.team_state("Green").money
    g.throw_shock("flood")
    assert g.team_state("Green").money < money  # repairs come off the money now
    with pytest.raises(ClassError, match="thrown already"):
        g.throw_shock("recession")
    g.start_round()
    with pytest.raises(ClassError, match="between rounds"):
        g.throw_shock("recession")
    clock.advance(240)
    news = g.team_state("Green").news
    assert news[0].key == "news.shock" and "Floodwater" in news[0].text
    assert ClassStore(g.store, g.code).rounds()[0].shock_id == "flood"


def test_the_ticker_ends_a_round_with_no_request_at_all(game):
    import threading

    from game.room.classroom.hub import start_ticker

    g, clock = game
    g.join("Quiet")
    g.start_round()
    clock.advance(240)  # time is up; nobody asks anything
    ended = threading.Event()
    original = g._close_round

    def spy(by: str) -> None:
        original(by)
        ended.set()

    g._close_round = spy  # type: ignore[method-assign]
    stop = start_ticker({g.code: g}, every=0.01)
    try:
        assert ended.wait(5)  # waits on an event, not a fixed sleep
    finally:
        stop.set()
    assert g.phase == "between" and g.round == 1
