"""RoomLink, the game's handle on a room: a hub (with the background outbox sender) or the
local store for a stand, driven by real short games."""

from __future__ import annotations

import time

import httpx
import pytest
from room_games import play_short_game

from game.room.client import RoomLink
from game.room.server import HubSettings, ServerThread, create_app


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def test_a_game_joins_a_hub_sends_its_plan_and_idea_and_sees_the_room(hub, world, tmp_path):
    link = RoomLink.hub(f"{hub.url}/r/{hub.code}", outbox_dir=tmp_path / "outbox")
    try:
        assert link.join("Table 1").result(timeout=10).code == hub.code
        assert link.name == "Hartlepool library, 5 Dec"
        game = play_short_game(world, seed=3)
        job = link.finish(game)
        assert link.finish(game) is job  # the final report opened twice: sent once
        you = job.result(timeout=30)
        assert you is not None and you.plans == 1
        assert all(d.share == 1.0 for d in you.decisions)
        [stored] = hub.store.plans(hub.code)
        assert stored.label == "Table 1" and stored.player_key == link.player_key
        link.idea("A lido on the headland", "green_space", ["young_families"]).result(timeout=10)
        assert link.ideas().result(timeout=10) == []  # waiting for the facilitator
        [idea] = hub.store.ideas(hub.code)
        httpx.post(
            f"{hub.api}/ideas/{idea.id}/moderate", json={"status": "approved"}, headers=hub.auth
        ).raise_for_status()
        assert [i.text for i in link.ideas().result(timeout=10)] == ["A lido on the headland"]
        assert link.support(idea.id).result(timeout=10)
        assert hub.store.ideas(hub.code)[0].supports == 1
    finally:
        link.close()


def test_a_plan_finished_while_the_hub_is_down_arrives_when_it_is_back(hub, world, tmp_path):
    link = RoomLink.hub(f"{hub.url}/r/{hub.code}", outbox_dir=tmp_path / "outbox")
    try:
        link.join(None).result(timeout=10)
        hub.server.stop()
        assert link.finish(play_short_game(world, seed=4)).result(timeout=30) is None
        assert len(link.backend.outbox.pending()) == 1
        port = int(hub.url.rsplit(":", 1)[1])
        with ServerThread(create_app(hub.store, HubSettings()), port=port):
            link.sender.poke()
            deadline = time.monotonic() + 15
            while hub.store.room(hub.code).plans == 0:
                assert time.monotonic() < deadline, "the outbox sender never resent"
                time.sleep(0.1)
                link.sender.poke()
        assert [p.plan_key for p in hub.store.plans(hub.code)] == [link.last_plan.plan_key]
    finally:
        link.close()


def test_a_stand_records_each_visitor_into_the_local_store(world, sqlite_url):
    link = RoomLink.local("Hartlepool library, 5 Dec", sqlite_url)
    try:
        link.join(None).result(timeout=10)
        first_player = link.player_key
        link.finish(play_short_game(world, seed=5)).result(timeout=30)
        link.new_player()
        assert link.player_key != first_player
        link.join(None).result(timeout=10)
        you = link.finish(play_short_game(world, seed=5)).result(timeout=30)
        assert you is not None and you.plans == 2
        assert all(d.plans_same == 2 for d in you.decisions)  # same seed, same moves
        rooms = link.backend.store.rooms()
        assert [(r.name, r.players, r.plans) for r in rooms] == [
            ("Hartlepool library, 5 Dec", 2, 2)
        ]
    finally:
        link.close()
