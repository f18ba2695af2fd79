"""The class screens in Welsh and at a one-minute round, against a real hub on loopback: the
lobby, the year with its countdown, the newspaper leading with the teacher's shock and the
final report all come from the Welsh catalogue (the shock's name, headline and description
too), with no raw key on screen; and the
lobby says "1 minute", not "1 minutes" (the README's own example is --round-minutes 1)."""

from __future__ import annotations

import pytest
from class_hub import running_class
from test_client_class import StillClock, _control, _shot, _text, _until_text

from game.client.scenes.newspaper import NewspaperScene
from game.client.settings import Settings


@pytest.fixture
def one_minute_hub(world, tmp_path):
    with running_class(world, tmp_path, "9X daearyddiaeth", round_minutes=1) as hub:
        yield hub


def _join(make_app, url: str, code: str, team: str, language: str):
    settings = Settings(seen_how_to_play=True, language=language)
    app, pilot = make_app(threaded=True, clock=StillClock(), settings=settings)
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    pilot.click("join_room")
    pilot.until_scene("room_join")
    pilot.type(f"{url}/r/{code}")
    pilot.focus_to("label")
    pilot.type(team)
    pilot.click("join")
    pilot.until_scene("class_lobby")
    app.ctx.class_game.poll_every = 0.02
    return app, pilot


def test_a_one_minute_class_says_one_minute(make_app, one_minute_hub):
    url, code, *_ = one_minute_hub
    app, pilot = _join(make_app, url, code, "Red", "en")
    _until_text(pilot, "Each year lasts 1 minute.")


def test_the_class_screens_speak_welsh(make_app, one_minute_hub):
    url, code, teacher, clock, game = one_minute_hub
    app, pilot = _join(make_app, url, code, "Dreigiau", "cy")
    tr = app.ctx.tr
    _until_text(pilot, "Dreigiau")
    pilot.until(lambda: "munud" in _text(pilot), "the lobby's Welsh")
    assert "minute" not in _text(pilot).lower()
    _shot(pilot, "class_lobby_cy.png")

    _control(teacher, "start")
    pilot.until_scene("class_year")
    _until_text(pilot, "1:00")
    _shot(pilot, "class_year_cy.png")
    clock.advance(61)  # time-up: the newspaper
    pilot.until(lambda: isinstance(pilot.scene, NewspaperScene), "the newspaper")
    pilot.click("next")
    assert teacher.post("/shock", json={"shock_id": "flood"}).status_code == 200
    _until_text(pilot, "Llifogydd yng nghanol y dref")  # the lobby tells of it, in Welsh
    assert "flood" not in _text(pilot).lower()
    _shot(pilot, "class_lobby_shock_cy.png")
    _control(teacher, "start")
    pilot.until_scene("class_year")
    _control(teacher, "end")
    pilot.until(
        lambda: isinstance(pilot.scene, NewspaperScene) and pilot.scene.summary.turn == 2,
        "the shock's newspaper",
    )
    pilot.frame()
    assert pilot.scene.summary.news[0].key == "news.shock"
    assert "Llifogydd yn cau siopau canol tref Hartlepool" in _text(pilot)
    assert "Floodwater" not in _text(pilot)
    _shot(pilot, "class_newspaper_shock_cy.png")
    for _ in range(3):
        pilot.click("next")
        _control(teacher, "start")
        pilot.until_scene("class_year")
        _control(teacher, "end")
        pilot.until(lambda: isinstance(pilot.scene, NewspaperScene), "a newspaper")
    pilot.until(lambda: pilot.scene.summary.report_due == "final", "the last newspaper")
    pilot.click("next")
    pilot.until_scene("final_report")
    pilot.frame()
    _shot(pilot, "class_final_report_cy.png")
    pilot.click("done")
    pilot.until_scene("class_lobby")
    pilot.frame()
    shown = _text(pilot)
    assert "class." not in shown and "paper." not in shown  # no raw key on screen
    assert not {k for k in tr.missing if k.startswith(("class.", "paper.", "report."))}
