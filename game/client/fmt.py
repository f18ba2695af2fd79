"""Display formatting: the one place numbers are rounded for people to read."""

from __future__ import annotations

import math


def _finite(x: float) -> bool:
    return x is not None and not (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def count(x: float) -> str:
    """92338 -> '92,338'."""
    if not _finite(x):
        return "–"
    return f"{round(x):,}"


def signed(x: float) -> str:
    if not _finite(x):
        return "–"
    r = round(x)
    return f"+{r:,}" if r > 0 else (f"−{abs(r):,}" if r < 0 else "0")


def money(x: float) -> str:
    """Pounds with k / m, e.g. 12_500_000 -> '£12.5m'."""
    if not _finite(x):
        return "–"
    sign = "−" if x < 0 else ""
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
        return "–"
    return f"{x * 100:.{digits}f}%"


def points(x: float, digits: int = 1) -> str:
    """A change in percentage points, always signed."""
    if not _finite(x):
        return "–"
    v = round(x, digits)
    if v > 0:
        return f"+{v:.{digits}f}"
    if v < 0:
        return f"−{abs(v):.{digits}f}"
    return f"{0:.{digits}f}"
