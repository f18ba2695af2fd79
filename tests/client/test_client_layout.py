"""Layout at the projector text size: every screen reflows instead of overflowing.

The screenshot script visits every screen; at each one the layout checker looks at every
piece of drawn text: inside the screen and inside the panel/chart/dialog it belongs to, not
over other text, not under a button, and never shortened with "…".
"""

from __future__ import annotations

import pygame
import pytest

from game.client import charts, layout
from game.client.scene import TextBox
from game.client.text import group_name


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_screen_fits_at_text_scale_1_3(title, tmp_path, language):
    from game.client.screenshots import render_all

    found: dict[str, list[str]] = {}
    seen: list[str] = []

    def check(name: str, scene) -> None:
        seen.append(name)
        assert scene.text_boxes, f"{name}: no text recorded"
        # in both languages nothing is cut, spills, overlaps (glyph ink, descenders
        # included) or hides under a button
        problems = layout.problems(scene)
        if scene.name == "year":
            problems += _groups_left_out_silently(scene)
        if problems:
            found[name] = problems

    render_all(tmp_path, area="Hartlepool", seed=7, text_scale=1.3, language=language, check=check)
    assert len(seen) >= 20 and "07b_help_glossary" in seen and "15_charts_neighbours" in seen
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def _groups_left_out_silently(scene) -> list[str]:
    """Every citizen group on a card is either listed or counted in a "+N more" marker."""
    from game.client.scenes.year import CARD_H, CARD_TOP, CARD_W

    out = []
    for i, card in enumerate(scene.shown):
        rect = pygame.Rect(24 + i * (CARD_W + 14), CARD_TOP, CARD_W, CARD_H)
        drawn = {b.text for b in scene.text_boxes if b.box == rect}
        for groups, mark in ((card.supporters, "▲"), (card.detractors, "▼")):
            listed = [g for g in groups if f"{mark} {group_name(scene.ctx, g[0]) or g[1]}" in drawn]
            hidden = len(groups) - len(listed)
            if hidden and scene.t("year.more_groups", n=hidden) not in drawn:
                out.append(f"{card.id}: {hidden} of {len(groups)} {mark} groups left out silently")
    return out


def test_year_cards_count_the_groups_they_leave_out(title, tmp_path):
    """At the projector size a card with many supporters lists what fits and says "+N
    more" for the rest (the check above would fail without the marker)."""
    from game.client.screenshots import render_all

    markers: list[str] = []

    def check(name: str, scene) -> None:
        if scene.name == "year":
            assert not _groups_left_out_silently(scene)
            markers.extend(t for t in scene.drawn_text if t.startswith("+") and "more" in t)

    render_all(tmp_path, area="Hartlepool", seed=7, text_scale=1.3, language="en", check=check)
    assert markers, "no card needed a +N more marker: the test no longer exercises it"


class _FakeScene:
    def __init__(self, boxes, buttons=()):
        self.text_boxes = boxes
        self._buttons = buttons
        self.fonts = None  # boxes without a size are measured without fonts

    def buttons(self):
        return self._buttons


def test_layout_checker_finds_each_kind_of_problem():
    box = pygame.Rect(0, 0, 200, 100)
    ok = TextBox("fits", pygame.Rect(10, 10, 100, 20), box)
    assert layout.problems(_FakeScene([ok])) == []
    spill = TextBox("spills", pygame.Rect(150, 10, 100, 20), box)
    assert "outside its box" in layout.problems(_FakeScene([spill]))[0]
    a = TextBox("a", pygame.Rect(10, 10, 100, 20), box)
    b = TextBox("b", pygame.Rect(60, 12, 100, 20), pygame.Rect(0, 0, 400, 100))
    assert any("overlap" in p for p in layout.problems(_FakeScene([a, b])))
    cut = TextBox("long…", pygame.Rect(10, 10, 100, 20), box, cut=True)
    assert layout.problems(_FakeScene([cut]))[0].startswith("cut short")
    assert layout.problems(_FakeScene([cut]), allow_cut=True) == []

    class _Button:
        visible = True
        rect = pygame.Rect(50, 0, 80, 40)

    under = TextBox("under", pygame.Rect(10, 10, 100, 20), box)
    assert "under a button" in layout.problems(_FakeScene([under], [_Button()]))[0]


def test_nice_ticks_are_round_and_cover_the_range():
    ticks = charts.nice_ticks(93_964.0, 94_889.0)
    assert ticks[0] <= 93_964 and ticks[-1] >= 94_889
    step = ticks[1] - ticks[0]
    assert step in (200.0, 250.0) and all(t % step == 0 for t in ticks)
    assert charts.nice_ticks(0.0, 431_000.0, 3) == [0.0, 250_000.0, 500_000.0]
    assert charts.nice_ticks(0.062, 0.081)[0] == pytest.approx(0.06)


def test_why_rows_add_up_exactly_to_the_bar():
    # A16: +0.74 +0.56 +0.46 -0.08 +0.06 = 1.74 shown as 0.7+0.6+0.5-0.1+0.1 = 1.8 vs bar 1.6
    lines = [
        ("Broadband", 0.74),
        ("Access", 0.56),
        ("Gigabit", 0.46),
        ("Jobs", -0.08),
        ("Unemployment", 0.06),
        ("Tiny", 0.01),
    ]
    rows = charts.rows_adding_up(lines, 1.6, 8, "Rounding and other")
    assert round(sum(d for _, d in rows), 1) == 1.6
    assert rows[-1] == ("Rounding and other", pytest.approx(-0.2))
    # already adding up: no extra row
    exact = charts.rows_adding_up([("A", 1.0), ("B", 0.5)], 1.5, 8, "other")
    assert exact == [("A", 1.0), ("B", 0.5)]
    # more reasons than rows: the rest is folded into the last row
    many = [(f"r{i}", 1.0) for i in range(12)]
    folded = charts.rows_adding_up(many, 12.0, 5, "other")
    assert len(folded) == 5 and folded[-1] == ("other", 8.0)


def test_colour_bands_never_share_an_end_value():
    from game.client.scenes.area_choice import quintile_ranges

    values = {f"A{i:02d}": float(v) for i, v in enumerate(range(100, 1100, 100))}
    ranges = quintile_ranges(values)
    assert ranges == [(100, 200), (300, 400), (500, 600), (700, 800), (900, 1000)]
    for (_, hi), (lo, _) in zip(ranges, ranges[1:], strict=False):
        assert hi < lo


def test_the_checker_finds_a_button_label_pygame_gui_would_clip(title):
    """pygame_gui clips a label wider than its button without an ellipsis ("Census summa"):
    the checker measures each label at its theme size."""
    app, pilot = title
    scene = pilot.scene
    assert layout.cut_labels(scene) == []
    scene.button((10, 10, 90, 40), "A label far too long for this button", lambda: None)
    cut = layout.cut_labels(scene)
    assert len(cut) == 1 and "A label far too long" in cut[0]
    assert any("label cut" in p for p in layout.problems(scene))


def test_a_row_of_buttons_shares_its_width_by_label():
    from game.client.assets import BUTTON_SIZES, Fonts
    from game.client.rows import PAD, share_row

    fonts = Fonts(2.0)
    labels = ["1 Pobl", "2 Swyddi", "3 Cymeradwyaeth – pam", "4 Eich prosiectau", "5 Cymdogion"]
    widths, size = share_row(fonts, labels, 1232)
    assert sum(widths) + 4 * 10 <= 1232
    for label, w in zip(labels, widths, strict=True):
        assert fonts.size(label, BUTTON_SIZES[size], True)[0] + PAD <= w, label
    # short labels at 100%: equal widths, at the normal size
    widths, size = share_row(Fonts(1.0), ["1 People", "2 Jobs", "3 Map"], 600)
    assert size == "normal" and len(set(widths)) == 1
    # too long for the row at the smallest size: the short ones whole, the long one the rest
    widths, size = share_row(fonts, ["Council", "LEP", "Combined authority"], 420, 6)
    assert size == "mini" and sum(widths) <= 420 - 12
    assert fonts.size("LEP", BUTTON_SIZES["mini"], True)[0] + PAD <= widths[1]
