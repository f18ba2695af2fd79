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
    url, code, token, store = hub
    app, pilot = make_app()
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    _shot(pilot, "room_title.png")
    pilot.click("join_room")  # the title screen's "Join a room"
    pilot.until_scene("room_join")
    pilot.type(f"{url}/r/{code}")  # the cursor starts in the address box
    pilot.focus_to("label")
    pilot.type("Table 3")
    _shot(pilot, "room_join.png")
    pilot.click("join")
    join = app.stack.top
    assert join.job is not None, join.message
    join.job.result(timeout=15)  # the scene polls it; the test waits on it (no frame budget)
    pilot.frame(3)
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
    assert app.stack.top.find_button("join_room") is None  # in a room now
    assert any(code in t or "Hartlepool library" in t for t in pilot.texts())

    # another game in the room first, so the shares are not all 100 %
    other = type(app.ctx.room).hub(f"{url}/r/{code}", outbox_dir=app.ctx.save_path.parent / "o2")
    other.join(None).result(timeout=10)
    other.finish(_short_game(world, seed=12)).result(timeout=30)
    other.close()

    # the final report of a finished game sends the plan and offers "You and the room"
    app.ctx.session = _short_game(world, seed=11)
    app.stack.push(app.screens.report("final"))
    pilot.until_scene("final_report")
    app.ctx.room.finish(app.ctx.session).result(timeout=30)
    [mine] = [p for p in store.plans(code) if p.label == "Table 3"]
    assert mine.about.age_band == "25_44" and mine.about.area_link == ["live"]
    pilot.frame(2)
    _shot(pilot, "room_final_report.png")
    pilot.click("you_and_room")
    pilot.until_scene("you_and_room")
    pilot.frame(3)
    view = app.stack.top.view
    assert view is not None and view.plans == 2
    text = " ".join(pilot.texts())
    for d in view.decisions:
        assert d.name in text and f"{d.plans_same} of 2" in text
    _shot(pilot, "you_and_room.png")
    assert len(store.plans(code)) == 2  # opening the view did not send the plan again

    pilot.click("ideas")
    pilot.until_scene("room_ideas")
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
    app.stack.push(app.screens.room_ideas())
    pilot.until_scene("room_ideas")
    if app.stack.top.listing is not None:  # (it may have arrived already)
        app.stack.top.listing.result(timeout=15)
    pilot.frame(3)
    pilot.click(f"support_{idea.id}")
    app.ctx.room.ideas().result(timeout=15)  # the link's one worker: the support went first
    assert store.ideas(code)[0].supports == 1
    pilot.frame(2)
    _shot(pilot, "room_ideas.png")


class _Clock:
    """The stand's clock, moved by the test (no sleeping)."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_a_stand_records_each_finished_game_and_asks_each_visitor_about_themselves(
    make_app, world, tmp_path
):
    from game.room.client import RoomLink

    db = f"sqlite:///{tmp_path / 'stand.sqlite3'}"
    from game.play.kiosk import KioskConfig

    clock = _Clock()
    cfg = KioskConfig(idle_s=30, countdown_s=10, pin="2468")
    app, pilot = make_app(kiosk=cfg, clock=clock)
    app.ctx.room = RoomLink.local("Hartlepool library, 5 Dec", db)
    app.stack.push(app.screens.title())
    pilot.until_scene("attract")  # a stand opens on its attract screen, no "Join a room"
    pilot.click("play")
    pilot.until_scene("room_about")  # asked before the game, once per visitor
    pilot.click("about_skip")
    first = app.ctx.room.player_key
    app.ctx.session = _short_game(world, seed=11)
    app.stack.push(app.screens.report("final"))
    pilot.until_scene("final_report")
    app.ctx.room.finish(app.ctx.session).result(timeout=30)  # recorded with no click
    clock.t += 31  # the visitor walks away: "Still there?"
    pilot.frame(2)
    clock.t += 10  # ... runs out
    pilot.frame(2)
    pilot.until_scene("attract")
    assert app.ctx.room.player_key != first and not app.ctx.room.about_asked
    pilot.click("play")
    pilot.until_scene("room_about")  # the next visitor is asked again
    store = app.ctx.room.backend.store
    [room] = store.rooms()
    assert (room.plans, room.name) == (1, "Hartlepool library, 5 Dec")
    assert store.plans(room.code)[0].about is None  # skipped: nothing about them


def test_play_join_an_unreachable_room_is_one_line_and_exit_2(data_dir, capsys):
    from game.cli import main

    assert main(["play", "--join", "http://127.0.0.1:9/r/ABC234"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: --join http://127.0.0.1:9/r/ABC234: cannot reach the room")


def test_the_in_game_menu_opens_the_ideas_box_in_a_room(make_app, world, tmp_path):
    from game.room.client import RoomLink

    app, pilot = make_app()
    app.stack.push(app.screens.menu())
    pilot.until_scene("menu")
    assert app.stack.top.find_button("ideas") is None  # not in a room: no ideas box
    app.stack.pop()
    app.ctx.room = RoomLink.local("Year 9", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    app.stack.push(app.screens.menu())
    pilot.until_scene("menu")
    _shot(pilot, "room_menu.png")
    pilot.click("ideas")
    pilot.until_scene("room_ideas")
    pilot.type("Night buses to the hospital")
    pilot.click("idea_send")
    app.stack.top.sent.result(timeout=15)
    [idea] = app.ctx.room.backend.store.ideas(app.ctx.room.code)
    assert idea.text == "Night buses to the hospital" and idea.status == "pending"


def test_a_finger_writes_an_idea_on_the_on_screen_keys_at_a_stand(make_app, world, tmp_path):
    """The ideas box is reachable at a stand joined to a room (the menu): its text box
    brings up the keys when tapped, the keys hide the buttons they cover until Done."""
    import pygame

    from game.client.scene import H, W
    from game.play.kiosk import KioskConfig
    from game.room.client import RoomLink

    def tap(pos):
        common = dict(touch_id=1, finger_id=1, x=pos[0] / W, y=pos[1] / H, dx=0.0, dy=0.0)
        for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
            app.step(events=[pygame.event.Event(kind, pressure=1.0, **common)])
        app.step()

    def tap_button(name):
        b = pilot.scene.find_button(name)
        assert b is not None and b.visible and b.is_enabled, name
        tap(b.rect.center)

    app, pilot = make_app(kiosk=KioskConfig(idle_s=300, pin="2468"))
    app.ctx.room = RoomLink.local("Library stand", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    app.stack.push(app.screens.room_ideas())
    pilot.until_scene("room_ideas")
    scene = pilot.scene
    category = scene.find_button("idea_category")
    tap(scene.entries["idea"].rect.center)
    assert scene.find_button("osk_b").visible and not category.visible
    for key in ["b", "u", "s", "e", "s", "space", "2", "4", "space", "h", "o", "u", "r", "s"]:
        tap_button(f"osk_{key}")
    tap_button("osk_.")
    assert scene.value("idea") == "Buses 24 hours."
    _shot(pilot, "room_ideas_keyboard.png")
    tap_button("osk_done")
    assert category.visible and not scene.find_button("osk_b").visible
    tap_button("idea_send")
    scene.sent.result(timeout=15)
    [idea] = app.ctx.room.backend.store.ideas(app.ctx.room.code)
    assert idea.text == "Buses 24 hours."
