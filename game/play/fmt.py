"""Display formatting: the one place numbers are rounded for people to read.

Used by PLAY's template parameters and by the client (game.client.fmt re-exports this
module), so a number reads the same on a card, in the newspaper and in the report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

DASH = "–"  # shown for a missing or non-finite number
MINUS = "−"  # typographic minus


def _finite(x: float | None) -> bool:
    return x is not None and not (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def count(x: float) -> str:
    """92338 -> '92,338'."""
    if not _finite(x):
        return DASH
    return f"{round(x):,}"


def signed(x: float) -> str:
    if not _finite(x):
        return DASH
    r = round(x)
    return f"+{r:,}" if r > 0 else (f"{MINUS}{abs(r):,}" if r < 0 else "0")


def money(x: float) -> str:
    """Pounds with k / m / bn, e.g. 12_500_000 -> '£12.5m'."""
    if not _finite(x):
        return DASH
    sign = MINUS if x < 0 else ""
    a = abs(x)
    if a >= 1e9:
        return f"{sign}£{a / 1e9:.2f}bn"
    if a >= 1e6:
        return f"{sign}£{a / 1e6:.1f}m"
    if a >= 1e3:
        return f"{sign}£{a / 1e3:.0f}k"
    return f"{sign}£{a:.0f}"


def pct(x: float, digits: int = 1) -> str:
    """A share in 0..1 shown as a percentage."""
    if not _finite(x):
        return DASH
    return f"{x * 100:.{digits}f}%"


def points(x: float, digits: int = 1) -> str:
    """A change in percentage points, always signed."""
    if not _finite(x):
        return DASH
    v = round(x, digits)
    if v > 0:
        return f"+{v:.{digits}f}"
    if v < 0:
        return f"{MINUS}{abs(v):.{digits}f}"
    return f"{0:.{digits}f}"


def scale(value: float) -> str:
    return f"{value:g}"


def render(templates: Mapping[str, str], key: str, params: dict[str, Any]) -> str:
    """English text for a translation key; a missing key shows itself rather than crash."""
    template = templates.get(key, key)
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):
        return template
