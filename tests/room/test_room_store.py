"""The room store on SQLite and on a real PostgreSQL: idempotent writes, moderation,
supports, erasure, concurrent writers."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from room_samples import decision, idea, plan

from game.room.models import JoinIn
from game.room.store import RoomNotFound, RoomStore


def test_a_room_has_a_six_character_code_and_a_token_only_it_accepts(store):
    info, token = store.create_room("Hartlepool library, 5 Dec")
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", info.code)
    assert store.check_token(info.code, token)
    assert not store.check_token(info.code, token + "x")
    assert not store.check_token(info.code, None)
    assert store.room("hartlepool library, 5 dec").code == info.code  # by name too
    with pytest.raises(RoomNotFound):
        store.room("ZZZZZZ")


def test_a_plan_sent_twice_is_stored_once_and_reads_back_unchanged(store):
    info, _ = store.create_room("r")
    p = plan(
        1,
        [
            decision("funded", "park"),
            decision("consulted", "business_park", group_id="older_people"),
        ],
    )
    first, again = store.add_plan(info.code, p), store.add_plan(info.code, p)
    assert not first.duplicate and again.duplicate and again.id == first.id
    assert store.plans(info.code) == [p]
    assert store.room(info.code).plans == 1


def test_ideas_wait_for_approval_and_take_one_support_per_player(store):
    info, _ = store.create_room("r")
    a = store.add_idea(info.code, idea(1, "<script>alert(1)</script>"))
    b = store.add_idea(info.code, idea(2, "More buses after 10pm", player=2))
    assert [i.status for i in store.ideas(info.code)] == ["pending", "pending"]
    with pytest.raises(KeyError):
        store.support(info.code, a.id, "player-0009")  # pending: cannot be supported
    store.moderate(info.code, a.id, "approved")
    store.moderate(info.code, b.id, "approved")
    assert not store.support(info.code, b.id, "player-0009").duplicate
    assert store.support(info.code, b.id, "player-0009").duplicate
    store.support(info.code, b.id, "player-0010")
    store.support(info.code, a.id, "player-0010")
    ranked = store.ideas(info.code, status="approved")
    assert [(i.id, i.supports) for i in ranked] == [(b.id, 2), (a.id, 1)]
    assert ranked[1].text == "<script>alert(1)</script>"  # stored as text, as typed


def test_delete_room_erases_every_row_of_that_room_only(store):
    keep, _ = store.create_room("keep")
    gone, _ = store.create_room("gone")
    for code in (keep.code, gone.code):
        store.join(code, JoinIn(player_key="player-0001", label="Table 1"))
        store.add_plan(code, plan(1, [decision("funded", "park")]))
        i = store.add_idea(code, idea(1))
        store.moderate(code, i.id, "approved")
        store.support(code, i.id, "player-0002")
    counts = store.delete_room(gone.code)
    assert counts == {
        "class_decisions": 0,
        "class_rounds": 0,
        "class_teams": 0,
        "decisions": 1,
        "approvals": 2,
        "supports": 1,
        "ideas": 1,
        "plans": 1,
        "players": 1,
        "rooms": 1,
    }
    assert [r.name for r in store.rooms()] == ["keep"]
    assert store.room(keep.code).plans == 1 and len(store.ideas(keep.code)) == 1
    with pytest.raises(RoomNotFound):
        store.plans(gone.code)


def test_concurrent_writers_store_each_plan_exactly_once(db_url):
    store = RoomStore(db_url)
    info, _ = store.create_room("busy")
    plans = [plan(n, [decision("funded", "park")]) for n in range(12)]
    sends = plans * 3  # every plan sent three times, interleaved
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda p: store.add_plan(info.code, p), sends))
    assert sum(not r.duplicate for r in results) == 12
    assert sorted(p.plan_key for p in store.plans(info.code)) == sorted(p.plan_key for p in plans)
    store.close()


def test_reopening_a_store_keeps_its_rows(db_url):
    s1 = RoomStore(db_url)
    info, token = s1.create_room("r")
    s1.add_plan(info.code, plan(1, []))
    s1.close()
    s2 = RoomStore(db_url)
    assert s2.room(info.code).plans == 1 and s2.check_token(info.code, token)
    s2.close()
