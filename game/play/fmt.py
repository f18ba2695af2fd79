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


def _money_unit(a: float) -> tuple[float, int, str]:
    """(unit, decimals, suffix) money() uses for an amount of this size."""
    if a >= 1e9:
        return 1e9, 2, "bn"
    if a >= 1e6:
        return 1e6, 1, "m"
    if a >= 1e3:
        return 1e3, 0, "k"
    return 1.0, 0, ""


def money(x: float) -> str:
    """Pounds with k / m / bn, e.g. 12_500_000 -> '£12.5m'."""
    if not _finite(x):
        return DASH
    sign = MINUS if x < 0 else ""
    a = abs(x)
    unit, decimals, suffix = _money_unit(a)
    return f"{sign}£{a / unit:.{decimals}f}{suffix}"


def money_shown(x: float) -> float:
    """The amount money(x) shows, in pounds (12_460_000 -> 12_500_000.0)."""
    if not _finite(x):
        return float("nan")
    a = abs(x)
    unit, decimals, _ = _money_unit(a)
    shown = float(f"{a / unit:.{decimals}f}") * unit
    return shown if x >= 0 else -shown


def adds_up_as_shown(parts: list[float], total: float) -> bool:
    """Do the amounts money() shows for parts add up to the one it shows for total? Each
    is rounded on its own, so exact figures that add up may not once shown."""
    return abs(sum(money_shown(p) for p in parts) - money_shown(total)) < 0.5


def affordable(cost: float, money_held: float) -> bool:
    """Is the money enough? Judged on the figures the player reads (money_shown), so a
    refusal never quotes "needs £6.4m, you have £6.4m"; the rounding favours the player
    by at most half the last digit shown (data/play/README.md "Money")."""
    return cost <= money_held + 1e-6 or money_shown(cost) <= money_shown(money_held)


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
