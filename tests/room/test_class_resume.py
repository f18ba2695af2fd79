"""A class rebuilt from its store (game.room.classroom.resume) is the class it was: teams
and their games (replayed from their saves, shocks included), decisions, the round and its
phase, a shock thrown in this break, the teams' own areas. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from game.play import Fund
from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassError, ClassGame
from game.room.classroom.models import ClassSettings
from game.room.classroom.resume import in_progress, resume, stored_settings


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _again(store, code, world):  # noqa: ANN001, ANN202 - the hub started again
    settings = stored_settings(_cs(store, code))
    assert settings is not None
    game = ClassGame(store, code, world, settings, ManualClock())
    return game, resume(game)


def _cs(store, code):  # noqa: ANN001, ANN202
    from game.room.store.classes import ClassStore

    return ClassStore(store, code)


def _same(a: ClassGame, b: ClassGame) -> None:
    assert (a.round, a.phase, a.settings) == (b.round, b.phase, b.settings)
    assert [(n, s.id) for n, s in a.thrown] == [(n, s.id) for n, s in b.thrown]
    assert list(a.teams) == list(b.teams)
    for key, ta in a.teams.items():
        tb = b.teams[key]
        sa, sb = ta.session, tb.session
        assert (sa.area.code, sa.year, sa.money, sa.clout) == (
            sb.area.code,
            sb.year,
            sb.money,
            sb.clout,
        )
        assert sa.checksums == sb.checksums and sa.to_save() == sb.to_save()
        assert [d.model_dump() for d in ta.decisions] == [d.model_dump() for d in tb.decisions]
        if a.phase in ("playing", "paused"):  # cards decided in the round in play
            assert ta.decided == tb.decided


def test_a_class_between_years_with_a_shock_thrown_resumes_as_it_was(world, store):
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    settings = ClassSettings(years=5, round_minutes=3, each_own_area=True)
    g = ClassGame(store, info.code, world, settings, clock)
    assert not in_progress(_cs(store, info.code))
    g.join("Red")
    g.join("Blue", "Middlesbrough")
    for _ in range(2):
        g.start_round()
        card = min(g.team_state("Red").proposals, key=lambda c: c.cost)
        assert g.act("Red", Fund(card_id=card.id)).ok
        clock.advance(180)
        g.tick()
    g.throw_shock("flood")  # thrown in this break: the next round carries it
    again, line = _again(store, info.code, world)
    assert line == "year 2 of 5 done: start year 3 when ready"
    _same(g, again)
    assert again.pending_shock is not None and again.pending_shock.id == "flood"
    assert again.teams["blue"].session.area.name == "Middlesbrough"
    again.start_round()
    assert [r.shock_id for r in _cs(store, info.code).rounds()] == [None, None, "flood"]


def test_a_round_in_play_comes_back_paused_with_this_rounds_decisions(world, store):
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    g = ClassGame(store, info.code, world, ClassSettings(years=5, round_minutes=4), clock)
    g.join("Red")
    g.join("Idle")
    g.start_round()
    clock.advance(90)
    g.pause()  # 2:30 left when the hub stops
    card = min(g.team_state("Red").proposals, key=lambda c: c.cost)
    with pytest.raises(ClassError, match="wait for the teacher"):
        g.act("Red", Fund(card_id=card.id))
    g.resume()
    assert g.act("Red", Fund(card_id=card.id)).ok
    g.pause()
    again, line = _again(store, info.code, world)
    assert line is not None and "year 1 of 5 was in play: it is paused with 2:30 left" in line
    assert again.phase == "paused" and again.timer.remaining() == pytest.approx(150)
    assert again.teams["red"].decided == {card.id}
    g.phase = "paused"
    _same(g, again)
    again.resume()
    again.end_round()  # Red's funded card is not deferred for it; the rest are
    red = [d for d in again.teams["red"].decisions if d.round_number == 1]
    assert [(d.kind, d.auto) for d in red][0] == ("funded", False)
    assert all(d.auto and d.kind == "deferred" for d in red[1:])
    assert card.id not in {d.card_id for d in red[1:]}


def test_a_finished_class_resumes_at_its_debrief_without_filing_its_plans_twice(world, store):
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    g = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
    g.join("Red")
    for rnd in range(5):
        if rnd == 1:
            g.throw_shock("recession")
        g.start_round()
        g.end_round()
    assert g.phase == "debrief" and len(store.plans(info.code)) == 1
    again, line = _again(store, info.code, world)
    assert line == "the class has finished all 5 years: the debrief is open"
    assert again.phase == "debrief" and len(store.plans(info.code)) == 1
    assert again.debrief().shocks == [(1, "A national recession")]
    assert again.debrief().teams[0].population == pytest.approx(g.debrief().teams[0].population)


def test_a_class_with_nothing_played_is_not_in_progress(world, store):
    info, _ = store.create_room("9X geography", kind="class")
    ClassGame(store, info.code, world, ClassSettings(years=10), ManualClock())
    cs = _cs(store, info.code)
    assert not in_progress(cs) and stored_settings(cs) == ClassSettings(years=10)
    game = ClassGame(store, info.code, world, ClassSettings(), ManualClock())
    assert resume(game) is None and game.phase == "lobby"
