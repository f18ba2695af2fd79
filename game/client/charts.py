"""Charts drawn straight with pygame, sized to be read from the back of a room.

Each function draws into `rect` on `surface` and writes its text through `text` (a Writer:
the scene's text function and its fonts, so tests can see every label and long labels are
measured at the player's text size).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from game.client import fmt, palette
from game.client.assets import Fonts


@dataclass(frozen=True)
class Writer:
    """Draws text for a chart: `draw(text, pos, size, colour, bold, anchor, max_width=..)`
    (a scene's Scene.text bound to the surface), measured with `fonts`."""

    draw: Callable[..., pygame.Rect]
    fonts: Fonts

    def __call__(self, *args: object, **kwargs: object) -> pygame.Rect:
        return self.draw(*args, **kwargs)


TextFn = Writer
Ages = Sequence[float] | np.ndarray  # people by single year of age, 0..90+

BAND_LABELS = [f"{a}–{a + 4}" for a in range(0, 90, 5)] + ["90+"]


def five_year_bands(single_years: Ages) -> list[float]:
    """91 single years (0..89, 90+) -> 19 bands (0-4 .. 85-89, 90+)."""
    vals = list(single_years)
    bands = [sum(vals[a : a + 5]) for a in range(0, 90, 5)]
    bands.append(sum(vals[90:]))
    return bands


def pyramid(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    now: tuple[Ages, Ages],
    then: tuple[Ages, Ages],
    labels: dict[str, str],
) -> None:
    """Population by five-year age band: bars for now, a dark outline for 2021.

    labels: male, female, now, then, axis.
    """
    m_now, f_now = five_year_bands(now[0]), five_year_bands(now[1])
    m_then, f_then = five_year_bands(then[0]), five_year_bands(then[1])
    peak = max(max(m_now), max(f_now), max(m_then), max(f_then), 1.0)
    fonts = _fonts(text)  # room for the labels is measured: fixed, 200% put them on bars
    top, bottom = rect.top + max(40, fonts.line_height(20, True) + 10), rect.bottom - 56
    n, mid = len(m_now), rect.centerx
    row = (bottom - top) / n
    gutter = max(34, max(_width(text, s, 13) for s in BAND_LABELS) // 2 + 6)
    half = rect.width // 2 - gutter - 8
    every = max(2, math.ceil(fonts.line_height(13) / max(row, 1.0)))  # labels apart
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
        if i % every == 0:
            text(BAND_LABELS[i], (mid, int(y + h / 2)), 13, palette.MUTED, False, "center")
    # legend: filled = now, outline = 2021
    ly = rect.bottom - 36
    pygame.draw.rect(surface, palette.MALE, (rect.left + 10, ly, 14, 18))
    pygame.draw.rect(surface, palette.FEMALE, (rect.left + 24, ly, 14, 18))
    text(labels["now"], (rect.left + 46, ly + 9), 18, palette.INK, False, "midleft")
    pygame.draw.rect(surface, palette.INK, (mid + 20, ly, 28, 18), 2)
    text(labels["then"], (mid + 56, ly + 9), 18, palette.INK, False, "midleft")


@dataclass(frozen=True)
class _Axes:
    """A plot's box and ranges: years across, values up."""

    plot: pygame.Rect
    y0: int
    y1: int
    vmin: float
    vmax: float

    def xy(self, year: float, v: float) -> tuple[int, int]:
        x = self.plot.left + (year - self.y0) / (self.y1 - self.y0) * self.plot.width
        y = self.plot.bottom - (v - self.vmin) / (self.vmax - self.vmin) * self.plot.height
        return int(x), int(y)


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
    fonts = _fonts(text)
    text(title, (rect.left, rect.top), 22, palette.INK, True, "topleft", max_width=rect.width)
    # the gaps grow with the text (projector sizes); at 100% they are the design's 30/40/66
    title_h = max(30, fonts.line_height(22, True))
    top = max(40, title_h + fonts.line_height(16) // 2)
    if subtitle:
        text(
            subtitle,
            (rect.left, rect.top + title_h),
            18,
            palette.BLUE,
            True,
            "topleft",
            max_width=rect.width,
        )
        top = max(66, title_h + fonts.line_height(18, True) + fonts.line_height(16) // 2)
    legend = _legend_rows(text, rect, [labels["scenario"], labels["baseline"], labels["band"]])
    if "band_narrow" in labels and len(years) >= 2:
        # decided below once the band is measured; reserve room for the longer label now
        legend = _legend_rows(
            text, rect, [labels["scenario"], labels["baseline"], labels["band_narrow"]]
        )
    row, foot = _legend_row(text), max(44, fonts.line_height(16) + 14)
    plot = pygame.Rect(
        rect.left + 96,
        rect.top + top,
        rect.width - 120,
        rect.height - top - foot - row * len(legend),
    )
    pygame.draw.rect(surface, palette.CARD, plot)
    if not years:
        return
    y0, y1 = x_range or (years[0], years[-1])
    if y1 == y0:
        y1 = y0 + 1
    ticks = _value_ticks([*scenario, *baseline, *low, *high], min_span)
    axes = _Axes(plot, y0, y1, ticks[0], ticks[-1])
    _grid(text, surface, axes, ticks, value_fmt)
    narrow = True
    if len(years) >= 2:
        narrow = _band(surface, axes, years, low, high)
        base = [axes.xy(y, v) for y, v in zip(years, baseline, strict=True)]
        _dashed(surface, palette.BASELINE, base, 3)
        pygame.draw.lines(
            surface,
            palette.SCENARIO,
            False,
            [axes.xy(y, v) for y, v in zip(years, scenario, strict=True)],
            4,
        )
    for y, v in zip(years, scenario, strict=True):
        pygame.draw.circle(surface, palette.SCENARIO, axes.xy(y, v), 5)
    pygame.draw.rect(surface, palette.MUTED, plot, 1)
    # legend under the plot, flowing onto a second line when the labels are long
    band_label = labels["band"]
    if narrow and len(years) >= 2 and "band_narrow" in labels:
        band_label = labels["band_narrow"]
    _line_legend(
        surface,
        rect,
        text,
        [labels["scenario"], labels["baseline"], band_label],
        rect.bottom - row * len(legend) + row // 2,
    )


def _legend_row(text: TextFn) -> int:
    """A legend line's height: the design's 26 px, or the text's own at the projector sizes."""
    return max(26, _fonts(text).line_height(17) + 2)


def _value_ticks(vals: list[float], min_span: float) -> list[float]:
    """Round value ticks around the data, padded, never spanning less than min_span."""
    vmin, vmax = min(vals), max(vals)
    pad = (vmax - vmin) * 0.15 or max(abs(vmax) * 0.02, 1e-6)
    vmin, vmax = vmin - pad, vmax + pad
    if vmax - vmin < min_span:
        centre = (vmax + vmin) / 2
        vmin, vmax = centre - min_span / 2, centre + min_span / 2
    return nice_ticks(vmin, vmax)


def _grid(
    text: TextFn,
    surface: pygame.Surface,
    axes: _Axes,
    ticks: list[float],
    value_fmt: Callable[[float], str],
) -> None:
    """Grid lines at round value ticks (94,000 not 94,889) and the years along the foot."""
    plot, y0, y1 = axes.plot, axes.y0, axes.y1
    # a short plot (big text, a long note under it) labels every other tick, never overlaps
    gap = abs(axes.xy(y0, ticks[1])[1] - axes.xy(y0, ticks[0])[1]) if len(ticks) > 1 else 1
    step = max(1, math.ceil(_fonts(text).line_height(16) / max(gap, 1)))
    for k, v in enumerate(ticks):
        _, y = axes.xy(y0, v)
        pygame.draw.line(surface, palette.RULE, (plot.left, y), (plot.right, y), 1)
        if k % step == 0:
            text(
                value_fmt(v), (plot.left - 8, y), 16, palette.MUTED, False, "midright", max_width=88
            )
    for yr in range(y0, y1 + 1):
        x, _ = axes.xy(yr, axes.vmin)
        if (yr - y0) % 2 == 0 or y1 - y0 <= 6:
            text(str(yr), (x, plot.bottom + 6), 16, palette.MUTED, False, "midtop")


def _band(
    surface: pygame.Surface,
    axes: _Axes,
    years: Sequence[int],
    low: Sequence[float],
    high: Sequence[float],
) -> bool:
    """The low-high band, drawn at least 2 px tall so it is never invisible; returns whether
    it is thinner than the plan's own line (the legend then says so rather than pointing
    at nothing)."""
    narrow = True
    tops, bottoms = [], []
    for y, lo, hi in zip(years, low, high, strict=True):
        x, y_hi = axes.xy(y, max(lo, hi))
        _, y_lo = axes.xy(y, min(lo, hi))
        if y_lo - y_hi < 2:
            mid = (y_lo + y_hi) // 2
            y_hi, y_lo = mid - 1, mid + 1
        narrow = narrow and y_lo - y_hi < 8
        tops.append((x, y_hi))
        bottoms.append((x, y_lo))
    pygame.draw.polygon(surface, palette.BAND, tops + bottoms[::-1])
    return narrow


def _line_legend(
    surface: pygame.Surface, rect: pygame.Rect, text: TextFn, items: list[str], ly: int
) -> None:
    for line in _legend_rows(text, rect, items):
        for k, lx in line:
            if k == 0:
                pygame.draw.line(surface, palette.SCENARIO, (lx, ly), (lx + 30, ly), 4)
            elif k == 1:
                _dashed(surface, palette.BASELINE, [(lx, ly), (lx + 30, ly)], 3)
            else:
                pygame.draw.rect(surface, palette.BAND, (lx, ly - 9, 30, 18))
            text(
                items[k],
                (lx + 36, ly),
                17,
                palette.INK,
                False,
                "midleft",
                max_width=rect.right - lx - 36,
            )
        ly += _legend_row(text)


def _legend_rows(text: TextFn, rect: pygame.Rect, items: list[str]) -> list[list[tuple[int, int]]]:
    """Legend keys placed left to right, wrapping: [[(item index, x), ...], ...]."""
    rows: list[list[tuple[int, int]]] = [[]]
    x = rect.left + 10
    for k, label in enumerate(items):
        w = 36 + _width(text, label, 17) + 24
        if rows[-1] and x + w - 24 > rect.right:
            rows.append([])
            x = rect.left + 10
        rows[-1].append((k, x))
        x += w
    return rows


def _fonts(text: TextFn) -> Fonts:
    return text.fonts


def _width(text: TextFn, s: str, size: int, bold: bool = False) -> int:
    return _fonts(text).size(s, size, bold)[0]


def _label_lines(text: TextFn, label: str, width: int, height: int, size: int = 16):
    """A label in one line, or wrapped onto two at a size both lines fit `height`, before
    it would shrink: (size, lines)."""
    fonts = _fonts(text)
    if fonts.size(label, size)[0] <= width:
        return size, [label]
    floor = min(size, math.ceil(13 / fonts.text_scale))
    for s in range(size, floor - 1, -1):
        lines = fonts.wrap(label, s, width)
        if (
            len(lines) <= 2
            and 2 * fonts.line_height(s) * 0.85 <= height
            and all(fonts.size(ln, s)[0] <= width for ln in lines)
        ):
            return s, lines
    return size, [label]  # the caller's text() shrinks or, at worst, shortens it


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering lo..hi: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if not (hi > lo):
        hi = lo + 1.0
    raw = (hi - lo) / max(n - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(lo / step) * step
    last = math.ceil(hi / step) * step
    count = int(round((last - first) / step))
    return [round(first + i * step, 12) for i in range(count + 1)]


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
    # the number columns are measured, so at big text sizes they never run into each other
    pct_w = _width(text, "100%", 17, True) + 8
    chg_w = _width(text, "+00.0", 15) + 4
    bar_w = rect.width - name_w - pct_w - chg_w - 20
    for i, (name, value, change) in enumerate(rows):
        y = rect.top + i * row_h
        r = pygame.Rect(rect.left, y, rect.width, row_h - 4)
        rects.append(r)
        if i == selected:
            pygame.draw.rect(surface, (255, 240, 205), r.inflate(8, 4), border_radius=6)
            pygame.draw.rect(surface, palette.ORANGE, r.inflate(8, 4), 3, border_radius=6)
        cy = y + (row_h - 4) // 2
        text(
            name,
            (rect.left + 6, cy),
            16,
            palette.INK,
            i == selected,
            "midleft",
            max_width=name_w - 14,
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
        text(f"{value:.0f}%", (bx + bar_w + 6 + pct_w - 8, cy), 17, palette.INK, True, "midright")
        if change:
            col_t = palette.GOOD_TEXT if change > 0 else palette.BAD_TEXT
            text(
                fmt.points(change), (rect.right, cy), 15, col_t, False, "midright", max_width=chg_w
            )
    return rects


def why_breakdown(
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: TextFn,
    lines: Sequence[tuple[str, float]],
    empty_text: str,
    max_rows: int = 9,
    total: float | None = None,
    other_label: str = "Rounding and other",
) -> None:
    """Democracy-style reasons, one row each: the cause on the left, then a bar from the zero
    line, green to the right for gains and red to the left for losses, always with a + or −
    sign so the meaning never depends on colour."""
    lines = rows_adding_up(lines, total, max_rows, other_label)
    if not lines:
        text(empty_text, (rect.left, rect.top), 18, palette.MUTED, False, "topleft")
        return
    ordered = lines
    peak = max(abs(d) for _, d in ordered) or 1.0
    label_w = int(rect.width * 0.5)
    area_left = rect.left + label_w + 10
    num_w = _width(text, "+00.0", 17, True) + 10
    mid = area_left + (rect.right - area_left) // 2
    half = (rect.right - area_left) // 2 - num_w
    row = min(46, max(30, rect.height // max(len(ordered), 1)))
    for i, (label, delta) in enumerate(ordered):
        y = rect.top + i * row
        cy = y + row // 2
        # long causes wrap onto two lines (or shrink) rather than losing their end
        size, parts = _label_lines(text, label, label_w, row)
        step = int(_fonts(text).line_height(size) * 0.85)
        for k, part in enumerate(parts):
            py = cy + (k - (len(parts) - 1) / 2) * step
            text(part, (rect.left, int(py)), size, palette.INK, False, "midleft", max_width=label_w)
        w = max(3, int(half * abs(delta) / peak))
        pygame.draw.line(surface, palette.MUTED, (mid, y + 4), (mid, y + row - 4), 2)
        if delta >= 0:
            pygame.draw.rect(surface, palette.GOOD, (mid, cy - 10, w, 20))
            text(fmt.points(delta), (mid + w + 6, cy), 17, palette.GOOD_TEXT, True, "midleft")
        else:
            pygame.draw.rect(surface, palette.BAD, (mid - w, cy - 10, w, 20))
            text(fmt.points(delta), (mid - w - 6, cy), 17, palette.BAD_TEXT, True, "midright")


def rows_adding_up(
    lines: Sequence[tuple[str, float]],
    total: float | None,
    max_rows: int,
    other_label: str,
) -> list[tuple[str, float]]:
    """The biggest reasons, shown to one decimal, plus one "rounding and other" row when
    the shown numbers would not add up exactly to the shown total (small reasons left out,
    rounding). With no total given, the reasons' own sum is the total."""
    real = [(label, d) for label, d in lines if round(abs(d), 1) >= 0.1]
    real.sort(key=lambda s: (-abs(s[1]), s[0]))
    keep = real[: max_rows - 1] if len(real) > max_rows else real
    want = round(total if total is not None else sum(d for _, d in lines), 1)
    shown = [(label, round(d, 1)) for label, d in keep]
    rest = round(want - sum(d for _, d in shown), 1)
    if abs(rest) >= 0.05:
        shown.append((other_label, rest))
    return shown
