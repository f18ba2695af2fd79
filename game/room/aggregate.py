"""What the room chose, and you beside the room: pure functions over plans and ideas.

Shares are counted per plan ("3 of 5 plans funded a business park"), not per decision, so
a player who funds two parks counts once and the numbers can be checked by hand.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from pydantic import Field

from game.room.models import DecisionKind, Idea, PlanIn, Strict

OUTCOME_FIELDS = {
    "population": "Population",
    "net_additional_jobs": "Net new jobs",
    "cost_per_net_job": "Cost per net job (£)",
    "approval_overall": "Approval",
    "score": "Score",
}


class TypeCount(Strict):
    type_id: str
    name: str
    category: str
    plans: int  # plans that funded it at least once
    money: float  # capital funded, £, summed over plans


class RoomSummary(Strict):
    plans: int
    players: int = 0
    funded_by_category: dict[str, int] = Field(default_factory=dict)  # funded decisions
    money_by_category: dict[str, float] = Field(default_factory=dict)
    top_types: list[TypeCount] = Field(default_factory=list)
    approval_by_group: dict[str, float] = Field(default_factory=dict)  # mean final approval
    scores: list[float] = Field(default_factory=list)  # sorted
    endings: dict[str, int] = Field(default_factory=dict)
    medians: dict[str, float | None] = Field(default_factory=dict)


class SameChoice(Strict):
    kind: DecisionKind
    type_id: str
    name: str
    year: int
    plans_same: int  # room plans (yours included) with the same kind of decision on the type
    share: float  # plans_same / plans


class OutcomeBeside(Strict):
    key: str
    label: str
    yours: float | None
    room_median: float | None


class YouAndRoom(Strict):
    plans: int
    decisions: list[SameChoice]
    outcome: list[OutcomeBeside]
    top_ideas: list[Idea]


def _median(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return float(statistics.median(vals)) if vals else None


def summarise(plans: list[PlanIn], players: int = 0, top: int = 8) -> RoomSummary:
    funded_n: Counter[str] = Counter()
    money: defaultdict[str, float] = defaultdict(float)
    type_plans: Counter[str] = Counter()
    type_money: defaultdict[str, float] = defaultdict(float)
    type_meta: dict[str, tuple[str, str]] = {}
    approvals: defaultdict[str, list[float]] = defaultdict(list)
    for plan in plans:
        seen: set[str] = set()
        for d in plan.decisions:
            if d.kind != "funded":
                continue
            funded_n[d.category] += 1
            money[d.category] += d.cost
            type_money[d.type_id] += d.cost
            type_meta[d.type_id] = (d.name, d.category)
            seen.add(d.type_id)
        type_plans.update(seen)
        for a in plan.outcome.approvals:
            approvals[a.group_id].append(a.approval)
    ranked = sorted(type_plans, key=lambda t: (-type_plans[t], -type_money[t], t))[:top]
    o = [p.outcome for p in plans]
    return RoomSummary(
        plans=len(plans),
        players=max(players, len({p.player_key for p in plans})),
        funded_by_category=dict(sorted(funded_n.items())),
        money_by_category=dict(sorted(money.items())),
        top_types=[
            TypeCount(
                type_id=t,
                name=type_meta[t][0],
                category=type_meta[t][1],
                plans=type_plans[t],
                money=type_money[t],
            )
            for t in ranked
        ],
        approval_by_group={g: statistics.fmean(v) for g, v in sorted(approvals.items())},
        scores=sorted(x.score for x in o if x.score is not None),
        endings=dict(sorted(Counter(x.ending for x in o if x.ending).items())),
        medians={k: _median([getattr(x, k) for x in o]) for k in OUTCOME_FIELDS},
    )


def you_and_room(mine: PlanIn, plans: list[PlanIn], ideas: list[Idea], top: int = 3) -> YouAndRoom:
    """Your decisions with the share of the room that made the same one, your outcome beside
    the room's median, and the approved ideas the room supports most. `plans` is the room's
    plans; yours is counted in once even if it is missing from them (not yet arrived)."""
    room = [p for p in plans if p.plan_key != mine.plan_key] + [mine]
    made: Counter[tuple[str, str]] = Counter()
    for plan in room:
        made.update({(d.kind, d.type_id) for d in plan.decisions})
    choices, listed = [], set()
    for d in mine.decisions:
        if (d.kind, d.type_id) in listed:
            continue
        listed.add((d.kind, d.type_id))
        n = made[(d.kind, d.type_id)]
        choices.append(
            SameChoice(
                kind=d.kind,
                type_id=d.type_id,
                name=d.name,
                year=d.year,
                plans_same=n,
                share=n / len(room),
            )
        )
    outcome = [
        OutcomeBeside(
            key=k,
            label=label,
            yours=getattr(mine.outcome, k),
            room_median=_median([getattr(p.outcome, k) for p in room]),
        )
        for k, label in OUTCOME_FIELDS.items()
    ]
    approved = [i for i in ideas if i.status == "approved"]
    approved.sort(key=lambda i: (-i.supports, i.id))
    return YouAndRoom(plans=len(room), decisions=choices, outcome=outcome, top_ideas=approved[:top])
