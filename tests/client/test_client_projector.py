"""Issue 10, point 5: the projector sizes. At 200% text the year screen shows one wide card
whose groups and costs are whole (no "+3 more"); every screen of the scripted game fits
(the consultation, how to play, help, the newspaper, the mid-term and final reports with
their census summary in parts, the charts with their pages, title, credits, settings and
the area choice); and no text on any screen is under ~20 px once the 1280x720 design is
shown at 1920x1080. (tests/client/test_client_projector_screens.py checks 160% too, and the
screens the scripted game does not reach.)"""

from __future__ import annotations

import pytest

from game.client import layout
from game.client.text import group_name

SCALE_1080 = 1080 / 720


def _small_text(scene) -> list[str]:
    scale = scene.fonts.text_scale
    return [
        f"{b.text!r} at {b.size * scale * SCALE_1080:.0f} px"
        for b in scene.text_boxes
        if b.size and b.size * scale * SCALE_1080 < 19.5
    ]


def _every_group_listed(scene) -> list[str]:
    drawn = {b.text for b in scene.text_boxes}
    out = []
    for card in scene.shown:
        for groups, mark in ((card.supporters, "▲"), (card.detractors, "▼")):
            for gid, name, _ in groups:
                if f"{mark} {group_name(scene.ctx, gid) or name}" not in drawn:
                    out.append(f"{card.id}: {name} not listed")
    return out


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_year_screen_at_200_percent(title, tmp_path, language):
    from game.client.screenshots import render_all

    found: dict[str, list[str]] = {}
    small: dict[str, list[str]] = {}
    seen: list[str] = []

    def check(name: str, scene) -> None:
        seen.append(name)
        problems = layout.problems(scene)  # every screen: the projector mode is whole
        problems += _every_group_listed(scene) if scene.name == "year" else []
        if any(scene.t("year.more_groups", n=n) in scene.drawn_text for n in range(1, 12)):
            problems.append("a card cut its groups to '+N more'")
        if problems:
            found[name] = problems
        if _small_text(scene):
            small[name] = _small_text(scene)

    render_all(tmp_path, area="Hartlepool", seed=7, text_scale=2.0, language=language, check=check)
    assert "05_year_proposals" in seen and "07_year_after_funding" in seen
    # the census summary shows one part at a time at 200%: numbers, benchmarks, pyramid
    assert {"17b_final_report_benchmarks", "17c_final_report_pyramid"} <= set(seen)
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
    assert not small, "\n".join(f"{k}: {v}" for k, v in small.items())


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_consult_dialogs_group_list_fits_at_200_percent(make_app, world, language):
    """Play-test: at 200% the group buttons sat over "Who would you like to ask?" and were
    cut to "Young families · 19,844 · lean"."""
    from game.client.settings import Settings
    from game.play import GameSession

    settings = Settings(language=language, text_scale=2.0, seen_how_to_play=True)
    app, pilot = make_app(settings=settings)
    session = GameSession.new(world, "Hartlepool", seed=7)
    while max(len(c.stances) for c in session.proposals) < 5:  # the most groups a card has
        session.advance_year()
    app.ctx.session = session
    card = max(session.proposals, key=lambda c: len(c.stances))
    app.stack.push(app.screens.year())
    pilot.until_scene("year")
    pilot.scene.show_card(card.id)
    pilot.frame()
    pilot.click(f"consult_{card.id}")
    pilot.until_scene("consult")
    pilot.frame()
    scene = pilot.scene
    groups = [b for b in scene.buttons() if any("#group_" in o for o in b.object_ids)]
    assert len(groups) == len(scene.card.stances[:10])
    assert not layout.problems(scene), layout.problems(scene)
    close = scene.find_button("close").rect
    assert not any(b.rect.colliderect(close) for b in groups)
    fonts = scene.fonts
    for b in groups:
        cls = " ".join(c for c in b.class_ids if c)
        from game.client.assets import BUTTON_SIZES

        size = next(s for name, s in BUTTON_SIZES.items() if cls.endswith(f"_{name}"))
        assert fonts.size(b.text, size, bold=True)[0] <= b.rect.width - 8, b.text
        assert b.rect.height >= 48 * 720 / 1080  # a finger target at 1080p
