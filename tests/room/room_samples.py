"""Hand-made plans and ideas for the room tests (numbers chosen to count by hand)."""

from __future__ import annotations

from game.room.models import Decision, GroupOutcome, IdeaIn, Outcome, PlanIn

TYPES = {
    "business_park": ("Business park", "business"),
    "park": ("Urban park", "green_space"),
    "primary_school": ("Primary school", "education"),
}


def decision(kind: str, type_id: str, year: int = 2022, cost: float = 1e6, **kw) -> Decision:
    name, category = TYPES[type_id]
    return Decision(
        year=year,
        kind=kind,
        type_id=type_id,
        category=category,
        name=name,
        scale=1.0,
        cost=cost,
        **kw,
    )


def plan(
    n: int,
    decisions: list[Decision],
    *,
    score: float = 50.0,
    jobs: float = 100.0,
    approval: float = 55.0,
    label: str | None = None,
) -> PlanIn:
    return PlanIn(
        plan_key=f"plan-key-{n:04d}",
        player_key=f"player-{n:04d}",
        label=label,
        area_code="E06000001",
        area_name="Hartlepool",
        years=3,
        seed=n,
        decisions=decisions,
        outcome=Outcome(
            population=92000 + n,
            net_additional_jobs=jobs,
            cost_per_net_job=1e6 / jobs if jobs else None,
            money_spent=sum(d.cost for d in decisions if d.kind == "funded"),
            approval_overall=approval,
            approvals=[
                GroupOutcome(group_id="older_people", approval=approval - 5),
                GroupOutcome(group_id="young_families", approval=approval + 5),
            ],
            score=score,
            ending="mixed",
        ),
    )


def idea(n: int, text: str = "A lido by the marina", player: int = 1) -> IdeaIn:
    return IdeaIn(
        idea_key=f"idea-key-{n:04d}",
        player_key=f"player-{player:04d}",
        text=text,
        category="green_space",
        groups=["young_families"],
    )
