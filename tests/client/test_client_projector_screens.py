"""Issue 10, point 5: the projector mode is whole on every screen. At 160% and 200% text, in
English and Welsh, every screen the registry can build (the scripted game's, and the rest
drawn by game/client/screenshots_more.py) passes the layout checker: no text cut, spilling,
overlapping or under a button, no button label clipped by pygame_gui, nothing under ~20 px
at 1080p. Then one test for each thing the play-test found cut or misleading: the area
choice (the first screen a visitor sees), the charts' projects, the report's tabs, Welsh
settings, the London inset over the North East, the futures' approval axis and how to
play's half-empty first panel."""

from __future__ import annotations

import pygame
import pytest

from game.client import layout
from game.client.registry import SceneFactory

SCALE_1080 = 1080 / 720
SMALLEST_PX = 20 / SCALE_1080  # design pixels that show as 20 px at 1920x1080
# scene names -> the registry method that builds the screen
BUILT_BY = {
    "final_report": "report",
    "midterm_report": "report",
    "loading": "start_game",
    "continue": "continue_game",
    "room_join": "join_room",
    "room_about": "about_you",
    "consult": "consult",
}
# the class game's screens are drawn from still states by screenshots.render_class and
# checked at every text size by tests/client/test_client_class.py
ELSEWHERE = {"class_lobby", "class_year"}


def _small(scene) -> list[str]:
    scale = scene.fonts.text_scale
    return [
        f"{b.text!r} at {b.size * scale * SCALE_1080:.0f} px"
        for b in scene.text_boxes
        if b.size and b.size * scale < SMALLEST_PX - 0.5
    ]


def _registry() -> set[str]:
    return {n for n in vars(SceneFactory) if not n.startswith("_")} - ELSEWHERE


@pytest.mark.parametrize("scale", [1.6, 2.0])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_screen_is_whole_at_the_projector_sizes(title, tmp_path, language, scale):
    from game.client.screenshots import render_all
    from game.client.screenshots_more import render_more

    found: dict[str, list[str]] = {}
    built: set[str] = set()

    def check(name: str, scene) -> None:
        built.add(BUILT_BY.get(scene.name, scene.name))
        problems = layout.problems(scene) + _small(scene)
        if problems:
            found[name] = problems

    kw = {"area": "Hartlepool", "seed": 7, "text_scale": scale, "language": language}
    render_all(tmp_path, check=check, **kw)
    render_more(tmp_path, check=check, **kw)
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
    # every screen the registry can open was drawn and checked
    assert _registry() <= built, sorted(_registry() - built)


# -- the area choice --------------------------------------------------------------------


def _area_choice(make_app, language: str, scale: float):
    from game.client.settings import Settings

    app, pilot = make_app(settings=Settings(language=language, text_scale=scale))
    app.stack.push(app.screens.area_choice())
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.frame()
    return app, pilot


def _search(pilot, query: str) -> None:
    scene = pilot.scene
    scene.entry.set_text("")
    scene.query = ""
    scene._refresh_results()
    pilot.type(query)
    pilot.frame()


@pytest.mark.parametrize("scale", [1.6, 2.0])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_area_choice_is_whole_at_the_projector_sizes(make_app, language, scale):
    """Play-test at 200%: the tabs ("Combined authority"), the result labels, the selected
    area's lines and the map's hint were cut, and the OS licence line lost its last words."""
    app, pilot = _area_choice(make_app, language, scale)
    found = {"(nothing typed)": layout.problems(pilot.scene)}
    # a plain name, a 2023 council, a town and a long official name
    for query in ("Hartlepool", "North Yorkshire", "Grimsby", "Kingston upon Hull"):
        _search(pilot, query)
        found[f"{query}: results"] = layout.problems(pilot.scene)
        pilot.click("result_0")
        pilot.frame()
        found[f"{query}: chosen"] = layout.problems(pilot.scene) + _small(pilot.scene)
    for mode in ("lep", "ca"):
        pilot.click(f"mode_{mode}")
        pilot.click("result_0")
        pilot.frame()
        found[mode] = layout.problems(pilot.scene)
    assert not any(found.values()), {k: v for k, v in found.items() if v}
    # the licence line is there whole, word for word, on the map and never tiny
    scene = pilot.scene
    credit = scene.t("area.map_source")
    from game.client.scenes.area_choice import MAP_RECT

    lines = [b for b in scene.text_boxes if b.box == MAP_RECT and b.text in credit]
    assert " ".join(b.text for b in sorted(lines, key=lambda b: b.rect.top)) == credit
    assert all(not b.cut and b.size * scene.fonts.text_scale >= SMALLEST_PX for b in lines)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_london_inset_covers_no_other_council(make_app, language):
    """Play-test: the inset half-covered the North East coast and Hartlepool's marker. No
    council outside London has its marker ring (the chosen-area circle, radius 17) or any
    of its shape under the inset or its label."""
    from game.client.scenes.area_choice import MAP_RECT
    from game.client.scenes.area_choice.measures import LONDON_RECT

    app, pilot = _area_choice(make_app, language, 2.0)
    scene = pilot.scene
    view = scene.map
    [label] = [b.rect for b in scene.text_boxes if b.text == scene.t("area.london")]
    covered = [LONDON_RECT.inflate(8, 8), label]
    for code in view.codes:
        if code.startswith("E09"):  # London's boroughs: the inset is theirs
            continue
        x, y = view.centre(code)
        ring = pygame.Rect(x - 17, y - 17, 35, 35)
        assert not any(ring.colliderect(r) for r in covered), scene.world.areas[code].name
    # and no other council's pixel lies under them (the map's own id picture)
    ids = view.ids
    london = {i for i, c in enumerate(view.codes, start=1) if c.startswith("E09")}
    for r in covered:
        local = r.move(-MAP_RECT.left, -MAP_RECT.top).clip(ids.get_rect())
        for px in range(local.left, local.right):
            for py in range(local.top, local.bottom):
                r_, g, b, *_ = ids.get_at((px, py))
                i = (r_ << 16) | (g << 8) | b
                assert i == 0 or i in london, (view.codes[i - 1], px, py)
    # Hartlepool, the play-test's case, chosen: its ring is drawn clear of the inset
    _search(pilot, "Hartlepool")
    pilot.click("result_0")
    x, y = view.centre(scene.selected.code)
    assert not pygame.Rect(x - 17, y - 17, 35, 35).colliderect(covered[0])


# -- the charts, the report, settings -------------------------------------------------


def _played(world, years: int = 10):
    from game.play import Fund, GameSession

    s = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(years):
        for c in sorted(s.proposals, key=lambda c: (c.cost, c.id))[:2]:
            s.act(Fund(card_id=c.id))  # may be refused (money): play on
        if not s.finished:
            s.advance_year()
    return s


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_projects_tab_pages_every_project_at_200_percent(make_app, world, language):
    """Play-test: at 200% the projects table's heading sat on the title, its note ran out
    of the panel and a project was folded into "… and 1 more". Now the table pages."""
    from game.client.settings import Settings

    app, pilot = make_app(settings=Settings(language=language, text_scale=2.0))
    app.ctx.session = s = _played(world)
    assert len(s.funded) >= 8
    app.stack.push(app.screens.charts("projects"))
    pilot.until_scene("charts")
    pilot.frame()
    seen: set[str] = set()
    more = pilot.scene.find_button("more_projects")
    assert more is not None  # more rows than fit: a second page
    pages = int(more.text.split("/")[1].split(")")[0])
    for _ in range(pages):
        pilot.frame()
        assert not layout.problems(pilot.scene), layout.problems(pilot.scene)
        assert not _small(pilot.scene)
        seen |= set(pilot.scene.drawn_text)
        pilot.click("more_projects")
    from game.client.text import project_title

    assert {project_title(app.ctx, p) for p in s.funded} <= seen
    assert not any(t.startswith("…") for t in seen)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_report_tabs_show_their_labels_whole_at_200_percent(make_app, world, language):
    """Play-test: "Census summa", "Jobs and group" (and in Welsh worse) cut inside their
    buttons at 200%; with "Two futures" and "What if?" beside them too."""
    from game.client.settings import Settings
    from game.play.branches import go_back

    app, pilot = make_app(settings=Settings(language=language, text_scale=2.0))
    s = _played(world)
    for kind, session in (("midterm", _played(world, 5)), ("final", s)):
        app.ctx.session = session
        app.stack.reset(app.screens.report(kind))
        pilot.until_scene(f"{kind}_report")
        pilot.frame()
        assert not layout.cut_labels(pilot.scene), layout.cut_labels(pilot.scene)
    again = go_back(world, s, 3, "First game")
    while not again.finished:
        again.advance_year()
    app.ctx.session = again  # a kept line: the "Two futures" button joins the row
    app.stack.reset(app.screens.report("final"))
    pilot.until_scene("final_report")
    pilot.frame()
    assert pilot.scene.find_button("futures") is not None
    assert not layout.problems(pilot.scene), layout.problems(pilot.scene)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_settings_fit_at_200_percent(make_app, language):
    """Play-test: in Welsh at 200% the line under the settings ran off the screen."""
    from game.client.settings import Settings

    app, pilot = make_app(settings=Settings(language=language, text_scale=2.0))
    app.stack.push(app.screens.settings())
    pilot.until_scene("settings")
    pilot.frame()
    assert not layout.problems(pilot.scene), layout.problems(pilot.scene)
    assert pilot.scene.t("settings.hint").split()[-1] in " ".join(pilot.scene.drawn_text)


# -- two futures, how to play -----------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "cy"])
def test_two_futures_say_approval_as_a_share_of_people(make_app, world, language):
    """Play-test: the axis said "Approval (0-100)"; a visitor knows "% of people"."""
    from game.client.settings import Settings
    from game.play.branches import go_back

    app, pilot = make_app(settings=Settings(language=language))
    first = _played(world)
    again = go_back(world, first, 3, "First game")
    while not again.finished:
        again.advance_year()
    app.ctx.session = again
    app.stack.push(app.screens.futures())
    pilot.until_scene("futures")
    pilot.frame()
    label = pilot.scene.t("futures.row.approval_overall")
    assert "0-100" not in label and "%" in label
    shown = pilot.scene.drawn_text
    assert label in shown
    approve = f"{round(first.census_report('final').approval_overall)}%"
    assert approve in shown  # the figure says it too: "59%", not "59"


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_how_to_plays_first_panel_is_filled(make_app, world, language, scale):
    """Play-test: panel 1 was two sentences over an empty half panel at 100%. The words and
    a picture (the player's area, the ten years to the Census 2031) reach down the panel."""
    from game.client.scenes.how_to_play import HowToPlayDialog
    from game.client.settings import Settings
    from game.play import GameSession

    app, pilot = make_app(settings=Settings(language=language, text_scale=scale))
    app.ctx.session = GameSession.new(world, "Hartlepool", seed=7)
    app.stack.push(app.screens.how_to_play())
    pilot.until_scene("how_to_play")
    pilot.frame()
    scene = pilot.scene
    assert isinstance(scene, HowToPlayDialog) and scene.panel == 0
    b = scene.box
    content = [t.rect for t in scene.text_boxes if b.contains(t.rect) and t.rect.top > b.top + 90]
    room_bottom = b.bottom - 100  # above the dots and the buttons
    lowest = max(r.bottom for r in content)
    assert lowest >= b.top + 0.75 * (room_bottom - b.top), (lowest, room_bottom)
    assert "2031" in scene.drawn_text  # the ten years' far end
    assert not layout.problems(scene), layout.problems(scene)
    assert not _small(scene)


@pytest.mark.parametrize(("language", "scale"), [("en", 1.0), ("cy", 2.0), ("en", 2.0)])
def test_the_age_pyramids_labels_sit_clear_of_its_bars(make_app, world, language, scale):
    """Review of issue 10: at 200% the pyramid's age labels ("60–64") were drawn over the
    bars and "Men"/"Women" over the top row, on the charts and on the census reports: the
    layout checker only compares text with text. No bar colour under any of its labels."""
    from game.client import charts, palette
    from game.client.settings import Settings
    from game.play import GameSession

    app, pilot = make_app(settings=Settings(language=language, text_scale=scale))
    session = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(5):
        session.advance_year()
    app.ctx.session = session
    # bar fills and the 2021 outlines; "Men" is written in the men's bar colour itself
    bars = {tuple(c[:3]) for c in (palette.MALE, palette.FEMALE, palette.INK)}
    t = app.ctx.tr
    for build, name, page in [
        (app.screens.charts, "charts", None),
        (lambda: app.screens.report("midterm"), "midterm_report", "more_summary"),
    ]:
        app.stack.reset(build())
        pilot.until_scene(name)
        if page and pilot.scene.find_button(page) is not None:
            pilot.click(page)  # at 200% the pyramid is the summary's third part
            pilot.click(page)
        pilot.frame()
        labels = set(charts.BAND_LABELS) | {t("charts.male"), t("charts.female")}
        boxes = [b for b in pilot.scene.text_boxes if b.text in labels]
        assert len(boxes) >= 6, (name, [b.text for b in pilot.scene.text_boxes])
        surface = app.surface
        for b in boxes:
            ink = b.rect.inflate(-2, -4)
            own = {tuple(palette.MALE[:3])} if b.text == t("charts.male") else set()
            hit = [
                (x, y)
                for x in range(ink.left, ink.right)
                for y in range(ink.top, ink.bottom)
                if tuple(surface.get_at((x, y))[:3]) in bars - own
            ]
            assert not hit, f"{name}: {b.text!r} at {tuple(b.rect)} over a bar at {hit[0]}"


def test_the_jobs_by_industry_labels_are_one_size_and_whole_in_welsh_at_200(make_app, world):
    """Review of issue 10: Ceredigion's final report at 200% in Welsh cut "A Ffermio,
    coedwigaeth, pysg…", and each industry shrank on its own ("F Adeiladu" large beside
    "M Proffesiynol a gwyddonol" small). One size for every label, each whole."""
    from game.client import layout
    from game.client.settings import Settings
    from game.play import Fund, GameSession

    app, pilot = make_app(settings=Settings(language="cy", text_scale=2.0))
    session = GameSession.new(world, "Ceredigion", seed=3)
    while not session.finished:
        card = next((c for c in session.proposals if session.check(Fund(card_id=c.id)).ok), None)
        if card is not None:
            session.act(Fund(card_id=card.id))
        session.advance_year()
    app.ctx.session = session
    app.stack.push(app.screens.report("final"))
    pilot.until_scene("final_report")
    pilot.click("page_detail")
    pilot.frame()
    assert not layout.problems(pilot.scene)
    rows = [b for b in pilot.scene.text_boxes if b.text[:2] in {f"{c} " for c in "ABCFGHIJMNOPQ"}]
    assert len(rows) >= 8 and any(b.text.startswith("A Ffermio") for b in rows)
    assert len({b.rect.height for b in rows}) == 1, [(b.text, b.rect.height) for b in rows]
