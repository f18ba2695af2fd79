"""A class game in the window (issue 12, point 2), against a real hub on loopback: a pupil
joins from the title screen, waits in the lobby, plays the year the teacher starts with the
countdown on screen, and funds a card through the hub; the teacher's clock runs out and the
newspaper shows the hub's numbers; a shock thrown in the break leads the next newspaper; the
PC "crashes" and a new window rejoins by team name mid-round with the same game; after the
last round the final report agrees with the class debrief. The hub's round clock is a
ManualClock moved by the test (no sleeping beyond short polls)."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from class_hub import running_class

from game.client import fmt
from game.client.classplay import ClassPlay
from game.client.scene import H, W
from game.client.scenes.newspaper import NewspaperScene
from game.client.scenes.report import ReportScene
from game.client.scenes.year.class_year import ClassYearScene
from game.play import Fund
from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.server import HubSettings, ServerThread
from game.room.store import RoomStore

ROUND = 4 * 60.0


class StillClock:
    """The window's clock: still, so the countdown shows exactly the hub's last reading."""

    t = 0.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def class_hub(world, tmp_path):
    with running_class(world, tmp_path, "9X geography", round_minutes=4) as hub:
        yield hub


def _shot(pilot, name: str) -> None:
    where = os.environ.get("CIVIC_SHOTS_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        pilot.screenshot(Path(where) / name)


def _join(make_app, url: str, code: str, team: str):
    """A new window, from the title screen's "Join a room" to the class lobby."""
    app, pilot = make_app(threaded=True, clock=StillClock())
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    pilot.click("join_room")
    pilot.until_scene("room_join")
    pilot.type(f"{url}/r/{code}")
    pilot.focus_to("label")
    pilot.type(team)
    pilot.click("join")
    pilot.until_scene("class_lobby")
    play = app.ctx.class_game
    assert isinstance(play, ClassPlay)
    play.poll_every = 0.02  # the test's pace; a pupil's PC asks once a second
    return app, pilot, play


def _text(pilot) -> str:
    return "\n".join(pilot.texts())


def _until_text(pilot, piece: str) -> None:
    pilot.until(lambda: piece in _text(pilot), f"'{piece}' on screen")


def _control(teacher, what: str) -> None:
    r = teacher.post(f"/round/{what}")
    assert r.status_code == 200, r.text


def _tap(pilot, name: str) -> None:
    """A finger tap on a button (x, y as shares of the window), as on a touch screen."""
    button = pilot.scene.find_button(name)
    assert button is not None and button.is_enabled, (name, pilot.scene.name)
    x, y = button.rect.centerx / W, button.rect.centery / H
    common = dict(touch_id=1, finger_id=1, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0)
    pilot.app.step(events=[pygame.event.Event(pygame.FINGERDOWN, **common)])
    pilot.app.step(events=[pygame.event.Event(pygame.FINGERUP, **common)])
    pilot.app.step()


def _fund_cheapest(pilot, play: ClassPlay, tap: bool = False) -> str:
    scene = pilot.scene_as(ClassYearScene)
    s = scene.s
    card = min(
        (c for c in s.proposals if s.check(Fund(card_id=c.id)).ok), key=lambda c: (c.cost, c.id)
    )
    scene.show_card(card.id)
    if tap:
        _tap(pilot, f"fund_{card.id}")
    else:
        pilot.click(f"fund_{card.id}")
    pilot.until(lambda: scene.decision is None, "the hub's answer")
    assert any(p.card_id == card.id for p in s.funded), scene.status
    assert scene.focus.current.name == "charts"  # a second Enter cannot fund the next card
    return card.id


def _newspaper(pilot, game: ClassGame, team: str) -> NewspaperScene:
    hub = game.teams[team.casefold()].session
    pilot.until(
        lambda: (
            isinstance(pilot.scene, NewspaperScene)
            and pilot.scene.summary.turn == hub.turn
            and not pilot.app.stack.has_pending
        ),
        f"the newspaper for {hub.year}",
    )
    paper = pilot.scene_as(NewspaperScene)
    ours = hub.summaries[-1]
    assert paper.summary.model_dump() == ours.model_dump()  # the hub's year, number for number
    pilot.frame()
    assert fmt.money(hub.money) in _text(pilot)
    return paper


def test_a_pupil_plays_a_class_game_in_the_window(make_app, class_hub):
    url, code, teacher, clock, game = class_hub
    app, pilot, play = _join(make_app, url, code, "Red")
    _until_text(pilot, "Waiting for your teacher to start year 1 of 5 (2021)")
    assert "Red (your team)" in _text(pilot)
    _shot(pilot, "class_lobby.png")

    # the teacher starts year 1: the year screen opens by itself, with the countdown
    _control(teacher, "start")
    pilot.until_scene("class_year")
    _until_text(pilot, "4:00")
    assert "left this year" in _text(pilot)
    assert pilot.scene.find_button("end_year") is None  # the class ends the year, not a team
    card_id = _fund_cheapest(pilot, play, tap=True)  # a finger on a touch screen
    hub = game.teams["red"].session
    assert any(p.card_id == card_id for p in hub.funded)  # the hub took it first
    assert app.ctx.session.money == hub.money
    clock.advance(ROUND - 25)
    _until_text(pilot, "0:25")
    assert "Hurry!" in _text(pilot)
    _shot(pilot, "class_year_last_seconds.png")
    _control(teacher, "pause")
    _until_text(pilot, "Paused by your teacher")

    # time runs out: the newspaper has the hub's numbers, then the lobby waits for year 2
    _control(teacher, "resume")
    clock.advance(30)
    _newspaper(pilot, game, "Red")
    _tap(pilot, "next")
    _until_text(pilot, "Waiting for your teacher to start year 2 of 5 (2022)")

    # a shock in the break: told in the lobby, and it leads the next newspaper
    assert teacher.post("/shock", json={"shock_id": "employer_closes"}).status_code == 200
    _until_text(pilot, "News from your teacher")
    _control(teacher, "start")
    pilot.until_scene("class_year")
    _control(teacher, "end")
    paper = _newspaper(pilot, game, "Red")
    assert paper.summary.news[0].key == "news.shock"
    assert paper.summary.news[0].params["headline"] in _text(pilot)
    _shot(pilot, "class_newspaper_shock.png")

    # round 3: fund, then the PC crashes; a new window rejoins by name, in the same round
    _control(teacher, "start")
    pilot.until_scene("class_year")
    _fund_cheapest(pilot, play)
    app.close()
    app, pilot, play = _join(make_app, url, code, "red")
    assert play.rejoined and play.team == "Red"
    pilot.until_scene("class_year")
    mine, hub = app.ctx.session, game.teams["red"].session
    assert (mine.year, mine.money, mine.clout) == (hub.year, hub.money, hub.clout)
    assert [p.card_id for p in mine.funded] == [p.card_id for p in hub.funded]
    assert fmt.money(hub.money) in _text(pilot)

    # rounds 3-5 end on the teacher's word; after the last, the final report
    for _ in range(3):
        _control(teacher, "end")
        _newspaper(pilot, game, "Red")
        if game.phase != "debrief":
            _control(teacher, "start")
    pilot.click("next")
    pilot.until_scene("final_report")
    report = pilot.scene_as(ReportScene).report
    [row] = [t for t in teacher.get("/debrief").json()["teams"] if t["name"] == "Red"]
    assert row["population"] == pytest.approx(report.population_now)
    assert row["net_jobs"] == pytest.approx(report.net_additional_jobs)
    assert row["approval"] == pytest.approx(report.approval_overall)
    assert row["ending"] == report.ending
    assert pilot.scene.find_button("what_if") is None  # a class plays one line
    _shot(pilot, "class_final_report.png")
    pilot.click("done")  # back to the class's lobby, where the report stays to hand
    pilot.until_scene("class_lobby")
    _until_text(pilot, "The game is over")
    assert pilot.scene.find_button("report") is not None


def test_joining_a_class_needs_a_team_name_and_a_started_game_only_takes_its_teams(
    make_app, class_hub
):
    url, code, teacher, clock, game = class_hub
    app, pilot = make_app(threaded=True, clock=StillClock())
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    pilot.click("join_room")
    pilot.until_scene("room_join")
    pilot.type(f"{url}/r/{code}")
    pilot.click("join")
    join = pilot.scene
    pilot.until(lambda: join.job is None, "the hub's answer")
    assert join.message == "This is a class game: type your team's name in the second box."
    assert game.teams == {}  # nothing was joined

    game.join("Blue")
    _control(teacher, "start")
    pilot.focus_to("label")
    pilot.type("Purple")
    pilot.click("join")
    pilot.until(lambda: join.job is None, "the hub's answer")
    assert "no team is called 'Purple'" in join.message, join.message
    assert pilot.scene.name == "room_join" and app.ctx.class_game is None


def test_the_lobby_says_when_the_hub_cannot_be_reached_and_leaving_needs_a_yes(make_app, class_hub):
    url, code, teacher, clock, game = class_hub
    app, pilot, play = _join(make_app, url, code, "Green")
    _until_text(pilot, "Waiting for your teacher")
    play.link.api = play.link.api.replace(code, "ZZZZZZ")  # as if the hub lost the room
    _until_text(pilot, "Cannot reach your teacher's computer")
    pilot.click("leave")
    pilot.until_scene("confirm")
    pilot.click("no")
    pilot.until_scene("class_lobby")
    pilot.click("leave")
    pilot.until_scene("confirm")
    pilot.click("yes")
    pilot.until_scene("title")
    assert app.ctx.class_game is None and play.closed


def test_a_slow_hub_never_holds_up_a_frame(make_app, class_hub):
    """The poll waits on the network on its own thread: with the hub stuck (its game's lock
    held here), the window keeps drawing, and the countdown keeps running on the local
    clock, until the hub answers again."""
    import time

    url, code, teacher, clock, game = class_hub
    app, pilot, play = _join(make_app, url, code, "Yellow")
    _control(teacher, "start")
    pilot.until_scene("class_year")
    with game.lock:  # every request now waits on the hub
        play.poll_now()
        pilot.frame(2)
        assert play._poll is not None and not play._poll.done()
        slowest = 0.0
        for _ in range(30):
            t = time.perf_counter()
            app.step()
            slowest = max(slowest, time.perf_counter() - t)
        assert not play._poll.done()  # still waiting: the frames did not
        assert slowest < 0.25, f"a frame took {slowest * 1000:.0f} ms while the hub was stuck"
        app.ctx.clock.t += 10  # the window's clock runs on between polls
        pilot.frame()
        assert "3:50" in _text(pilot)
    pilot.until(lambda: play._poll is None, "the hub's answer")

    # the hub stops answering: the year screen says so instead of a clock it cannot know
    play.link.api = play.link.api.replace(code, "ZZZZZZ")
    _until_text(pilot, "Reconnecting…")
    assert "3:50" not in _text(pilot)
    play.link.api = play.link.api.replace("ZZZZZZ", code)
    _until_text(pilot, "left this year")


def test_the_class_bench_times_a_polling_year_screen(world):
    """`bench --client`'s class part runs (a short version): each measure is a real frame
    time from a team's screen against a hub."""
    from game.cli.bench_class import run_class_bench

    result = run_class_bench(world, frames=20)
    assert set(result) == {"class_year_polling", "class_year_not_polling", "class_round_end"}
    for measure in result.values():
        assert 0 < measure["median_ms"] <= measure["p95_ms"] <= measure["max_ms"]


def test_a_team_names_its_own_area_when_the_class_lets_each_choose(make_app, world, tmp_path):
    """A class where each team plays its own area: the join screen asks a new team for its
    area (a third box), the team plays it, and rejoining by name needs no area again."""
    from game.client import layout

    store = RoomStore(f"sqlite:///{tmp_path / 'own.sqlite3'}")
    info, _ = store.create_room("9Y geography", kind="class")
    settings = ClassSettings(years=5, round_minutes=4, each_own_area=True)
    game = ClassGame(store, info.code, world, settings, ManualClock())
    server = ServerThread(class_app(store, {info.code: game}, HubSettings())).start()
    try:
        app, pilot = make_app(threaded=True, clock=StillClock())
        app.stack.push(app.screens.title())
        pilot.until_scene("title")
        pilot.click("join_room")
        pilot.until_scene("room_join")
        pilot.type(f"{server.url}/r/{info.code}")
        pilot.focus_to("label")
        pilot.type("Dragons")
        pilot.click("join")
        join = pilot.scene
        pilot.until(lambda: join.job is None and "area" in join.entries, "the area box")
        assert join.message.startswith("Each team in this class plays its own area")
        assert game.teams == {}
        pilot.frame()
        assert layout.problems(join) == []
        _shot(pilot, "class_join_area.png")
        pilot.type("Caerdydd")  # the cursor waits in the new box
        pilot.click("join")
        pilot.until_scene("class_lobby")
        assert game.teams["dragons"].session.area.name == "Cardiff"
        _until_text(pilot, "Your team plays Cardiff")
        app.close()

        app, pilot, play = _join(make_app, server.url, info.code, "dragons")  # no area asked
        assert play.rejoined
        pilot.until(lambda: app.ctx.session is not None, "the team's game")
        assert app.ctx.session.area.name == "Cardiff"
    finally:
        server.stop()
        store.close()
