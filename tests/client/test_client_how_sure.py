"""'How sure are we?' in the Help glossary: the back-test's figures (data/play/how_sure.json)
in plain words, in English and Welsh, one F1 and a few "More" pages from the year screen."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.client import fmt
from game.client.settings import Settings
from game.sim.backtest import load_how_sure

SHOTS = Path(os.environ.get("CIVIC_SHOTS", "/tmp/civic-shots"))


def _help_texts(pilot, shot: Path) -> str:
    """Open Help with F1 and read every page; screenshot the page with the entry."""
    pilot.press(pygame.K_F1)
    pilot.until_scene("help")
    texts = " ".join(pilot.texts())
    while pilot.scene.find_button("help_next") and pilot.scene.find_button("help_next").is_enabled:
        pilot.click("help_next")
        texts += " " + " ".join(pilot.texts())
    shot.parent.mkdir(parents=True, exist_ok=True)
    pilot.screenshot(shot)  # the last page: the how-sure entry is the glossary's last
    return texts


@pytest.mark.parametrize(
    ("lang", "title", "caveat"),
    [
        ("en", "How sure are we?", "The test is easier than real life"),
        ("cy", "Pa mor sicr ydyn ni?", "Mae'r prawf yn haws na bywyd go iawn"),
    ],
)
def test_help_shows_how_sure_with_the_backtest_figures(make_app, world, lang, title, caveat):
    from game.client.scenes.year import YearScene

    app, pilot = make_app(settings=Settings(language=lang, seen_how_to_play=True))
    app.ctx.session = app.ctx.session_factory(world, "Hartlepool", 7)
    app.stack.push(YearScene(app))
    pilot.until_scene("year")
    texts = _help_texts(pilot, SHOTS / f"help_how_sure_{lang}.png")
    f = load_how_sure()["figures"]
    assert title in texts and caveat in texts
    for share in (
        f["model_mape_percent"],
        f["no_change_mape_percent"],
        f["uniform_growth_mape_percent"],
        f["ons_published_share_off_10pct"],
    ):
        assert fmt.pct(share / 100) in texts, share
    assert f"{fmt.count(f['councils'])} " in texts
    assert "{" not in texts  # every placeholder filled
    pilot.press(pygame.K_ESCAPE)
    pilot.until_scene("year")
