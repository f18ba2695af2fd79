"""Signed horizontal bars (jobs change by industry on the census reports): one text size
for every label and number, chosen so the longest label fits (split from charts.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.client import fmt, palette
from game.client.charts import TextFn, _fonts, _width


def hbar_changes(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    rows: Sequence[tuple[str, float]],
    row_h: int = 26,
) -> None:
    """Signed horizontal bars (e.g. jobs change by industry against the baseline)."""
    if not rows:
        return
    peak = max(abs(v) for _, v in rows) or 1.0
    size, label_w, num_w = _hbar_sizes(text, rect.width, [label for label, _ in rows])
    mid = rect.left + label_w + num_w + (rect.width - label_w - 2 * num_w) // 2
    half = (rect.width - label_w - 2 * num_w) // 2
    num = min(15, size)
    for i, (label, v) in enumerate(rows):
        y = rect.top + i * row_h
        text(
            label,
            (rect.left, y + row_h // 2),
            size,
            palette.INK,
            False,
            "midleft",
            max_width=label_w - 8,
        )
        w = max(2, int(half * abs(v) / peak))
        if v >= 0:
            pygame.draw.rect(surface, palette.GOOD, (mid, y + 4, w, row_h - 8))
            text(
                fmt.signed(v),
                (mid + w + 6, y + row_h // 2),
                num,
                palette.GOOD_TEXT,
                True,
                "midleft",
            )
        else:
            pygame.draw.rect(surface, palette.BAD, (mid - w, y + 4, w, row_h - 8))
            text(
                fmt.signed(v),
                (mid - w - 6, y + row_h // 2),
                num,
                palette.BAD_TEXT,
                True,
                "midright",
            )
        pygame.draw.line(surface, palette.INK, (mid, y), (mid, y + row_h), 1)


def _hbar_sizes(text: TextFn, width: int, labels: list[str]) -> tuple[int, int, int]:
    """One text size for every bar's label and number (each shrinking on its own looked
    random at 200%), the largest at which the longest label fits beside the numbers and a
    quarter of the width for bars: (size, label width, number width)."""
    floor = min(16, math.ceil(13 / _fonts(text).text_scale))  # ~20 px at 1080p
    for size in range(16, floor - 1, -1):
        num_w = _width(text, "−0,000", min(15, size), True) + 8
        longest = max(_width(text, label, size) for label in labels) + 8
        if longest <= width - 2 * num_w - width // 4 or size == floor:
            return size, max(int(width * 0.45), min(longest, width - 2 * num_w - width // 4)), num_w
    raise AssertionError("unreachable: the floor size returns")
