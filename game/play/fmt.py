"""Display formatting for template parameters (one rounding rule, display only)."""

from __future__ import annotations

from typing import Any


def money(value: float) -> str:
    v = abs(value)
    sign = "-" if value < 0 else ""
    if v >= 1e9:
        return f"{sign}£{v / 1e9:.1f}bn"
    if v >= 1e6:
        return f"{sign}£{v / 1e6:.1f}m"
    if v >= 1e3:
        return f"{sign}£{v / 1e3:.0f}k"
    return f"{sign}£{v:.0f}"


def count(value: float) -> str:
    return f"{round(value):,}"


def pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def scale(value: float) -> str:
    return f"{value:g}"


def render(templates: dict[str, str], key: str, params: dict[str, Any]) -> str:
    """English text for a translation key; a missing key shows itself rather than crash."""
    template = templates.get(key, key)
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):
        return template
