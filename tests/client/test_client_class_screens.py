"""The class game's screens (issue 12) at every text size, in English and Welsh: nothing cut,
spilling or overlapping (the layout checker), every button a finger-sized target (48 px at
1080p), and the countdown saying what it means (running, the last half minute, paused)."""

from __future__ import annotations

import pytest

from game.client import layout
from game.client.countdown import clock_text

MIN_DESIGN_PX = 48 / 1.5


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 1.3, 2.0])
def test_the_class_screens_fit_at_every_text_size(world, tmp_path, language, scale):
    from game.client.screenshots import render_class

    found: dict[str, list[str]] = {}
    texts: dict[str, str] = {}

    def check(name: str, scene) -> None:
        problems = layout.problems(scene)
        problems += [
            f"{b.text!r} {b.rect.size}"
            for b in scene.buttons()
            if b.visible and (b.rect.width < MIN_DESIGN_PX or b.rect.height < MIN_DESIGN_PX)
        ]
        if problems:
            found[name] = problems
        texts[name] = "\n".join(scene.visible_text())

    render_class(
        tmp_path, text_scale=scale, language=language, check=check, world_loader=lambda _d: world
    )
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
    if language == "en":
        assert "3:12" in texts["c2_class_year_countdown"]
        assert "left this year" in texts["c2_class_year_countdown"]
        assert "Hurry!" in texts["c3_class_year_last_seconds"]
        assert "Paused by your teacher" in texts["c4_class_year_paused"]
        assert "End year" not in texts["c2_class_year_countdown"]
        assert "1:40" in texts["c4b_class_charts_countdown"]
        assert "Waiting for your teacher to start year 2 of 5" in texts["c5_class_lobby_shock"]
        assert "A large employer closes" in texts["c5_class_lobby_shock"]
        assert "Your final report" in texts["c6_class_lobby_over"]


def test_the_clock_rounds_up_and_never_goes_below_zero():
    assert [clock_text(s) for s in (240, 239.2, 60, 59.99, 0.4, 0, -3)] == [
        "4:00",
        "4:00",
        "1:00",
        "1:00",
        "0:01",
        "0:00",
        "0:00",
    ]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_join_screen_fits_with_its_class_message(make_app, language, scale):
    """The join screen a pupil types the code and team name into, with the "this is a
    class game" line, at the usual size and the projector's 200% (its text once ran over
    the boxes there)."""
    from game.client.settings import Settings

    app, pilot = make_app(settings=Settings(language=language, text_scale=scale))
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    pilot.click("join_room")
    pilot.until_scene("room_join")
    pilot.type("ABC234")
    pilot.scene.message = app.ctx.tr("class.join.team_needed")
    pilot.frame()
    assert layout.problems(pilot.scene) == []
    assert app.ctx.tr("class.join.team_needed") in pilot.texts()
