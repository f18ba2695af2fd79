"""Every screen renders a frame, with its own words on it, and the pixel goldens match."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.client import charts, palette
from game.client.assets import Fonts

GOLDEN = Path(__file__).parent / "golden"
FAILED = GOLDEN / "_failed"
UPDATE = os.environ.get("CIVIC_UPDATE_GOLDEN") == "1"


def assert_matches_golden(
    surface: pygame.Surface, name: str, tol: int = 8, max_share: float = 0.002
) -> None:
    """Compare decoded pixels with a tolerance; a missing reference is only created when
    CIVIC_UPDATE_GOLDEN=1, and a failure writes computed | expected | difference."""
    ref = GOLDEN / f"{name}.png"
    got = pygame.surfarray.array3d(surface).astype(np.int16)
    if not ref.exists():
        if UPDATE:
            pygame.image.save(surface, str(ref))
            return
        pytest.fail(f"no golden image {ref}; run with CIVIC_UPDATE_GOLDEN=1 to create it")
    want = pygame.surfarray.array3d(pygame.image.load(str(ref))).astype(np.int16)
    assert got.shape == want.shape
    off = np.abs(got - want).max(axis=2) > tol
    share = float(off.mean())
    if share > max_share:
        FAILED.mkdir(exist_ok=True)
        diff = np.zeros_like(got)
        diff[off] = (255, 0, 255)
        strip = np.concatenate([got, want, diff], axis=0).astype(np.uint8)
        pygame.image.save(pygame.surfarray.make_surface(strip), str(FAILED / f"{name}.png"))
        if UPDATE:
            pygame.image.save(surface, str(ref))
            return
        pytest.fail(f"{name}: {share:.2%} of pixels differ; see {FAILED / (name + '.png')}")
    (FAILED / f"{name}.png").unlink(missing_ok=True)


def _frame_is_drawn(pilot) -> None:
    pixels = pygame.surfarray.array3d(pilot.app.surface)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 8  # not a blank screen
    assert pilot.texts()


def test_every_screen_renders_a_frame(title, tmp_path):
    """The screenshot script visits every screen; each one must draw and carry its words."""
    from game.client import layout
    from game.client.screenshots import render_all

    app, pilot = title
    seen: dict[str, object] = {}
    problems: dict[str, list[str]] = {}

    def check(name, scene):
        seen[name] = (scene.name, getattr(scene, "tab", None), scene.visible_text())
        found = layout.problems(scene)  # at the normal text size too
        if found:
            problems[name] = found

    written = render_all(tmp_path, area="Hartlepool", seed=7, check=check)
    names = {p.stem for p in written}
    assert not problems, problems
    # the last paper says where its button goes; the verdict's "See why" opens the chart
    assert "See the Census 2031 ▶" in seen["15b_last_newspaper"][2]
    assert seen["16b_final_see_why"][:2] == ("charts", "approval")
    assert "07c_end_year_confirm" in names
    for expected in (
        "01_title",
        "04_area_choice_map",
        "05_year_proposals",
        "06_consult_dialog",
        "08_newspaper",
        "09_midterm_census",
        "13_charts_approval_why",
        "15_charts_neighbours",
        "17_final_report_summary",
    ):
        assert expected in names
    assert any(n.startswith("16_final_report_") for n in names)
    assert {"19_final_report_parade_illustration", "19_final_report_mob_illustration"} & names
    for p in written:
        img = pygame.surfarray.array3d(pygame.image.load(str(p)))
        assert img.shape == (1280, 720, 3)
        assert len(np.unique(img.reshape(-1, 3)[::97], axis=0)) > 8, p.name


def test_scene_texts(title):
    app, pilot = title
    assert {"New game", "Continue", "Settings", "Credits and data", "Quit"} <= set(pilot.texts())
    _frame_is_drawn(pilot)
    pilot.click("credits")
    pilot.until_scene("credits")
    joined = " ".join(pilot.texts())
    assert "Open Government Licence v3.0" in joined
    assert "Contains OS data © Crown copyright and database right 2021" in joined
    assert "CC BY 3.0 IGO" in joined


def test_golden_title_and_settings(title):
    app, pilot = title
    pilot.frame()
    assert_matches_golden(app.surface, "title")
    pilot.click("settings")
    pilot.until_scene("settings")
    pilot.frame()
    assert_matches_golden(app.surface, "settings")


def test_golden_area_choice_map(title):
    app, pilot = title
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.type("Hartlepool")
    pilot.click("result_0")
    pilot.frame()
    assert_matches_golden(app.surface, "area_choice")


def test_golden_charts_on_fixed_data(title):
    """The chart drawing on hand-made numbers, independent of the engine's output."""
    app, pilot = title
    scene = pilot.scene
    surface = pygame.Surface((1280, 720))
    surface.fill(palette.PAPER)

    # the scene draws (so its text is recorded); measured at the design size
    text = charts.Writer(functools.partial(scene.text, surface), Fonts())

    ages = np.arange(91)
    now = (list(1000 - 8 * ages), list(1050 - 8 * ages))
    then = (list(1100 - 9 * ages), list(1120 - 9 * ages))
    labels = {
        "male": "Men",
        "female": "Women",
        "now": "Bars: now",
        "then": "Outline: 2021",
        "scenario": "Your plan",
        "baseline": "No new projects",
        "band": "Likely range",
    }
    charts.pyramid(surface, pygame.Rect(20, 20, 500, 680), text, now, then, labels)
    years = list(range(2021, 2027))
    charts.line_chart(
        surface,
        pygame.Rect(540, 20, 720, 330),
        text,
        "Jobs",
        years,
        [100, 104, 109, 112, 118, 121],
        [100, 101, 102, 103, 104, 105],
        [100, 102, 106, 108, 112, 114],
        [100, 106, 112, 116, 124, 128],
        lambda v: f"{v:.0f}",
        labels,
        (2021, 2031),
    )
    charts.why_breakdown(
        surface,
        pygame.Rect(540, 380, 720, 300),
        text,
        [("New primary school", 6.0), ("Council tax", -2.5), ("Jobs in the area", 1.2)],
        "none",
    )
    assert_matches_golden(surface, "charts_fixed")
