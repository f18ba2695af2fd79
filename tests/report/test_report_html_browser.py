"""The HTML pack in Debian's headless chromium (Playwright): no sideways scrolling of the
page at a laptop's or a tablet's width; wide tables scroll inside their own box."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main

SCENARIO = "data/scenarios/hartlepool_business_park_skills.json"


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "one"
    argv = ["report", "--area", "Hartlepool", "--scenario", SCENARIO, "--out", str(out)]
    assert main([*argv, "--format", "html"]) == 0
    return out / "report.html"


@pytest.mark.parametrize("width", [480, 800, 1280])
def test_no_sideways_scroll(html: Path, browser, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(html.as_uri())
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"page is {scroll}px wide in a {inner}px window"
    # every chart fits the window, and the widest table scrolls inside its own box
    widest_img = page.evaluate(
        "Math.max(...[...document.images].map(i => i.getBoundingClientRect().right))"
    )
    assert widest_img <= inner
    boxes = page.evaluate(
        """[...document.querySelectorAll('section.table table')].map(t => {
             const box = t.parentElement;
             return [box.className, box.scrollWidth, box.clientWidth,
                     getComputedStyle(box).overflowX];
           })"""
    )
    assert boxes and all(b[0] == "scroll" and b[3] == "auto" for b in boxes), boxes[:3]
    if width == 480:  # a phone: the 13-column jobs table scrolls inside its box
        assert any(b[1] > b[2] for b in boxes)
    page.close()
