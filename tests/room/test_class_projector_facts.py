"""The lesson opens on the projector: the 50-minute plan's hook ("show the projector: the
area's name and census facts"), the 90-minute plan's first ten minutes and the worksheet's
first question ("look at the census facts on the projector") all send the class there before
year 1. The projector used to show only the area's name and "No team has joined yet"."""

from __future__ import annotations

from test_class_pages_browser import _shots, world  # noqa: F401 - fixture

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.server import ServerThread
from game.room.store import RoomStore


def test_the_projector_shows_the_areas_census_until_year_1_starts(world, browser, tmp_path):  # noqa: F811
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room("9X geography", kind="class")
    game = ClassGame(
        store, info.code, world, ClassSettings(years=5, area="Hartlepool"), ManualClock()
    )
    server = ServerThread(class_app(store, {info.code: game})).start()
    try:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{server.url}/c/{info.code}")
        facts = page.locator("#facts")
        facts.wait_for(timeout=3000)
        text = facts.inner_text()
        assert "Hartlepool in the 2021 census" in text
        assert f"{game.area.census_population:,}" in text  # the real count, as the debrief's
        assert "Biggest industries" in text
        box = facts.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 1080  # on the screen, no scroll
        size = page.eval_on_selector("#facts dd", "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 30  # read from the back of a classroom
        page.screenshot(path=str(_shots(tmp_path) / "class-projector-census-1920.png"))

        game.join("Red")
        game.start_round()  # the facts give way to the teams once the game is on
        facts.wait_for(state="hidden", timeout=5000)
        page.reload()
        assert not facts.is_visible()
    finally:
        server.stop()
        store.close()


def test_the_projector_says_the_game_is_over_in_projector_sized_type(world, browser, tmp_path):  # noqa: F811
    """After the last year the projector's line "All 5 years played: time for the debrief"
    and its debrief link are as big as the rest of the projector's type: the debrief page's
    24px rule (class "debrief") also caught the phase line, whose class is the phase's name."""
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
    server = ServerThread(class_app(store, {info.code: game})).start()
    try:
        game.join("Red")
        for _ in range(5):
            game.start_round()
            game.end_round()
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{server.url}/c/{info.code}")
        phase = page.locator("#phase").filter(has_text="time for the debrief")
        phase.wait_for(timeout=5000)
        page.locator("#debrief-link").wait_for(timeout=5000)
        size = "e => parseFloat(getComputedStyle(e).fontSize)"
        assert page.eval_on_selector("#phase", size) >= 36
        assert page.eval_on_selector("#debrief-link", size) >= 32
        page.screenshot(path=str(_shots(tmp_path) / "class-projector-over-1920.png"))
    finally:
        server.stop()
        store.close()
