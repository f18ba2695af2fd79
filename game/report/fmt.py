"""Number formatting for the pack's HTML and PDF (the CSV and XLSX keep plain numbers)."""

from __future__ import annotations

import math
from typing import Any


def money(x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "n/a"
    if abs(x) >= 1e6:
        return f"£{x / 1e6:,.1f}m"
    return f"£{x:,.0f}"


def value(x: Any, unit: str = "") -> str:
    """One number as a board paper prints it; None -> 'n/a'."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "n/a"
    if isinstance(x, str):
        return x
    if unit == "GBP":
        return money(float(x))
    if unit == "share":
        return f"{float(x):.1%}"
    if unit == "ratio":
        return f"{float(x):.2f}"
    if unit in ("points",):
        return f"{float(x):.1f}"
    return f"{float(x):,.0f}"


def signed(x: float | None, unit: str = "") -> str:
    """A difference with its sign; one that rounds to nothing is shown unsigned."""
    if x is None or not math.isfinite(x):
        return "n/a"
    if unit == "GBP":
        return "£0" if abs(x) < 0.5 else ("+" if x > 0 else "−") + money(abs(x))
    if unit == "share":
        return "0.0 pts" if abs(x) < 0.0005 else f"{x * 100:+.1f} pts".replace("-", "−")
    if unit == "ratio":
        return "0.00" if abs(x) < 0.005 else f"{x:+.2f}".replace("-", "−")
    if unit == "points":
        return "0.0" if abs(x) < 0.05 else f"{x:+.1f}".replace("-", "−")
    return "0" if abs(x) < 0.5 else f"{x:+,.0f}".replace("-", "−")


def band(lo: float | None, hi: float | None, unit: str = "") -> str:
    if lo is None or hi is None:
        return ""
    return f"{value(lo, unit)} – {value(hi, unit)}"


def cell(x: Any) -> str:
    """A table cell: floats to sensible precision, None/NaN blank."""
    if hasattr(x, "item"):  # numpy scalars from a DataFrame
        x = x.item()
    if x is None:
        return ""
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, int):
        return f"{x:,}" if abs(x) >= 10000 else str(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            return ""
        if abs(x) >= 1000:
            return f"{x:,.0f}"
        if abs(x) >= 10:
            return f"{x:,.1f}"
        return f"{x:,.2f}" if x != int(x) else f"{x:.0f}"
    return str(x)


def column_cell(header: str, x: Any) -> str:
    """A table cell formatted for its column's unit (same decimals all down a column)."""
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, bool) or not isinstance(x, int | float) or x is None:
        return cell(x)
    if isinstance(x, float) and not math.isfinite(x):
        return ""
    h = header.lower()
    if (h == "year" or "(year)" in h) and float(x) == int(x):
        return str(int(x))
    if "(gbp" in h:
        return f"£{x:,.0f}"
    if "(ratio)" in h:
        return f"{x:.2f}"
    if "(fte)" in h or "(0-100)" in h or "(points)" in h or "(job-years)" in h:
        return f"{x:,.1f}"
    if "(people)" in h or "(jobs)" in h:
        return f"{x:,.0f}"
    return cell(x)
