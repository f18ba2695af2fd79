"""Charts drawn straight with pygame, sized to be read from the back of a room.

Each function draws into `rect` on `surface` and writes its text through `text`
(the scene's text function, so tests can see every label).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pygame

from game.client import fmt, palette

TextFn = Callable[..., pygame.Rect]

BAND_LABELS = [f"{a}–{a + 4}" for a in range(0, 90, 5)] + ["90+"]


def five_year_bands(single_years: Sequence[float]) -> list[float]:
    """91 single years (0..89, 90+) -> 19 bands (0-4 .. 85-89, 90+)."""
    vals = list(single_years)
    bands = [sum(vals[a : a + 5]) for a in range(0, 90, 5)]
    bands.append(sum(vals[90:]))
    return bands


def pyramid(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    now: tuple[Sequence[float], Sequence[float]],
    then: tuple[Sequence[float], Sequence[float]],
    labels: dict[str, str],
) -> None:
    """Population by five-year age band: bars for now, a dark outline for 2021.

    labels: male, female, now, then, axis.
    """
    m_now, f_now = five_year_bands(now[0]), five_year_bands(now[1])
    m_then, f_then = five_year_bands(then[0]), five_year_bands(then[1])
    peak = max(max(m_now), max(f_now), max(m_then), max(f_then), 1.0)
    top = rect.top + 40
    bottom = rect.bottom - 56
    n = len(m_now)
    row = (bottom - top) / n
    mid = rect.centerx
    gutter = 34  # room for the age labels between the halves
    half = rect.width // 2 - gutter - 8
    text(labels["male"], (mid - gutter - 4, rect.top + 6), 20, palette.MALE, True, "topright")
    text(labels["female"], (mid + gutter + 4, rect.top + 6), 20, palette.BAD_TEXT, True, "topleft")
    for i in range(n):
        y = bottom - (i + 1) * row
        h = max(2, int(row) - 2)
        wm = int(half * m_now[i] / peak)
        wf = int(half * f_now[i] / peak)
        pygame.draw.rect(surface, palette.MALE, (mid - gutter - wm, int(y), wm, h))
        pygame.draw.rect(surface, palette.FEMALE, (mid + gutter, int(y), wf, h))
        tm = int(half * m_then[i] / peak)
        tf = int(half * f_then[i] / peak)
        pygame.draw.rect(surface, palette.INK, (mid - gutter - tm, int(y), tm, h), 2)
        pygame.draw.rect(surface, palette.INK, (mid + gutter, int(y), tf, h), 2)
        if i % 2 == 0:
            text(BAND_LABELS[i], (mid, int(y + h / 2)), 13, palette.MUTED, False, "center")
    # legend: filled = now, outline = 2021
    ly = rect.bottom - 36
    pygame.draw.rect(surface, palette.MALE, (rect.left + 10, ly, 14, 18))
    pygame.draw.rect(surface, palette.FEMALE, (rect.left + 24, ly, 14, 18))
    text(labels["now"], (rect.left + 46, ly + 9), 18, palette.INK, False, "midleft")
    pygame.draw.rect(surface, palette.INK, (mid + 20, ly, 28, 18), 2)
    text(labels["then"], (mid + 56, ly + 9), 18, palette.INK, False, "midleft")


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    title: str,
    years: Sequence[int],
    scenario: Sequence[float],
    baseline: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    value_fmt: Callable[[float], str],
    labels: dict[str, str],
    x_range: tuple[int, int] | None = None,
    min_span: float = 0.0,
    subtitle: str = "",
) -> None:
    """Scenario (solid blue) against baseline (dashed grey), with the low-high band shaded.

    min_span keeps the value axis from zooming into noise: a change of 30 jobs in 33,000
    should look small, not like a collapse."""
    text(title, (rect.left, rect.top), 22, palette.INK, True, "topleft")
    top = 40
    if subtitle:
        text(subtitle, (rect.left, rect.top + 30), 18, palette.BLUE, True, "topleft")
        top = 66
    plot = pygame.Rect(rect.left + 96, rect.top + top, rect.width - 120, rect.height - top - 70)
    pygame.draw.rect(surface, palette.CARD, plot)
    if not years:
        return
    y0, y1 = x_range or (years[0], years[-1])
    if y1 == y0:
        y1 = y0 + 1
    vals = [*scenario, *baseline, *low, *high]
    vmin, vmax = min(vals), max(vals)
    pad = (vmax - vmin) * 0.15 or max(abs(vmax) * 0.02, 1e-6)
    vmin, vmax = vmin - pad, vmax + pad
    if vmax - vmin < min_span:
        centre = (vmax + vmin) / 2
        vmin, vmax = centre - min_span / 2, centre + min_span / 2

    def xy(year: float, v: float) -> tuple[int, int]:
        x = plot.left + (year - y0) / (y1 - y0) * plot.width
        y = plot.bottom - (v - vmin) / (vmax - vmin) * plot.height
        return int(x), int(y)

    # grid and value ticks
    for k in range(5):
        v = vmin + (vmax - vmin) * k / 4
        _, y = xy(y0, v)
        pygame.draw.line(surface, palette.RULE, (plot.left, y), (plot.right, y), 1)
        text(value_fmt(v), (plot.left - 8, y), 16, palette.MUTED, False, "midright")
    for yr in range(y0, y1 + 1):
        x, _ = xy(yr, vmin)
        if (yr - y0) % 2 == 0 or y1 - y0 <= 6:
            text(str(yr), (x, plot.bottom + 6), 16, palette.MUTED, False, "midtop")
    if len(years) >= 2:
        band = [xy(y, v) for y, v in zip(years, high, strict=True)]
        band += [xy(y, v) for y, v in reversed(list(zip(years, low, strict=True)))]
        pygame.draw.polygon(surface, palette.BAND, band)
        base = [xy(y, v) for y, v in zip(years, baseline, strict=True)]
        _dashed(surface, palette.BASELINE, base, 3)
        pygame.draw.lines(
            surface,
            palette.SCENARIO,
            False,
            [xy(y, v) for y, v in zip(years, scenario, strict=True)],
            4,
        )
    for y, v in zip(years, scenario, strict=True):
        pygame.draw.circle(surface, palette.SCENARIO, xy(y, v), 5)
    pygame.draw.rect(surface, palette.MUTED, plot, 1)
    # legend under the plot
    ly = rect.bottom - 24
    lx = rect.left + 96
    pygame.draw.line(surface, palette.SCENARIO, (lx, ly), (lx + 34, ly), 4)
    r = text(labels["scenario"], (lx + 42, ly), 17, palette.INK, False, "midleft")
    lx = r.right + 24
    _dashed(surface, palette.BASELINE, [(lx, ly), (lx + 34, ly)], 3)
    r = text(labels["baseline"], (lx + 42, ly), 17, palette.INK, False, "midleft")
    lx = r.right + 24
    pygame.draw.rect(surface, palette.BAND, (lx, ly - 9, 34, 18))
    text(labels["band"], (lx + 42, ly), 17, palette.INK, False, "midleft")


def _dashed(surface: pygame.Surface, colour, points: list[tuple[int, int]], width: int) -> None:
    dash, gap = 10, 7
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        dx, dy = x1 - x0, y1 - y0
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        pos = 0.0
        while pos < length:
            end = min(pos + dash, length)
            a = (x0 + dx * pos / length, y0 + dy * pos / length)
            b = (x0 + dx * end / length, y0 + dy * end / length)
            pygame.draw.line(surface, colour, a, b, width)
            pos = end + gap


def approval_bars(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    rows: Sequence[tuple[str, float, float]],
    selected: int | None,
    row_h: int = 30,
) -> list[pygame.Rect]:
    """One bar per group: (name, approval 0..100, change). Returns each row's rect."""
    rects = []
    name_w = min(340, int(rect.width * 0.5))
    bar_w = rect.width - name_w - 110
    for i, (name, value, change) in enumerate(rows):
        y = rect.top + i * row_h
        r = pygame.Rect(rect.left, y, rect.width, row_h - 4)
        rects.append(r)
        if i == selected:
            pygame.draw.rect(surface, (255, 240, 205), r.inflate(8, 4), border_radius=6)
            pygame.draw.rect(surface, palette.ORANGE, r.inflate(8, 4), 3, border_radius=6)
        label = _fit(name, 31)
        text(
            label, (rect.left + 6, y + (row_h - 4) // 2), 16, palette.INK, i == selected, "midleft"
        )
        bx = rect.left + name_w
        pygame.draw.rect(surface, (225, 228, 232), (bx, y + 3, bar_w, row_h - 10))
        col = palette.GOOD if value >= 50 else palette.BAD
        pygame.draw.rect(
            surface, col, (bx, y + 3, int(bar_w * max(0, min(value, 100)) / 100), row_h - 10)
        )
        # the 50% line is the line between "for you" and "against you"
        pygame.draw.line(
            surface, palette.INK, (bx + bar_w // 2, y), (bx + bar_w // 2, y + row_h - 6), 2
        )
        label = f"{value:.0f}%"
        text(label, (bx + bar_w + 10, y + (row_h - 4) // 2), 17, palette.INK, True, "midleft")
        if change:
            col_t = palette.GOOD_TEXT if change > 0 else palette.BAD_TEXT
            text(
                fmt.points(change), (rect.right, y + (row_h - 4) // 2), 15, col_t, False, "midright"
            )
    return rects


def why_breakdown(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    lines: Sequence[tuple[str, float]],
    empty_text: str,
    max_rows: int = 9,
) -> None:
    """Democracy-style reasons, one row each: the cause on the left, then a bar from the zero
    line, green to the right for gains and red to the left for losses, always with a + or −
    sign so the meaning never depends on colour."""
    lines = [(label, d) for label, d in lines if abs(d) >= 0.05]  # below display precision
    if not lines:
        text(empty_text, (rect.left, rect.top), 18, palette.MUTED, False, "topleft")
        return
    ordered = sorted(lines, key=lambda s: (-abs(s[1]), s[0]))[:max_rows]
    peak = max(abs(d) for _, d in ordered) or 1.0
    label_w = int(rect.width * 0.46)
    area_left = rect.left + label_w + 10
    mid = area_left + (rect.right - area_left) // 2
    half = (rect.right - area_left) // 2 - 64
    row = min(46, max(30, rect.height // max(len(ordered), 1)))
    for i, (label, delta) in enumerate(ordered):
        y = rect.top + i * row
        cy = y + row // 2
        text(_fit(label, 44), (rect.left, cy), 16, palette.INK, False, "midleft")
        w = max(3, int(half * abs(delta) / peak))
        pygame.draw.line(surface, palette.MUTED, (mid, y + 4), (mid, y + row - 4), 2)
        if delta >= 0:
            pygame.draw.rect(surface, palette.GOOD, (mid, cy - 10, w, 20))
            text(fmt.points(delta), (mid + w + 8, cy), 17, palette.GOOD_TEXT, True, "midleft")
        else:
            pygame.draw.rect(surface, palette.BAD, (mid - w, cy - 10, w, 20))
            text(fmt.points(delta), (mid - w - 8, cy), 17, palette.BAD_TEXT, True, "midright")


def reason_label(line: object) -> str:
    """An explanation line's cause without the number PLAY appends to its English text."""
    source = str(getattr(line, "source", "") or "")
    text = str(getattr(line, "text", "") or "")
    return source or re.sub(r"\s*[+\-−]?\d+(\.\d+)?$", "", text)


def _fit(label: str, n: int) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


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
    label_w = int(rect.width * 0.45)
    mid = rect.left + label_w + (rect.width - label_w) // 2
    half = (rect.width - label_w) // 2 - 60
    for i, (label, v) in enumerate(rows):
        y = rect.top + i * row_h
        text(label, (rect.left, y + row_h // 2), 16, palette.INK, False, "midleft")
        w = max(2, int(half * abs(v) / peak))
        if v >= 0:
            pygame.draw.rect(surface, palette.GOOD, (mid, y + 4, w, row_h - 8))
            text(
                fmt.signed(v), (mid + w + 6, y + row_h // 2), 15, palette.GOOD_TEXT, True, "midleft"
            )
        else:
            pygame.draw.rect(surface, palette.BAD, (mid - w, y + 4, w, row_h - 8))
            text(
                fmt.signed(v), (mid - w - 6, y + row_h // 2), 15, palette.BAD_TEXT, True, "midright"
            )
        pygame.draw.line(surface, palette.INK, (mid, y), (mid, y + row_h), 1)
