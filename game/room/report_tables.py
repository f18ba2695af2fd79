"""The listening report's tables (pandas): one row per plan, per decision, per group
approval, per idea; the "about you" answers as counts only (never per plan)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from game.room.models import Idea, PlanIn
from game.room.names import category_name, group_name

AGE_BANDS = ["under_16", "16_24", "25_44", "45_64", "65_plus"]
AREA_LINKS = ["live", "work", "study", "none"]


def plans_table(plans: list[PlanIn]) -> pd.DataFrame:
    rows = []
    for i, p in enumerate(plans, start=1):
        o = p.outcome
        rows.append(
            {
                "plan": i,
                "label": p.label or "",
                "area_code": p.area_code,
                "area": p.area_name,
                "years": p.years,
                "funded": sum(d.kind == "funded" for d in p.decisions),
                "rejected": sum(d.kind == "rejected" for d in p.decisions),
                "deferred": sum(d.kind == "deferred" for d in p.decisions),
                "consulted": sum(d.kind == "consulted" for d in p.decisions),
                "money_spent": o.money_spent,
                "population": o.population,
                "net_additional_jobs": o.net_additional_jobs,
                "cost_per_net_job": o.cost_per_net_job,
                "approval_overall": o.approval_overall,
                "score": o.score,
                "ending": o.ending or "",
            }
        )
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else ["plan"])


def decisions_table(plans: list[PlanIn]) -> pd.DataFrame:
    cols = [
        "plan",
        "year",
        "decision",
        "type_id",
        "project",
        "category",
        "scale",
        "cost",
        "group_consulted",
    ]
    rows = [
        [
            i,
            d.year,
            d.kind,
            d.type_id,
            d.name,
            category_name(d.category),
            d.scale,
            d.cost,
            group_name(d.group_id) if d.group_id else "",
        ]
        for i, p in enumerate(plans, start=1)
        for d in p.decisions
    ]
    return pd.DataFrame(rows, columns=cols)


def choices_table(plans: list[PlanIn]) -> pd.DataFrame:
    """Per project type and decision: how many plans made it (each plan counted once)."""
    made: Counter[tuple[str, str, str, str]] = Counter()
    for p in plans:
        made.update({(d.type_id, d.name, category_name(d.category), d.kind) for d in p.decisions})
    rows = [[t, n, c, k, m, m / len(plans) if plans else 0.0] for (t, n, c, k), m in made.items()]
    df = pd.DataFrame(
        rows, columns=["type_id", "project", "category", "decision", "plans", "share_of_plans"]
    )
    return df.sort_values(["decision", "plans", "project"], ascending=[True, False, True])


def approvals_table(plans: list[PlanIn]) -> pd.DataFrame:
    rows = [
        [i, a.group_id, group_name(a.group_id), a.approval]
        for i, p in enumerate(plans, start=1)
        for a in p.outcome.approvals
    ]
    return pd.DataFrame(rows, columns=["plan", "group_id", "group", "approval"])


def approval_by_group(plans: list[PlanIn]) -> pd.DataFrame:
    df = approvals_table(plans)
    if df.empty:
        return pd.DataFrame(columns=["group", "plans", "mean", "median", "min", "max"])
    g = df.groupby("group")["approval"]
    out = pd.DataFrame(
        {"plans": g.count(), "mean": g.mean(), "median": g.median(), "min": g.min(), "max": g.max()}
    ).reset_index()
    return out.sort_values("mean", ascending=False)


def ideas_table(ideas: list[Idea]) -> pd.DataFrame:
    rows = [
        [
            i.id,
            i.text,
            category_name(i.category),
            ", ".join(group_name(g) for g in i.groups),
            i.supports,
            i.status,
            i.label or "",
            i.created_at.isoformat(),
        ]
        for i in ideas
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "idea",
            "text",
            "category",
            "helps",
            "supports",
            "moderation",
            "label",
            "created_at",
        ],
    )


def about_you_table(plans: list[PlanIn]) -> pd.DataFrame:
    """Counts only: how many plans gave each answer (and how many skipped)."""
    ages: Counter[str] = Counter()
    links: Counter[str] = Counter()
    for p in plans:
        ages[(p.about.age_band if p.about else None) or "not given"] += 1
        given: list[str] = list(p.about.area_link) if p.about else []
        links.update(given or ["not given"])
    rows = [["age band", a, ages.get(a, 0)] for a in [*AGE_BANDS, "not given"]]
    rows += [["link to the area", k, links.get(k, 0)] for k in [*AREA_LINKS, "not given"]]
    return pd.DataFrame(rows, columns=["question", "answer", "plans"])


def all_tables(plans: list[PlanIn], ideas: list[Idea]) -> dict[str, pd.DataFrame]:
    return {
        "plans": plans_table(plans),
        "decisions": decisions_table(plans),
        "choices": choices_table(plans),
        "approvals": approvals_table(plans),
        "approval_by_group": approval_by_group(plans),
        "ideas": ideas_table(ideas),
        "about_you": about_you_table(plans),
    }
