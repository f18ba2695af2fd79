"""The final report's benchmark panel: how this game's cost per net job sits against
published ranges (the HCA / ONS benchmarks in data/play/benchmarks.csv)."""

from __future__ import annotations

import pygame

from game.client import charts, fmt, palette
from game.client.assets import Fonts
from game.client.charts import TextFn
from game.client.i18n import Translator
from game.play import CensusReport


def draw_benchmarks(
    surface: pygame.Surface,
    r: CensusReport,
    t: Translator,
    fonts: Fonts,
    text: TextFn,
    rect: pygame.Rect,
) -> None:
    """Published cost-per-job ranges as bars on one money axis, and this game's cost per
    net job as a line across them."""
    text(
        t("report.benchmarks"),
        (rect.left, rect.top),
        18,
        palette.INK,
        True,
        max_width=rect.width,
    )
    marks = [b for b in r.benchmarks][:4]
    if not marks:
        return
    ticks = charts.nice_ticks(
        0.0, max([b.high for b in marks] + [r.cost_per_net_job or 0]) * 1.05, 3
    )
    hi = ticks[-1]
    label_w = int(rect.width * 0.46)
    scale = pygame.Rect(rect.left + label_w, rect.top, rect.width - label_w - 30, 0)
    head = fonts.line_height(18, True) + 2
    axis_h = 8 + fonts.line_height(14)
    lh = fonts.line_height(15)
    # rows share what is left (never tighter than the text's own ink)
    slots = len(marks) + (1 if r.cost_per_net_job else 0)
    cap = int(22 * fonts.text_scale)  # the 22 px row grows with the text (projector sizes)
    row = max(int(lh * 0.8), min(cap, lh + 1, (rect.height - head - axis_h) // max(slots, 1)))
    top = rect.top + head
    if r.cost_per_net_job:
        top += row  # a line of its own for "yours: £…", clear of the bars
    for i, b in enumerate(marks):
        y = top + i * row
        label = t.maybe(f"benchmark.{b.id}", b.label)
        text(label, (rect.left, y), 15, palette.INK, max_width=label_w - 8)
        x0 = scale.left + int(scale.width * b.low / hi)
        x1 = max(scale.left + int(scale.width * b.high / hi), x0 + 4)
        pygame.draw.rect(surface, palette.SKY, (x0, y + 3, x1 - x0, 14))
    axis_y = top + len(marks) * row + 8
    for k, value in enumerate(ticks):
        tx = scale.left + int(scale.width * value / hi)
        pygame.draw.line(surface, palette.MUTED, (tx, axis_y - 4), (tx, axis_y + 2), 2)
        anchor = "topright" if k == len(ticks) - 1 else "midtop"
        text(
            fmt.money(value),
            (tx + (8 if k == len(ticks) - 1 else 0), axis_y + 4),
            14,
            palette.MUTED,
            False,
            anchor,
        )
    pygame.draw.line(surface, palette.MUTED, (scale.left, axis_y), (scale.right, axis_y), 1)
    if r.cost_per_net_job:
        x = scale.left + int(scale.width * min(r.cost_per_net_job, hi) / hi)
        pygame.draw.line(surface, palette.VERMILION, (x, top - row), (x, axis_y - 6), 4)
        label = t("report.yours", value=fmt.money(r.cost_per_net_job))
        lw = fonts.size(label, 15, True)[0]
        # beside the top of the line, on whichever side has room
        pos, anchor = (x + 8, top - row), "topleft"
        if x + 8 + lw > rect.right:
            pos, anchor = (x - 8, top - row), "topright"
        text(label, pos, 15, palette.BAD_TEXT, True, anchor)
