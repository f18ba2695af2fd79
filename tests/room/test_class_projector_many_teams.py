"""Ten teams (a class of 30 on 8-10 PCs) all fit on a 1920x1080 projector, in play and in
the break with a shock's news above them, long team names included. Four cards to a row put
the ninth and tenth below the bottom of the screen, where nobody scrolls a projector."""

from __future__ import annotations

from test_class_pages_browser import _shots, world  # noqa: F401 - fixture

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.server import ServerThread
from game.room.store import RoomStore

NAMES = ["Red Kites", "Table 3", "Blue", "Idle team", "Dragons", "The Amazing Table Six"]
NAMES += ["Ospreys", "Table 8", "Llewod", "Hawks"]


def _all_on_screen(page) -> None:  # noqa: ANN001
    page.locator("#teams .team dd").nth(4 * len(NAMES) - 1).wait_for(timeout=3000)
    # one look at the page (it redraws every second): each card's box, and any figure or
    # label that runs past its card's right edge
    cards = page.eval_on_selector_all(
        "#teams .team",
        """cs => cs.map(c => { const b = c.getBoundingClientRect();
            const out = [...c.querySelectorAll('dt, dd, h3')].filter(
                e => e.getBoundingClientRect().right > b.right + 0.5).map(e => e.textContent);
            return {name: c.querySelector('h3').textContent, bottom: b.bottom, right: b.right,
                    out: out}; })""",
    )
    assert [c["name"] for c in cards] == NAMES
    for c in cards:
        assert c["bottom"] <= 1080 and c["right"] <= 1920, c
        assert not c["out"], c
    size = page.eval_on_selector("#teams .team dd", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 30  # still read from the back of the room


def test_ten_teams_fit_the_projector(world, browser, tmp_path):  # noqa: F811
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, _ = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
    server = ServerThread(class_app(store, {info.code: game})).start()
    try:
        for name in NAMES:
            game.join(name)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{server.url}/c/{info.code}")
        game.start_round()
        page.locator("#phase").filter(has_text="Year 1 of 5 in play").wait_for(timeout=5000)
        _all_on_screen(page)
        page.screenshot(path=str(_shots(tmp_path) / "class-projector-ten-teams-1920.png"))
        game.end_round()
        game.throw_shock("recession")
        page.locator("#shock").filter(has_text="recession").wait_for(timeout=5000)
        _all_on_screen(page)
        page.screenshot(path=str(_shots(tmp_path) / "class-projector-ten-teams-shock-1920.png"))
    finally:
        server.stop()
        store.close()
