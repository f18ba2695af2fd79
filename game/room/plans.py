"""A finished game as a plan: the decisions year by year and where the game ended.

The session keeps a command log, but a rejected or deferred card leaves the table when it
is decided, so the plan is built by replaying the game's own save (deterministic, checked
by its checksums) and reading each card just before its decision. No pygame, no network.
"""

from __future__ import annotations

import secrets
from typing import Any

from game.play import AdvanceYear, Consult, Defer, Fund, GameSession, Reject, ThrowShock
from game.room.models import AboutYou, Decision, GroupOutcome, Outcome, PlanIn

_KIND = {Fund: "funded", Reject: "rejected", Defer: "deferred", Consult: "consulted"}


def new_key() -> str:
    """A random key (plan, idea or player): 22 URL-safe characters, nothing personal."""
    return secrets.token_urlsafe(16)


def decisions_of(session: GameSession, engine_factory: Any = None) -> list[Decision]:
    """Every decision of `session`, in the order taken, with each card as it was then.
    `engine_factory` must be the one the session was made with (None: the real engine)."""
    save = session.to_save()
    base = session.catalogue if session.scenario is None else None
    replay = GameSession(
        session.world,
        save.settings,
        save.seed,
        catalogue=base,
        engine_factory=engine_factory,
        rulebook=session.book,
        shocks=session.shock_defs(),
    )
    out: list[Decision] = []
    for entry in save.commands:
        if isinstance(entry, AdvanceYear):
            replay.advance_year()
            continue
        if isinstance(entry, ThrowShock):
            replay.throw_shock(entry.shock_id)
            continue
        card = replay.card(entry.card_id)
        if card is None:  # pragma: no cover - the log replays, so the card is there
            raise RuntimeError(f"card {entry.card_id} missing on replay")
        project = replay.catalogue.types.get(card.type_id)
        out.append(
            Decision(
                year=replay.year,
                kind=_KIND[type(entry)],
                type_id=card.type_id,
                category=card.category,
                name=project.name if project is not None else card.type_id,
                scale=card.scale,
                cost=card.cost,
                group_id=entry.group_id if isinstance(entry, Consult) else None,
            )
        )
        replay.act(entry)
    return out


def outcome_of(session: GameSession) -> Outcome:
    """The final census report's headline figures (the mid-term one if unfinished)."""
    report = session.census_report("final" if session.finished else "midterm")
    return Outcome(
        population=report.population_now,
        net_additional_jobs=report.net_additional_jobs,
        cost_per_net_job=report.cost_per_net_job,
        money_spent=report.money_spent,
        approval_overall=report.approval_overall,
        approvals=[
            GroupOutcome(group_id=a.group_id, approval=a.approval) for a in report.approvals
        ],
        score=report.score,
        ending=report.ending,
    )


def build_plan(
    session: GameSession,
    *,
    player_key: str,
    label: str | None = None,
    about: AboutYou | None = None,
    plan_key: str | None = None,
    engine_factory: Any = None,
) -> PlanIn:
    """The plan a finished session submits. Validated by the same model the hub uses."""
    payload: dict[str, Any] = {
        "plan_key": plan_key or new_key(),
        "player_key": player_key,
        "label": label,
        "area_code": session.area.code,
        "area_name": session.area.name,
        "years": session.years,
        "seed": session.seed,
        "decisions": decisions_of(session, engine_factory),
        "outcome": outcome_of(session),
        "about": about,
    }
    return PlanIn.model_validate(payload)
