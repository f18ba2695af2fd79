"""Numbers as the room's pages print them: rounded half up (30.5 -> 31, as pupils are
taught), never Python's round-half-to-even (which prints a median score of 30.5 as '30' and
31.5 as '32'), and a median that falls on a half shown as the half ('30.5')."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def half_up(x: float | None, digits: int = 0, *, grouped: bool = True) -> str:
    """`x` rounded half away from zero to `digits` places ('–' for None or NaN)."""
    if x is None or not math.isfinite(x):
        return "–"
    q = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # no '-0'
    return f"{q:,.{digits}f}" if grouped else f"{q:.{digits}f}"


def median_text(x: float | None) -> str:
    """A median: whole numbers as they are, a median halfway between two values with its
    half ('30.5'), anything else rounded half up to a whole number."""
    if x is None or not math.isfinite(x):
        return "–"
    if (2 * x).is_integer() and not float(x).is_integer():
        return half_up(x, 1)
    return half_up(x)


def signed(x: float | None, digits: int = 0) -> str:
    """'+12', '-3', '0': half_up with the sign a change needs."""
    text = half_up(x, digits)
    return (
        text
        if text.startswith("-") or text == "–" or float(text.replace(",", "")) == 0
        else "+" + text
    )
