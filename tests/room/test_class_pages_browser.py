"""The class room's pages in Debian's headless chromium (Playwright): the teacher runs the
rounds with the buttons (start, pause, +1 minute, resume, end early, throw a shock), the
projector shows the teams in type big enough for the back of a classroom, and the debrief
opens after the last year. Screenshots at 1920x1080 go to CLASS_SHOTS (or tmp)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from test_class_end_to_end import _play_turn

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.server import ServerThread
from game.room.store import RoomStore

TEAMS = ("Red", "Blue", "Green", "Idle")  # _play_turn gives each its own style


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("CLASS_SHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def _no_stray_separators(text: str) -> None:
    """A '·' only ever sits between two things on one line (the teacher's page had one
    dangling at the start of a line, before a hidden link)."""
    import re

    for line in text.splitlines():
        assert not re.search(r"^\s*·|·\s*$|·\s*·", line), repr(line)


def test_the_teacher_runs_rounds_and_the_class_reads_the_debrief(world, browser, tmp_path):
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
    server = ServerThread(class_app(store, {info.code: game})).start()
    shots = _shots(tmp_path)
    try:
        api = f"{server.url}/api/class/{info.code}"
        for t in TEAMS:
            httpx.post(f"{api}/teams", json={"name": t}).raise_for_status()
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{server.url}/c/{info.code}/teacher?token={token}")
        assert page.url.endswith(f"/c/{info.code}/teacher")  # the token became a cookie
        phase, countdown = page.locator("#phase"), page.locator("#countdown")
        page.locator("#teams .team").nth(3).wait_for()
        phase.filter(has_text="Waiting to start: 5 years to play").wait_for(timeout=3000)
        _no_stray_separators(page.locator("body").inner_text())

        page.get_by_role("button", name="Start the year").click()
        phase.filter(has_text="Year 1 of 5 in play").wait_for(timeout=3000)
        countdown.filter(has_text="4:00").wait_for(timeout=3000)
        clock.advance(30)
        page.get_by_role("button", name="Pause").click()
        phase.filter(has_text="Year 1 of 5 paused").wait_for(timeout=3000)
        page.get_by_role("button", name="+1 minute").click()
        countdown.filter(has_text="4:30").wait_for(timeout=3000)
        page.get_by_role("button", name="Resume").click()
        phase.filter(has_text="Year 1 of 5 in play").wait_for(timeout=3000)
        page.get_by_role("button", name="End the year now").click()
        phase.filter(has_text="Year 1 of 5 done: start year 2 when ready").wait_for(timeout=3000)
        _no_stray_separators(page.locator("body").inner_text())
        assert game.status().round == 1 and game.status().teams[0].year == 2022

        page.locator("#shock-pick").select_option("flood")
        page.get_by_role("button", name="Throw it").click()
        page.locator("#message").filter(has_text="Thrown: A flood").wait_for(timeout=3000)
        # one shock a break (a second is refused): the button says so before it is pressed
        page.locator("button[data-control=shock]:disabled").wait_for(timeout=3000)
        assert not countdown.is_visible()  # between years: no clock, not a dash
        page.screenshot(path=str(shots / "class-teacher-1920.png"))

        # the projector (public) during year 2: teams side by side, big type, no choices
        page.get_by_role("button", name="Start the year").click()
        proj = browser.new_page(viewport={"width": 1920, "height": 1080})
        proj.goto(f"{server.url}/c/{info.code}")
        proj.locator("#phase").filter(has_text="Year 2 of 5 in play").wait_for(timeout=3000)
        proj.locator("#shock").filter(has_text="flood").wait_for(timeout=3000)
        sizes = proj.eval_on_selector_all(
            "#teams dt, #teams dd, #teams h3, #phase, #shock",
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
        )
        assert min(sizes) >= 28, sizes  # readable from the back of a classroom
        cards = proj.locator("#teams .team")
        assert cards.count() == 4
        text = proj.locator("#teams").inner_text()
        assert "Net new jobs" in text and "Money left" in text
        assert "fund" not in text.lower()  # no team's choices before the debrief
        assert proj.get_by_role("button").count() == 0  # no controls on the projector
        proj.screenshot(path=str(shots / "class-projector-1920.png"))

        pc = httpx.Client(base_url=api)
        for _ in range(4):  # years 2..5 end by time (projector polls, the clock moves)
            phase.filter(has_text="of 5 in play").wait_for(timeout=3000)
            for t in TEAMS[:3]:
                _play_turn(pc, t)
            clock.advance(240)
            page.locator("#phase:not(.playing)").wait_for(timeout=3000)
            if game.status().phase == "between":
                page.get_by_role("button", name="Start the year").click()
        pc.close()
        phase.filter(has_text="All 5 years played: time for the debrief").wait_for(timeout=3000)
        _no_stray_separators(page.locator("body").inner_text())
        page.get_by_role("link", name="Open the debrief").click()
        page.locator("#describe table").first.wait_for()
        rows = page.locator("#describe table").first.locator("tbody tr")
        assert rows.count() == 4
        charts = page.locator("#describe img.chart")
        assert charts.count() == 2  # population and jobs, drawn (CSP lets images through)
        assert all(w > 500 for w in charts.evaluate_all("es => es.map(e => e.naturalWidth)"))
        for step in ("describe", "analyse", "transfer", "apply"):
            assert page.locator(f"#{step} p strong", has_text="Ask:").count() >= 1, step
        assert "People (Census 2021)" in page.locator("#transfer").inner_text()
        legend = page.locator("#describe .legend").inner_text()  # every ending explained
        for ending in ("Parade", "Mixed reception", "Angry mob"):
            assert ending in legend
        assert "An angry crowd" in legend and "No new projects, same shock" in legend
        _no_stray_separators(page.locator("body").inner_text())
        page.screenshot(path=str(shots / "class-debrief-1920.png"), full_page=False)
        page.screenshot(path=str(shots / "class-debrief-full.png"), full_page=True)
        pdf = httpx.get(f"{server.url}/c/{info.code}/debrief.pdf")
        assert pdf.headers["content-type"] == "application/pdf"
        (shots / "class-debrief.pdf").write_bytes(pdf.content)
        from pypdf import PdfReader

        reader = PdfReader(shots / "class-debrief.pdf")
        assert 1 <= len(reader.pages) <= 2
        assert "Green" in reader.pages[0].extract_text()
        pack = page.goto(f"{server.url}/teachers/")
        assert pack is not None and pack.status == 200
        assert page.get_by_role("link", name="50-minute lesson plan").count() == 1
    finally:
        server.stop()
        store.close()
