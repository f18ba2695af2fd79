"""Issue 10, point 5: the projector sizes. At 200% text the year screen shows one wide card
whose groups and costs are whole (no "+3 more"); it, the consultation, how to play and help
fit; and no text on any screen is under ~20 px once the 1280x720 design is shown at
1920x1080. (The reports, charts and newspaper do not yet reflow at 200%.)"""

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
        if scene.name in ("year", "consult", "how_to_play", "help"):
            problems = layout.problems(scene)
            problems += _every_group_listed(scene) if scene.name == "year" else []
            if any(scene.t("year.more_groups", n=n) in scene.drawn_text for n in range(1, 12)):
                problems.append("a card cut its groups to '+N more'")
            if problems:
                found[name] = problems
        if _small_text(scene):
            small[name] = _small_text(scene)

    render_all(tmp_path, area="Hartlepool", seed=7, text_scale=2.0, language=language, check=check)
    assert "05_year_proposals" in seen and "07_year_after_funding" in seen
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
    assert not small, "\n".join(f"{k}: {v}" for k, v in small.items())
