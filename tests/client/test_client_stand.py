"""Issue 10, point 1: a stand that runs itself. A test clock drives the idle timer; every
tap is an SDL finger event (no mouse, no keyboard) in the tap-only game."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.client.scene import H, W
from game.play import Fund
from game.play.kiosk import KioskConfig, StandSettings

SHOTS = Path("/tmp/kiosk-shots")


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def stand(make_app, tmp_path):
    clock = Clock()
    cfg = KioskConfig(
        idle_s=30, countdown_s=10, pin="2468", stand=StandSettings(language="en", text_scale=1.0)
    )
    app, pilot = make_app(kiosk=cfg, clock=clock, save_path=tmp_path / "saves" / "autosave.json")
    app.stack.push(app.screens.title())
    pilot.until_scene("attract")
    return app, pilot, clock


def tap(pilot, pos: tuple[int, int]) -> None:
    """A finger tap: down and up at the same place (x, y as shares of the window)."""
    x, y = pos[0] / W, pos[1] / H
    common = dict(touch_id=1, finger_id=1, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0)
    pilot.app.step(events=[pygame.event.Event(pygame.FINGERDOWN, **common)])
    pilot.app.step(events=[pygame.event.Event(pygame.FINGERUP, **common)])
    pilot.app.step()


def tap_button(pilot, name: str) -> None:
    button = pilot.scene.find_button(name)
    assert button is not None and button.is_enabled, (name, pilot.scene.name)
    tap(pilot, button.rect.center)


def test_idle_still_there_then_reset_with_the_stands_settings(stand):
    app, pilot, clock = stand
    pilot.until(lambda: pilot.scene.current() is not None, "the census facts")
    SHOTS.mkdir(exist_ok=True)
    pilot.frame()
    pilot.screenshot(SHOTS / "attract.png")
    assert "Touch to play" in pilot.texts()
    assert any("people live in" in t for t in pilot.texts())
    tap(pilot, (300, 300))  # anywhere starts
    pilot.until_scene("area_choice")
    # the visitor switches to Welsh and big text
    app.ctx.settings.language, app.ctx.settings.text_scale = "cy", 1.3
    app.apply_language_and_scale()
    clock.t += 29
    pilot.frame()
    assert pilot.scene.name == "area_choice"
    clock.t += 1
    pilot.frame(2)
    assert pilot.scene.name == "still_there"
    pilot.screenshot(SHOTS / "still_there_cy.png")
    clock.t += 4
    pilot.frame()
    assert any("6" in t for t in pilot.texts())  # the countdown shows the seconds left
    clock.t += 6
    pilot.frame(2)
    pilot.until_scene("attract")
    assert (app.ctx.settings.language, app.ctx.settings.text_scale) == ("en", 1.0)
    assert app.ctx.session is None and len(app.stack.scenes) == 1


def test_a_touch_answers_still_there(stand):
    app, pilot, clock = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    clock.t += 31
    pilot.frame(2)
    assert pilot.scene.name == "still_there"
    tap(pilot, (10, 10))
    pilot.frame(2)
    assert pilot.scene.name == "area_choice"


def test_quit_close_and_f11_need_staff(stand):
    app, pilot, _ = stand
    for event in (pygame.event.Event(pygame.QUIT), pygame.event.Event(pygame.WINDOWCLOSE)):
        app.step(events=[event])
        assert app.running
    pilot.press(pygame.K_F11)
    pilot.press(pygame.K_F4, mod=pygame.KMOD_ALT)
    assert app.running and not app.ctx.settings.fullscreen
    pilot.press(pygame.K_s, mod=pygame.KMOD_CTRL | pygame.KMOD_SHIFT)  # not the whole chord
    assert pilot.scene.name == "attract"
    pilot.press(pygame.K_s, mod=pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT)
    pilot.until_scene("staff_pin")
    pilot.type("1111")
    pilot.press(pygame.K_RETURN)
    app.step(events=[pygame.event.Event(pygame.QUIT)])
    assert app.running and "Wrong PIN" in pilot.texts()
    pilot.type("2468")
    pilot.press(pygame.K_RETURN)
    pilot.frame()
    assert pilot.scene.find_button("staff_exit") is not None
    app.step(events=[pygame.event.Event(pygame.QUIT)])
    assert not app.running


def test_a_tap_only_game_reaches_the_final_report_and_is_recorded(stand, tmp_path):
    app, pilot, _ = stand
    tap(pilot, (900, 600))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    centre = pilot.scene.map.centre("E06000001")  # Hartlepool on the map
    tap(pilot, centre)
    assert pilot.scene.selected.code == "E06000001"
    tap_button(pilot, "start")
    pilot.until_scene("how_to_play")  # every visitor at a stand gets the three panels
    for _ in range(3):
        tap_button(pilot, "howto_next")
    pilot.until_scene("year")
    session = app.ctx.session
    assert session is not None
    while not session.finished:
        card = next((c for c in pilot.scene.shown if session.check(Fund(card_id=c.id)).ok), None)
        if card is not None:
            tap_button(pilot, f"fund_{card.id}")
            pilot.frame()
            if pilot.scene.name == "confirm":
                tap_button(pilot, "yes")
        tap_button(pilot, "end_year")
        pilot.frame()
        if pilot.scene.name == "confirm":
            tap_button(pilot, "yes")
        pilot.until_scene("newspaper")
        tap_button(pilot, "next")
        pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            tap_button(pilot, "done")
            pilot.until_scene("year")
    pilot.until(lambda: pilot.scene.name in ("report", "final_report"), "the final report")
    assert session.funded
    pilot.frame(2)
    assert len(app.stand.recorded) == 1 and app.stand.recorded[0].exists()
    assert app.stand.recorded[0].parent == tmp_path / "saves" / "finished"


@pytest.mark.parametrize(("language", "scale"), [("en", 1.0), ("cy", 1.0), ("cy", 2.0)])
def test_the_attract_screen_fits(make_app, language, scale):
    """Title, tagline and fact stay above "Touch to play", in Welsh and at 200% too."""
    from game.client import layout
    from game.client.settings import Settings

    cfg = KioskConfig(
        idle_s=30, pin="2468", stand=StandSettings(language=language, text_scale=scale)
    )
    app, pilot = make_app(kiosk=cfg, settings=Settings(language=language, text_scale=scale))
    app.stack.push(app.screens.title())
    pilot.until_scene("attract")
    pilot.until(lambda: pilot.scene.current() is not None, "the census facts")
    button = pilot.scene.find_button("play").rect
    for _ in range(8):
        pilot.frame()
        assert not layout.problems(pilot.scene)
        assert all(
            b.rect.bottom <= button.top
            for b in pilot.scene.text_boxes
            if b.rect.left >= 640 and b.rect.top < button.top
        )
        pilot.scene.elapsed += 6.0
    SHOTS.mkdir(exist_ok=True)
    pilot.screenshot(SHOTS / f"attract_{language}_{int(scale * 100)}.png")


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--pin", "12"], "pin"),
        (["--pin", "2468", "--area", "Nowhereshire"], "unknown area 'Nowhereshire'"),
        (["--pin", "2468", "--text-size", "3"], "text"),
    ],
)
def test_a_bad_stand_setting_is_one_line_and_status_2(extra, says):
    import subprocess
    import sys

    from game.resources import data_dir

    root = data_dir().parent
    cmd = [sys.executable, "main.py", "play", "--kiosk", "30", *extra]
    out = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
        env={"SDL_VIDEODRIVER": "dummy", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 2, out.stderr
    assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_a_visitor_cannot_leave_full_screen_from_settings(stand):
    app, pilot, _ = stand
    app.stack.push(app.screens.settings())
    pilot.until_scene("settings")
    assert pilot.scene.find_button("fullscreen") is None
    assert "On: this stand stays full screen" in pilot.texts()


def test_the_next_visitor_is_a_new_player_in_the_stands_room(stand, tmp_path):
    from game.room.client.link import RoomLink

    app, pilot, clock = stand
    link = RoomLink.local("Library stand", f"sqlite:///{tmp_path / 'room.db'}")
    app.ctx.room = link
    first = link.player_key
    link.about_asked = True
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    clock.t += 31
    pilot.frame(2)
    clock.t += 10  # "Still there?" runs out
    pilot.frame(2)
    pilot.until_scene("attract")
    assert link.player_key != first and not link.about_asked


def test_a_finger_types_grimsby_on_the_on_screen_keyboard_and_plays_on(stand):
    """No physical keyboard at a stand: a tap on the search box brings up the keys, which
    are finger-sized and leave the results in view; the visitor finds Grimsby and plays."""
    from game.client.keyboard import MIN_KEY

    app, pilot, _ = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    scene = pilot.scene
    assert pilot.scene.find_button("osk_g") is not None
    assert not pilot.scene.find_button("osk_g").visible  # hidden until the box is tapped
    tap(pilot, scene.entry.rect.center)
    keys = [b for b in scene.buttons() if "#osk_" in "".join(b.object_ids) and b.visible]
    assert len(keys) >= 26 + 6  # letters, ' - . Delete Clear Space Done
    assert all(min(b.rect.size) >= MIN_KEY for b in keys)
    labels = {b.text for b in keys}
    assert {"Space", "Done", "'", "-", "."} <= labels
    for ch in "grimsby":
        tap_button(pilot, f"osk_{ch}")
    assert scene.entry.get_text() == "Grimsby"
    first = scene.find_button("result_0")
    assert first.visible and first.text == "Grimsby → North East Lincolnshire"
    assert not any(first.rect.colliderect(b.rect) for b in keys)  # the answer stays in view
    SHOTS.mkdir(exist_ok=True)
    pilot.screenshot(SHOTS / "stand_on_screen_keyboard.png")
    tap_button(pilot, "result_0")
    assert scene.selected.code == "E06000012"
    assert not scene.find_button("osk_g").visible  # chosen: the keys step aside
    tap_button(pilot, "start")
    pilot.until_scene("how_to_play")
    for _ in range(3):
        tap_button(pilot, "howto_next")
    pilot.until_scene("year")
    assert app.ctx.session.area.code == "E06000012"


def test_the_keyboard_types_names_with_punctuation_and_done_hides_it(stand):
    app, pilot, _ = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    scene = pilot.scene
    tap(pilot, scene.entry.rect.center)
    for key in ["s", "t", "period", "space", "h", "e", "l", "x", "delete", "e", "n", "s"]:
        tap_button(pilot, f"osk_{'.' if key == 'period' else key}")
    assert scene.entry.get_text() == "St. Helens"
    assert scene.find_button("result_0").text == "St. Helens"
    tap_button(pilot, "osk_clear")
    for ch in "stoke-on-trent":
        tap_button(pilot, f"osk_{ch}")
    assert scene.results[0].code == "E06000021"  # Stoke-on-Trent
    tap_button(pilot, "osk_done")
    assert not scene.find_button("osk_s").visible
    assert scene.selected is None  # a tap on the keys never picks the map below them


@pytest.mark.parametrize("at_a_stand", [True, False])
def test_the_report_pack_button_is_hidden_at_a_stand(make_app, world, at_a_stand):
    """The pack would be written onto the stand's own disk: no button there (at home the
    button stays)."""
    from game.play import GameSession

    cfg = KioskConfig(idle_s=30, pin="2468") if at_a_stand else None
    app, pilot = make_app(kiosk=cfg)
    session = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(session.years):
        session.advance_year()
    app.ctx.session = session
    app.stack.push(app.screens.report("final"))
    pilot.until_scene("final_report")
    assert (pilot.scene.find_button("write_pack") is None) == at_a_stand
    assert pilot.scene.find_button("done") is not None


def test_the_menu_at_a_stand_stops_the_game_for_the_next_visitor(stand):
    """No "Save and go to title" at a stand (nothing is kept for later there): "Stop
    playing" asks first, then the stand is ready for the next visitor."""
    app, pilot, _ = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    tap_button(pilot, "random")
    tap_button(pilot, "start")
    pilot.until_scene("how_to_play")
    for _ in range(3):
        tap_button(pilot, "howto_next")
    pilot.until_scene("year")
    tap_button(pilot, "menu")
    pilot.until_scene("menu")
    texts = pilot.texts()
    assert "Stop playing" in texts and "Here every visitor starts a new game." in texts
    assert not any("saved" in t.lower() or "Save" in t for t in texts)
    tap_button(pilot, "to_title")
    pilot.until_scene("confirm")
    tap_button(pilot, "no")  # a slip of the finger keeps the game
    pilot.until_scene("menu")
    assert app.ctx.session is not None
    tap_button(pilot, "to_title")
    pilot.until_scene("confirm")
    tap_button(pilot, "yes")
    pilot.until_scene("attract")
    assert app.ctx.session is None and len(app.stack.scenes) == 1


def test_finish_on_the_final_report_makes_the_next_visitor_a_new_player(make_app, world, tmp_path):
    """Finishing (not only walking away) gets the stand ready: the next visitor is a new
    player in the stand's room and is asked about themselves again."""
    from game.play import GameSession
    from game.room.client.link import RoomLink

    app, pilot = make_app(kiosk=KioskConfig(idle_s=300, pin="2468"))
    link = RoomLink.local("Library stand", f"sqlite:///{tmp_path / 'room.db'}")
    app.ctx.room = link
    first, link.about_asked = link.player_key, True
    session = GameSession.new(world, "Hartlepool", seed=7, years=2)
    while not session.finished:
        session.advance_year()
    app.ctx.session = session
    app.stack.push(app.screens.report("final"))
    pilot.until_scene("final_report")
    assert pilot.scene.find_button("done").text == "Finish"
    tap_button(pilot, "done")
    pilot.until_scene("attract")
    assert link.player_key != first and not link.about_asked and app.ctx.session is None


def test_what_the_tap_hint_promises_works_with_a_finger(stand):
    """The hint at a stand: "Tap a place on the map to choose it (London's boroughs are in
    the box). Or tap the search box to type a name." Each of those, by finger events."""
    from game.client.scenes.area_choice.measures import LONDON_RECT

    app, pilot, _ = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    scene = pilot.scene
    hint = next(t for t in pilot.texts() if t.startswith("Tap a place on the map"))
    assert "London's boroughs are in the box" in hint and "tap the search box" in hint
    assert not any("click" in t.lower() or "point at" in t.lower() for t in pilot.texts())
    tap(pilot, scene.map.centre("E08000025"))  # Birmingham on the map
    assert scene.selected.code == "E08000025"
    westminster = scene.london.centre("E09000033")
    assert LONDON_RECT.collidepoint(westminster)
    tap(pilot, westminster)  # a borough in the London box
    assert scene.selected.code == "E09000033"
    tap(pilot, scene.entry.rect.center)  # the search box brings up the keys
    assert scene.find_button("osk_a").visible


@pytest.mark.parametrize(("language", "scale"), [("en", 1.0), ("cy", 2.0)])
def test_the_keys_fit_in_welsh_and_at_200_percent(make_app, language, scale):
    """Every key's word whole (Gorffen at 200%), nothing under the keys but the map: the
    map's credit and the results stay clear."""
    from game.client import layout
    from game.client.settings import Settings

    cfg = KioskConfig(idle_s=300, pin="2468", stand=StandSettings(language=language))
    app, pilot = make_app(kiosk=cfg, settings=Settings(language=language, text_scale=scale))
    app.stack.push(app.screens.area_choice())
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    tap(pilot, pilot.scene.entry.rect.center)
    for ch in "grimsby":
        tap_button(pilot, f"osk_{ch}")
    pilot.frame()
    assert pilot.scene.find_button("result_0").visible
    assert not layout.problems(pilot.scene)
    SHOTS.mkdir(exist_ok=True)
    pilot.screenshot(SHOTS / f"area_keys_{language}_{int(scale * 100)}.png")


@pytest.mark.parametrize("leaves_by", ["walking_away", "stop_playing"])
def test_a_visitor_who_changed_language_mid_game_leaves_the_stand_working(stand, leaves_by):
    """Review of issue 10: a visitor in a game taps Settings, picks Cymraeg and 200%, then
    walks away (or stops playing). Putting the stand's settings back rebuilt the old year
    screen after its game was dropped, and the stand crashed instead of showing the
    attract screen."""
    app, pilot, clock = stand
    tap(pilot, (300, 300))
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    tap_button(pilot, "random")
    tap_button(pilot, "start")
    pilot.until_scene("how_to_play")
    for _ in range(3):
        tap_button(pilot, "howto_next")
    pilot.until_scene("year")
    tap_button(pilot, "menu")
    pilot.until_scene("menu")
    tap_button(pilot, "settings")
    pilot.until_scene("settings")
    tap_button(pilot, "language")
    tap_button(pilot, "text")
    assert app.ctx.settings.language == "cy" and app.ctx.settings.text_scale > 1.0
    tap_button(pilot, "back")
    pilot.until_scene("menu")
    if leaves_by == "stop_playing":
        tap_button(pilot, "to_title")
        pilot.until_scene("confirm")
        tap_button(pilot, "yes")
    else:
        tap_button(pilot, "resume")
        pilot.until_scene("year")
        clock.t += 31
        pilot.frame(2)
        assert pilot.scene.name == "still_there"
        clock.t += 10
        pilot.frame(2)
    pilot.until_scene("attract")
    assert (app.ctx.settings.language, app.ctx.settings.text_scale) == ("en", 1.0)
    assert app.ctx.session is None and len(app.stack.scenes) == 1
    assert "Touch to play" in pilot.texts()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_settings_at_a_stand_promise_nothing_the_stand_does_not_do(make_app, language):
    """Review of issue 10: a stand's Settings said changes "are remembered on this
    computer" and offered F11, yet the next visitor gets the stand's settings back and F11
    does nothing there. At a stand it says the changes last for this game."""
    from game.client.settings import Settings

    cfg = KioskConfig(idle_s=30, pin="2468", stand=StandSettings(language=language))
    app, pilot = make_app(kiosk=cfg, settings=Settings(language=language))
    app.stack.push(app.screens.settings())
    pilot.until_scene("settings")
    texts = " ".join(pilot.texts())
    hint = app.ctx.tr("settings.stand_hint")
    assert hint in texts and hint != "settings.stand_hint"
    assert app.ctx.tr("settings.hint") not in texts and "F11" not in texts
    app2, pilot2 = make_app(settings=Settings(language=language))  # at home: as before
    app2.stack.push(app2.screens.settings())
    pilot2.until_scene("settings")
    assert app2.ctx.tr("settings.hint") in pilot2.texts() and "F11" in " ".join(pilot2.texts())
