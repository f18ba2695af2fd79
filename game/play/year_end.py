"""Steps of a session's year end that need only the data they are given (game.play.session
calls them from GameSession.advance_year): projects opening, explanations adding up, the
clout earned, and which census report is due."""

from __future__ import annotations

from typing import Literal

from game.play.engine_port import Snapshot
from game.play.models import ExplanationLine, FundedProject
from game.play.rules import GameRules


def census_due(turn: int, years: int, midterm_turn: int) -> Literal["midterm", "final"] | None:
    """The census report the year that just ended brings, if any."""
    if turn == years:
        return "final"
    return "midterm" if turn == midterm_turn else None


def clout_income_for(rules: GameRules, approval_overall: float) -> int:
    """Clout earned in a year: the base, plus a share of approval above 50%."""
    return rules.clout_income_base + int(
        max(0.0, approval_overall - 50.0) * rules.clout_income_per_point
    )


def update_projects(funded: list[FundedProject], snap: Snapshot) -> list[str]:
    """Each funded project's status and jobs after the year (the card ids that opened). Project
    rows take their jobs from the year's jobs account, so the projects list
    always adds up to the totals shown beside it."""
    by_label = {p.label: p for p in snap.projects}
    counted = {r.label: r for r in snap.jobs_account.projects}
    opened = []
    for p in funded:
        eng = by_label.get(p.label)
        if eng is None:
            continue
        p.opens_year = eng.opens
        row = counted.get(p.label)
        p.counted = row is not None
        p.gross_jobs = row.gross if row is not None else 0.0
        p.net_jobs = row.net if row is not None else 0.0
        if eng.status == "open" and p.status != "open":
            p.status = "open"
            opened.append(p.card_id)
    return opened


def accumulate_explanations(
    acc_by_group: dict[str, dict[str, ExplanationLine]], snap: Snapshot
) -> None:
    """Add the year's explanation lines to the running totals since the start, by group
    and source."""
    for g, lines in snap.explanations.items():
        acc = acc_by_group.setdefault(g, {})
        for ln in lines:
            prev = acc.get(ln.source)
            delta = ln.delta + (prev.delta if prev is not None else 0.0)
            acc[ln.source] = ExplanationLine(
                source=ln.source,
                indicator=ln.indicator,
                delta=delta,
                text=f"{ln.source} {'+' if delta >= 0 else '-'}{abs(delta):.1f}",
            )
