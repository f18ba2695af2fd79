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
