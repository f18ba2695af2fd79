"""Inline SVG bar charts for the page (server-rendered, no JavaScript, no CDN).
Every label passes through markupsafe's escape; colours are Okabe-Ito (colour-blind safe),
and each bar also carries its number as text, so no reading depends on colour."""

from __future__ import annotations

from markupsafe import Markup, escape

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


CHAR_W = 13  # a generous average advance of DejaVu Sans / system-ui at the page's 21px


def label_width(labels: list[str], minimum: int = 250) -> int:
    """Room for the longest label, right-aligned before the bars: text-anchor=end draws
    leftwards from x, so a label wider than this is cut off at the SVG's left edge."""
    return max(minimum, max((len(t) for t in labels), default=0) * CHAR_W + 16)


def bars(
    rows: list[tuple[str, float, str]],
    *,
    title: str,
    colour: str = OKABE_ITO[0],
    max_value: float | None = None,
    width: int = 600,
) -> Markup:
    """Horizontal bars: (label, value, value as text). An empty list says 'nothing yet'."""
    if not rows:
        return Markup('<p class="empty">Nothing yet.</p>')
    row_h, text_w = 36, 120
    label_w = label_width([label for label, _, _ in rows])
    top = max_value if max_value is not None else max((v for _, v, _ in rows), default=0)
    top = top or 1.0
    # a long label widens the chart rather than eating the bars (the page scales it down)
    width = max(width, label_w + text_w + 230)
    bar_w = width - label_w - text_w
    height = row_h * len(rows) + 4
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = i * row_h + 2
        w = max(0.0, bar_w * value / top)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 25}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{colour}"></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 25}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
