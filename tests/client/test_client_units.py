"""Small parts: the scene stack, keyboard focus, map hit-testing, number formatting,
settings, and the threaded year advance."""

from __future__ import annotations

import pygame
import pytest

from game.client import fmt
from game.client.focus import Focusable, FocusRing
from game.client.mapview import MapView, quintile_breaks, shade
from game.client.scene import SceneStack
from game.client.settings import Settings


class _Probe:
    """Just enough of a Scene for the stack: records its lifecycle calls."""

    opaque = True

    def __init__(self, log: list[str], name: str, opaque: bool = True) -> None:
        self.log, self.name, self.opaque = log, name, opaque

    def on_enter(self):
        self.log.append(f"enter {self.name}")

    def on_exit(self):
        self.log.append(f"exit {self.name}")

    def on_pause(self):
        self.log.append(f"pause {self.name}")

    def on_resume(self):
        self.log.append(f"resume {self.name}")


def test_stack_changes_wait_for_the_frame_boundary_and_pair_hooks():
    log: list[str] = []
    stack = SceneStack()
    a, b = _Probe(log, "a"), _Probe(log, "b", opaque=False)
    stack.push(a)
    assert stack.top is None and log == []  # queued, not applied mid-frame
    stack.apply_pending()
    results = []
    stack.push(b, on_result=results.append)
    stack.apply_pending()
    assert stack.visible() == [a, b]  # a modal draws over the scene below it
    stack.pop("answer")
    stack.apply_pending()
    assert results == ["answer"] and stack.top is a
    assert log == ["enter a", "pause a", "enter b", "exit b", "resume a"]
    stack.reset(_Probe(log, "c"))
    stack.apply_pending()
    assert log[-2:] == ["exit a", "enter c"] and len(stack.scenes) == 1


def test_opaque_scene_hides_everything_below():
    log: list[str] = []
    stack = SceneStack()
    a, b, c = _Probe(log, "a"), _Probe(log, "b"), _Probe(log, "c", opaque=False)
    for s in (a, b, c):
        stack.push(s)
    stack.apply_pending()
    assert stack.visible() == [b, c]


def test_focus_ring_skips_disabled_and_wraps():
    hits: list[str] = []
    ring = FocusRing()
    enabled = {"a": True, "b": False, "c": True}
    for name in "abc":
        ring.add(
            Focusable(
                rect_of=lambda: pygame.Rect(0, 0, 10, 10),
                activate=lambda n=name: hits.append(n),
                enabled=lambda n=name: enabled[n],
                name=name,
            )
        )
    assert ring.current.name == "a"
    ring.move(1)
    assert ring.current.name == "c"  # b is disabled
    ring.move(1)
    assert ring.current.name == "a"  # wraps round
    ring.move(-1)
    ring.activate()
    assert hits == ["c"]


def test_focus_ring_is_drawn_visibly():
    ring = FocusRing()
    ring.add(
        Focusable(
            rect_of=lambda: pygame.Rect(50, 50, 100, 40),
            activate=lambda: None,
            enabled=lambda: True,
            name="x",
        )
    )
    surface = pygame.Surface((300, 200))
    surface.fill((255, 255, 255))
    ring.draw(surface)
    assert surface.get_at((46, 70))[:3] == (230, 159, 0)  # the orange ring left of the widget


def test_map_hit_test_finds_the_polygon_under_the_mouse():
    polys = {
        "W": [[(0.0, 50.0), (1.0, 50.0), (1.0, 51.0), (0.0, 51.0)]],
        "E": [[(1.0, 50.0), (2.0, 50.0), (2.0, 51.0), (1.0, 51.0)]],
    }
    view = MapView(polys, pygame.Rect(100, 100, 400, 200), margin=0)
    left = view.centre("W")
    right = view.centre("E")
    assert left[0] < right[0]
    assert view.code_at(left) == "W" and view.code_at(right) == "E"
    assert view.code_at((5, 5)) is None  # outside the map
    view.render({"W": (255, 0, 0), "E": (0, 0, 255)})
    target = pygame.Surface((600, 400))
    view.draw(target)
    assert target.get_at(left)[:3] == (255, 0, 0)


def test_quintile_shading_gives_each_colour_a_fifth():
    values = {f"A{i:02d}": float(i) for i in range(10)}
    colours = shade(values)
    assert len(set(colours.values())) == 5
    assert colours["A00"] == colours["A01"] != colours["A02"]
    assert quintile_breaks(values)[0] == 0.0 and quintile_breaks(values)[-1] == 9.0


@pytest.mark.parametrize(
    ("value", "money", "signed"),
    [(12_500_000, "£12.5m", "+12,500,000"), (-40_000, "−£40k", "−40,000"), (0, "£0", "0")],
)
def test_display_formatting(value, money, signed):
    assert fmt.money(value) == money
    assert fmt.signed(value) == signed


def test_percentages_and_points():
    assert fmt.pct(0.0735) == "7.3%"
    assert fmt.points(2.26) == "+2.3" and fmt.points(-0.04) == "0.0"
    assert fmt.count(float("nan")) == "–"


def test_settings_round_trip_and_bad_file_falls_back(tmp_path):
    path = tmp_path / "settings.json"
    Settings(language="cy", text_scale=1.15).save(path)
    assert Settings.load(path) == Settings(language="cy", text_scale=1.15)
    assert Settings.load(path).sound is False  # sound is off unless chosen
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path) == Settings()


def test_year_advance_runs_in_a_worker_while_frames_keep_coming(make_app):
    """With threads on (as in the real game) the transition keeps drawing frames until the
    worker hands over the year's summary; the autosave is written by the worker."""
    from game.client.scenes.year import YearScene

    app, pilot = make_app(threaded=True)
    ctx = app.ctx
    ctx.session = ctx.session_factory(ctx.world, "Hartlepool", 7)
    app.stack.push(YearScene(app))
    pilot.until_scene("year")
    pilot.end_year()
    frames_before = app.frames
    pilot.until_scene("newspaper")
    assert app.frames > frames_before
    assert ctx.session.turn == 1 and ctx.save_path.exists()
    assert pilot.scene.summary.year == 2022


def test_text_scale_makes_text_bigger(title):
    app, pilot = title
    small = app.ctx.fonts.size("Population", 20)
    pilot.click("settings")
    pilot.until_scene("settings")
    pilot.click("text")
    assert app.ctx.settings.text_scale == 1.15
    big = app.ctx.fonts.size("Population", 20)
    assert big[0] > small[0]
    assert "115%" in pilot.texts()


def test_widgets_use_the_bundled_font_from_the_theme(title):
    """pygame_gui falls back to its own 14 px font without a word if the theme's fonts do not
    load; the projector needs ours."""
    app, pilot = title
    button = pilot.scene.find_button("new")
    assert button.font.point_size == 26  # "big" in game/client/assets.py BUTTON_SIZES
    settings = pilot.scene.find_button("settings")
    assert settings.font.point_size == 20
    loaded = app.stack.top.ui.ui_theme.get_font_dictionary().loaded_fonts
    assert "dejavu_bold_aa_20" in loaded


def test_sound_is_off_by_default_and_silent_without_audio(title):
    app, pilot = title
    assert app.ctx.settings.sound is False
    pilot.click("settings")
    pilot.until_scene("settings")
    assert app.ctx.sounds._sounds is None  # nothing loaded while sound is off
    pilot.click("sound")
    assert app.ctx.settings.sound is True
    pilot.click("back")  # plays a click: loads tones (or fails quietly on the dummy driver)
    assert app.ctx.sounds._sounds is not None or app.ctx.sounds.failed


def test_f11_toggles_full_screen_setting(title):
    app, pilot = title
    assert app.ctx.settings.fullscreen is False
    pilot.press(pygame.K_F11)
    assert app.ctx.settings.fullscreen is True
    pilot.press(pygame.K_F11)
    assert app.ctx.settings.fullscreen is False


def test_help_glossary_opens_from_the_year_screen_with_f1(make_app, world):
    from game.client.scenes.year import YearScene

    app, pilot = make_app()
    app.ctx.session = app.ctx.session_factory(world, "Hartlepool", 7)
    app.stack.push(YearScene(app))
    pilot.until_scene("year")
    pilot.press(pygame.K_F1)
    pilot.until_scene("help")
    texts = " ".join(pilot.texts())
    assert "Net new jobs" in texts and "Clout" in texts
    # the glossary pages inside its box: the last entry is one "More" away at most
    while pilot.scene.find_button("help_next") and pilot.scene.find_button("help_next").is_enabled:
        pilot.click("help_next")
        texts += " ".join(pilot.texts())
    assert "not a forecast" in texts and "lockdown" in texts  # A3's caveat on jobs here
    assert "Jobs created counts every job" in texts  # the three jobs measures in one line
    pilot.press(pygame.K_ESCAPE)
    pilot.until_scene("year")


def _year_scene(make_app, world):
    from game.client.scenes.year import YearScene

    app, pilot = make_app()
    app.ctx.session = app.ctx.session_factory(world, "Hartlepool", 7)
    app.stack.push(YearScene(app))
    pilot.until_scene("year")
    return app, pilot


def test_end_year_with_open_cards_asks_and_enter_mashing_never_skips_a_year(make_app, world):
    app, pilot = _year_scene(make_app, world)
    session = app.ctx.session
    assert pilot.scene.undecided_cards()  # year one always offers something affordable
    pilot.focus_to("end_year")
    for _ in range(12):  # a bored visitor leaning on Enter
        pilot.press(pygame.K_RETURN)
        pilot.frame()
    assert session.turn == 0
    assert pilot.scene.name in ("confirm", "year")
    if pilot.scene.name == "year":
        pilot.press(pygame.K_RETURN)
        pilot.frame()
    assert pilot.scene.name == "confirm"
    assert pilot.scene.focus.current.name == "no"  # the safe answer has the focus
    assert any("End the year now?" in t for t in pilot.texts())
    pilot.activate("yes")
    pilot.until_scene("newspaper")
    assert session.turn == 1
    pilot.click("next")
    pilot.until_scene("year")
    pilot.frame()
    # after a year the focus is on the cards, not on "End year" again
    assert pilot.scene.focus.current.name.startswith("fund_")


def test_area_search_finds_welsh_names_and_shows_one_population(title, world):
    app, pilot = title
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.type("Caerdydd")
    pilot.frame()
    assert [a.code for a in pilot.scene.results] == ["W06000015"]
    assert pilot.scene.find_button("result_0").text == "Cardiff (Caerdydd)"
    pilot.scene.entry.set_text("")
    pilot.scene.query = ""
    pilot.type("ynys mon")
    assert [a.code for a in pilot.scene.results] == ["W06000001"]
    pilot.click("result_0")
    pilot.frame()
    area = world.areas["W06000001"]
    texts = " ".join(pilot.texts())
    assert f"{area.population_estimate:,} people (mid-2021 estimate)" in texts
    assert f"Census 2021 count (21 March): {area.census_population:,}" in texts


def test_map_takes_keyboard_focus_arrows_move_enter_picks(title):
    app, pilot = title
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    scene = pilot.scene
    pilot.focus_to("map")
    start = scene.keyed
    assert start is not None and scene.hover == start
    pilot.press(pygame.K_RIGHT)
    moved = scene.keyed
    assert moved != start
    assert scene.map.centre(moved)[0] > scene.map.centre(start)[0]  # it went east
    pilot.press(pygame.K_RETURN)
    pilot.frame()
    assert scene.selected is not None and scene.selected.code == moved
    assert scene.focus.current.name == "start"


def test_census_dir_reaches_the_map_loader(data_dir, world, tmp_path):
    """A12: the client loads map.json from the --census-dir folder it was given."""
    from game.client.context import AppContext
    from game.client.settings import Settings

    asked = []
    ctx = AppContext(
        settings=Settings(),
        census_dir=tmp_path,
        threaded=False,
        persist_settings=False,
        world_loader=lambda _d: world,
        map_loader=lambda d: asked.append(d) or "map",
    )
    ctx.start_loading()
    assert ctx.mapdata == "map" and asked == [tmp_path]
