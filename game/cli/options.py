"""Argument types and checks that simulate, report and validate share (so those commands
need not import one another)."""

from __future__ import annotations

import argparse
import math
from typing import Any, Literal

from game.errors import CivicError

NO_FUND: Literal["none"] = (
    "none"  # as game.sim.plan_check.NO_FUND (not imported: --help stays light)
)


def _budget_arg(text: str) -> float | Literal["none"]:
    if text.strip().lower() == NO_FUND:
        return NO_FUND
    try:
        value = float(text.replace(",", "").replace("£", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--budget takes GBP or 'none', got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"--budget must be 0 or more, got {text!r}")
    return value


def _area_mismatch(world: Any, given: str, planned: str) -> tuple[str, str] | None:
    """(area played, scenario's area) names when they are different places, else None."""

    def name_and_members(q: str) -> tuple[str, frozenset[str]]:
        if q.strip().lower() in ("all", "england and wales"):
            return "England and Wales", frozenset(world.codes)
        try:
            return world.resolve(q).name, frozenset(world.members(q))
        except CivicError:
            return q, frozenset()

    a, b = name_and_members(given), name_and_members(planned)
    return None if a[1] == b[1] and a[1] else (a[0], b[0])
