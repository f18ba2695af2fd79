"""Rooms in the game window (headless): join a hub by its address, answer "about you",
send an idea and support one, and see "You and the room" after a finished game."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from game.play import Consult, Fund, GameSession, Reject
from game.room.server import ServerThread, create_app
from game.room.store import RoomStore


@pytest.fixture
def hub(tmp_path):
    store = RoomStore(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    info, token = store.create_room("Hartlepool library, 5 Dec")
    server = ServerThread(create_app(store)).start()
    yield server.url, info.code, token, store
    server.stop()
    store.close()


def _short_game(world, seed: int) -> GameSession:
    s = GameSession.new(world, "Hartlepool", seed=seed, years=2)
    cards = sorted(s.proposals, key=lambda c: (c.cost, c.id))
    assert s.act(Fund(card_id=cards[0].id)).ok
    assert s.act(Reject(card_id=cards[1].id)).ok
    assert s.act(Consult(card_id=cards[2].id, group_id="older_people")).ok
    while not s.finished:
        s.advance_year()
    return s


def _shot(pilot, name: str) -> None:
    where = os.environ.get("CIVIC_SHOTS_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        pilot.screenshot(Path(where) / name)


def test_join_about_you_ideas_and_you_and_the_room(make_app, world, hub):
    from game.client.scenes.room import IdeasScene, JoinRoomScene, YouAndRoomScene
    from game.client.scenes.title import TitleScene

    url, code, token, store = hub
    app, pilot = make_app()
    app.ctx.room = None
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    app.stack.push(JoinRoomScene(app))
    pilot.until_scene("room_join")
    pilot.focus_to("address")
    pilot.type(f"{url}/r/{code}")
    pilot.focus_to("label")
    pilot.type("Table 3")
    _shot(pilot, "room_join.png")
    pilot.click("join")
    join = app.stack.top
    assert join.job is not None, join.message
    join.job.result(timeout=15)  # the scene polls it; the test waits on it (no frame budget)
    pilot.frame(3)
    assert app.stack.top is not join, join.message
    pilot.until_scene("room_about")
    assert app.ctx.room is not None and app.ctx.room.code == code
    assert store.room(code).players == 1
    pilot.click("age_25_44")
    pilot.click("link_live")
    _shot(pilot, "room_about.png")
    pilot.click("about_done")
    pilot.until_scene("title")
    about = app.ctx.room.about
    assert (about.age_band, about.area_link) == ("25_44", ["live"])

    # another game in the room first, so the shares are not all 100 %
    other = app.ctx.room.__class__.hub(
        f"{url}/r/{code}", outbox_dir=app.ctx.save_path.parent / "o2"
    )
    other.join(None).result(timeout=10)
    other.finish(_short_game(world, seed=12)).result(timeout=30)
    other.close()

    app.ctx.session = _short_game(world, seed=11)
    app.stack.push(YouAndRoomScene(app))
    pilot.until_scene("you_and_room")
    app.stack.top.job.result(timeout=30)
    pilot.frame(3)
    view = app.stack.top.view
    assert view.plans == 2
    [mine] = [p for p in store.plans(code) if p.label == "Table 3"]
    assert mine.about.age_band == "25_44"
    pilot.frame(2)
    text = " ".join(pilot.texts())
    assert f"of {view.plans}" in text or "o " in text
    _shot(pilot, "you_and_room.png")

    pilot.click("ideas")
    pilot.until_scene("room_ideas")
    pilot.focus_to("idea")
    pilot.type("A lido on the headland")
    pilot.click("group_young_families")
    pilot.click("idea_send")
    ideas = app.stack.top
    assert ideas.sent is not None, ideas.message
    ideas.sent.result(timeout=15)
    pilot.frame(3)
    assert ideas.message.startswith("Sent.")
    [idea] = store.ideas(code)
    assert (idea.text, idea.groups, idea.status) == (
        "A lido on the headland",
        ["young_families"],
        "pending",
    )
    httpx.post(
        f"{url}/api/rooms/{code}/ideas/{idea.id}/moderate",
        json={"status": "approved"},
        headers={"Authorization": f"Bearer {token}"},
    ).raise_for_status()
    app.stack.pop()
    app.stack.push(IdeasScene(app))
    pilot.until_scene("room_ideas")
    if app.stack.top.listing is not None:  # (it may have arrived already)
        app.stack.top.listing.result(timeout=15)
    pilot.frame(3)
    pilot.click(f"support_{idea.id}")
    app.ctx.room.ideas().result(timeout=15)  # the link's one worker: the support went first
    assert store.ideas(code)[0].supports == 1
    pilot.frame(2)
    _shot(pilot, "room_ideas.png")
    app.ctx.room.close()
