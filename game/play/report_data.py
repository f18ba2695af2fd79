"""The in-game census reports (year 5 mid-term, Census 2031 final) and the final score."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from game.play import fmt
from game.play.models import (
    ApprovalPoint,
    BenchmarkRow,
    CensusReport,
    GroupApproval,
    IndustryJobs,
    Pyramid,
)
from game.play.news import item
from game.play.rules import GameRules

if TYPE_CHECKING:
    from game.play.session import GameSession

SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
REPORT_SERIES = ("population", "jobs", "unemployment_rate", "net_additional_jobs")


def score_game(
    approval: float, net_jobs: float, population: float, cost_per_net_job: float | None,
    rules: GameRules,
) -> tuple[float, dict[str, float]]:  # fmt: skip
    """Score 0..100 from approval, net jobs per 1,000 residents and value for money."""
    per_1000 = 1000.0 * net_jobs / max(population, 1.0)
    parts = {
        "approval": max(0.0, min(100.0, approval)),
        "jobs": 100.0 * max(0.0, min(1.0, per_1000 / rules.score_jobs_per_1000_full_marks)),
        "value": 0.0
        if not cost_per_net_job or cost_per_net_job <= 0
        else 100.0 * min(1.0, rules.score_value_benchmark / cost_per_net_job),
    }
    weights = {
        "approval": rules.score_weight_approval,
        "jobs": rules.score_weight_jobs,
        "value": rules.score_weight_value,
    }
    total_w = sum(weights.values()) or 1.0
    score = sum(parts[k] * weights[k] for k in parts) / total_w
    return round(score, 1), {k: round(v, 1) for k, v in parts.items()}


def ending_for(score: float, rules: GameRules) -> Literal["parade", "mob", "mixed"]:
    if score >= rules.ending_parade_min_score:
        return "parade"
    if score < rules.ending_mob_max_score:
        return "mob"
    return "mixed"


def build_census_report(s: GameSession, kind: Literal["midterm", "final"]) -> CensusReport:
    first, now = s._snapshots[0], s._snapshots[-1]
    ind = now.indicators
    open_projects = [p for p in s.funded if p.status == "open"]
    gross = float(sum(p.gross_jobs for p in open_projects))
    net = float(ind.get("net_additional_jobs", sum(p.net_jobs for p in open_projects)))
    spent = float(sum(p.cost for p in s.funded))
    cpnj = spent / net if net > 0 else None

    known = set(first.jobs_by_section) | set(now.jobs_by_section)
    sections = [sec for sec in SECTIONS if sec in known] + sorted(known - set(SECTIONS))
    industry = [
        IndustryJobs(
            section=sec,
            jobs_2021=first.jobs_by_section.get(sec, 0.0),
            jobs_now=now.jobs_by_section.get(sec, 0.0),
        )
        for sec in sections
    ]
    approvals = []
    for g, value in sorted(now.approvals.items()):
        since = s.explanations_since_start.get(g, {}).values()
        lines = sorted(since, key=lambda ln: (-abs(ln.delta), ln.source))[:3]
        approvals.append(
            GroupApproval(
                group_id=g,
                name=s.group_names.get(g, g),
                size=int(s.area.groups.get(g, 0)),
                approval=value,
                change=value - first.approvals.get(g, value),
                top_reasons=lines,
            )
        )
    score = ending = None
    parts: dict[str, float] = {}
    if kind == "final":
        score, parts = score_game(now.approval_overall, net, now.population, cpnj, s.rules)
        ending = ending_for(score, s.rules)
    benchmarks = [
        BenchmarkRow(id=b.id, label=b.label, low=b.cost_per_net_job_low,
                     high=b.cost_per_net_job_high, status=b.status, source=b.source)
        for b in s.book.benchmarks
    ]  # fmt: skip
    series = {name: s.series(name) for name in REPORT_SERIES}
    history = [
        ApprovalPoint(year=snap.year, group_id=g, approval=v)
        for snap in s._snapshots
        for g, v in sorted(snap.approvals.items())
    ]
    headlines = list(s.news_archive)
    if ending is not None:
        headlines.append(
            item(
                s.templates, f"report.ending.{ending}", {"area": s.area.name, "score": f"{score:g}"}
            )
        )
    title_key = f"report.title.{kind}"
    return CensusReport(
        kind=kind,
        title=fmt.render(s.templates, title_key, {"year": now.year, "area": s.area.name}),
        title_key=title_key,
        area_code=s.area.code,
        area_name=s.area.name,
        year=now.year,
        population_2021=first.population,
        population_now=now.population,
        population_baseline=now.population_baseline,
        pyramid_2021=Pyramid(
            year=first.year, male=first.male.tolist(), female=first.female.tolist()
        ),
        pyramid_now=Pyramid(year=now.year, male=now.male.tolist(), female=now.female.tolist()),
        pyramid_baseline=Pyramid(
            year=now.year, male=now.male_baseline.tolist(), female=now.female_baseline.tolist()
        ),
        jobs_2021=first.jobs,
        jobs_now=now.jobs,
        jobs_baseline=now.jobs_baseline,
        unemployment_rate=now.unemployment_rate,
        jobs_by_industry=industry,
        projects=[p.model_copy() for p in s.funded],
        gross_jobs=gross,
        net_additional_jobs=net,
        money_spent=spent,
        cost_per_net_job=cpnj,
        benchmarks=benchmarks,
        approval_overall=now.approval_overall,
        approvals=approvals,
        series=series,
        approval_history=history,
        headlines=headlines,
        score=score,
        score_parts=parts,
        ending=ending,
    )
