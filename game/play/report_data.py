"""The in-game census reports (year 5 mid-term, Census 2031 final) and the final score."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Protocol

from game.model.area import AreaProfile
from game.play import fmt
from game.play.engine_port import Snapshot
from game.play.models import (
    ApprovalPoint,
    BenchmarkRow,
    CensusReport,
    ExplanationLine,
    FundedProject,
    GroupApproval,
    IndustryJobs,
    NewsItem,
    Pyramid,
    ScoreSoFar,
    SeriesPoint,
)
from game.play.news import item
from game.play.rules import GameRules, RuleBook


class ReportSource(Protocol):
    """What a census report reads from a game (game.play.session.GameSession)."""

    @property
    def area(self) -> AreaProfile: ...
    @property
    def book(self) -> RuleBook: ...
    @property
    def rules(self) -> GameRules: ...
    @property
    def templates(self) -> Mapping[str, str]: ...
    @property
    def fund(self) -> float: ...
    @property
    def funded(self) -> Sequence[FundedProject]: ...
    @property
    def group_names(self) -> Mapping[str, str]: ...
    @property
    def explanations_since_start(self) -> Mapping[str, Mapping[str, ExplanationLine]]: ...
    @property
    def news_archive(self) -> Sequence[NewsItem]: ...
    @property
    def snapshots(self) -> Sequence[Snapshot]: ...
    def series(self, indicator: str = "jobs") -> list[SeriesPoint]: ...


SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
REPORT_SERIES = ("population", "jobs", "unemployment_rate", "net_additional_jobs")


def score_game(
    approval: float,
    net_jobs: float,
    population: float,
    cost_per_net_job: float | None,
    rules: GameRules,
    fund: float | None = None,
) -> tuple[float, dict[str, float]]:
    """Score 0..100 from approval, a net new jobs score and a value-for-money score.

    The jobs score rises smoothly with net new jobs per 1,000 residents (half marks at
    score_jobs_per_1000_half_marks) and never reaches the cap. Residents are counted at
    least as many as the growth fund was sized for, so the smallest districts, whose fund
    is lifted to the floor, cannot top the score just by being small."""
    residents = max(population, 1.0)
    if fund is not None and rules.fund_per_resident > 0:
        residents = max(residents, fund / rules.fund_per_resident)
    per_1000 = max(0.0, 1000.0 * net_jobs / residents)
    half = rules.score_jobs_per_1000_half_marks
    parts = {
        "approval": max(0.0, min(100.0, approval)),
        "jobs": 100.0 * per_1000 / (per_1000 + half),
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
    out = {k: round(v, 1) for k, v in parts.items()}
    out["jobs_per_1000"] = round(per_1000, 2)  # the raw figure behind the jobs score
    return round(score, 1), out


def ending_for(
    score: float,
    rules: GameRules,
    approval: float | None = None,
    losers: Sequence[str] | None = None,
) -> Literal["parade", "mob", "mixed"]:
    """The crowd: a parade needs a good score AND most people approving; a low approval
    brings the mob; a low score brings it only if someone is unhappy (approval below
    ending_mob_content_approval, or a group worse off than in 2021; `losers` None means
    unknown), so the picture never contradicts a contented verdict; else a mixed reception."""
    if approval is not None and approval < rules.ending_mob_max_approval:
        return "mob"
    if score < rules.ending_mob_max_score:
        content = (
            approval is not None
            and approval >= rules.ending_mob_content_approval
            and losers is not None
            and not losers
        )
        return "mixed" if content else "mob"
    if score >= rules.ending_parade_min_score and (
        approval is None or approval >= rules.ending_parade_min_approval
    ):
        return "parade"
    return "mixed"


def verdict_reason(
    ending: str, parts: dict[str, float], rules: GameRules, score: float | None = None
) -> str:
    """Which sentence explains the ending, read from the sub-scores so the text never
    praises a part that scored badly."""
    good = rules.verdict_good_part
    jobs_ok = parts.get("jobs", 0.0) >= good
    value_ok = parts.get("value", 0.0) >= good
    approval = parts.get("approval", 0.0)
    if ending == "parade":
        if jobs_ok and value_ok:
            return "all_good"
        return "popular_costly" if not value_ok else "popular_few_jobs"
    if ending == "mob":
        return "unpopular" if approval < rules.ending_mob_max_approval else "poor_value"
    if approval >= rules.verdict_popular_approval:
        return "popular_costly" if not value_ok else "popular_few_jobs"
    if score is not None and score < rules.ending_mob_max_score:
        return "poor_value"  # a content town spared the mob (ending_for): say what was weak
    if jobs_ok and value_ok:
        return "jobs_unpopular"
    return "split"


def movers(approvals: list[GroupApproval], rules: GameRules) -> tuple[list[str], list[str]]:
    """(biggest winners, biggest losers): group ids by approval change since 2021, the
    largest first, ignoring changes too small to notice."""
    floor = rules.verdict_mover_min_change
    ranked = sorted(approvals, key=lambda a: (-a.change, a.group_id))
    winners = [a.group_id for a in ranked if a.change >= floor][:3]
    losers = [a.group_id for a in reversed(ranked) if a.change <= -floor][:3]
    return winners, losers


def verdict_lines(
    s: ReportSource,
    ending: str,
    score: float,
    parts: dict[str, float],
    cost_per_net_job: float | None,
    winners: list[str],
    losers: list[str],
) -> list[NewsItem]:
    """The verdict as translation keys with params: why this ending, then who gained and
    who lost most (by group id: a client names them in its language)."""
    reason = verdict_reason(ending, parts, s.rules, score)
    if reason == "poor_value" and not s.funded:
        # nothing was paid for: "the money bought too few jobs: - per net new job" told a
        # class's team that let every year run out something that did not happen
        reason = "nothing_built"
    base = {
        "area_code": s.area.code,
        "score": f"{score:.0f}",
        "approval": f"{parts.get('approval', 0.0):.0f}",
        "cost": fmt.money(cost_per_net_job) if cost_per_net_job else "-",
        "benchmark": fmt.money(s.rules.score_value_benchmark),
        "jobs_per_1000": f"{parts.get('jobs_per_1000', 0.0):.1f}",
    }
    lines = [item(s.templates, f"report.verdict.{ending}.{reason}", base, {"area": s.area.name})]
    name = s.group_names.get
    if winners and losers:
        key = "report.verdict.movers"
    elif winners:
        key = "report.verdict.movers_no_loser"
    elif losers:
        key = "report.verdict.movers_no_winner"
    else:
        key = "report.verdict.movers_none"
    params = {
        "winner_id": winners[0] if winners else "",
        "loser_id": losers[0] if losers else "",
    }
    english = {
        "winner": name(winners[0], winners[0]) if winners else "",
        "loser": name(losers[0], losers[0]) if losers else "",
    }
    lines.append(item(s.templates, key, params, english))
    return lines


def score_so_far(s: ReportSource, final_year: int) -> ScoreSoFar:
    """score_game on the latest year: what the Census 2031 score would be if it were now."""
    now = s.snapshots[-1]
    account = now.jobs_account
    score, parts = score_game(
        now.approval_overall,
        account.net_additional,
        now.population,
        account.cost_per_net_job,
        s.rules,
        fund=s.fund,
    )
    r = s.rules
    total = (r.score_weight_approval + r.score_weight_jobs + r.score_weight_value) or 1.0
    return ScoreSoFar(
        year=now.year,
        final_year=final_year,
        score=score,
        approval=parts["approval"],
        jobs=parts["jobs"],
        value=parts["value"],
        net_new_jobs=account.net_additional,
        jobs_per_1000=parts["jobs_per_1000"],
        cost_per_net_job=account.cost_per_net_job,
        weights={
            "approval": r.score_weight_approval / total,
            "jobs": r.score_weight_jobs / total,
            "value": r.score_weight_value / total,
        },
    )


def _industry(first: Snapshot, now: Snapshot) -> list[IndustryJobs]:
    known = set(first.jobs_by_section) | set(now.jobs_by_section)
    sections = [sec for sec in SECTIONS if sec in known] + sorted(known - set(SECTIONS))
    return [
        IndustryJobs(
            section=sec,
            jobs_2021=first.jobs_by_section.get(sec, 0.0),
            jobs_now=now.jobs_by_section.get(sec, 0.0),
        )
        for sec in sections
    ]


def _group_approvals(s: ReportSource, first: Snapshot, now: Snapshot) -> list[GroupApproval]:
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
    return approvals


def _benchmarks(s: ReportSource) -> list[BenchmarkRow]:
    return [
        BenchmarkRow(
            id=b.id,
            label=b.label,
            low=b.cost_per_net_job_low,
            high=b.cost_per_net_job_high,
            status=b.status,
            source=b.source,
        )
        for b in s.book.benchmarks
    ]


def _pyramids(first: Snapshot, now: Snapshot) -> dict[str, Pyramid]:
    return {
        "pyramid_2021": Pyramid(
            year=first.year, male=first.male.tolist(), female=first.female.tolist()
        ),
        "pyramid_now": Pyramid(year=now.year, male=now.male.tolist(), female=now.female.tolist()),
        "pyramid_baseline": Pyramid(
            year=now.year, male=now.male_baseline.tolist(), female=now.female_baseline.tolist()
        ),
    }


def build_census_report(s: ReportSource, kind: Literal["midterm", "final"]) -> CensusReport:
    first, now = s.snapshots[0], s.snapshots[-1]
    account = now.jobs_account  # the one jobs vocabulary: same year, open projects only
    net = account.net_additional
    spent = float(sum(p.cost for p in s.funded))
    cpnj = account.cost_per_net_job

    approvals = _group_approvals(s, first, now)
    score = ending = None
    parts: dict[str, float] = {}
    winners, losers = movers(approvals, s.rules)
    verdict: list[NewsItem] = []
    if kind == "final":
        score, parts = score_game(
            now.approval_overall, net, now.population, cpnj, s.rules, fund=s.fund
        )
        ending = ending_for(score, s.rules, now.approval_overall, losers)
        verdict = verdict_lines(s, ending, score, parts, cpnj, winners, losers)
    series = {name: s.series(name) for name in REPORT_SERIES}
    history = [
        ApprovalPoint(year=snap.year, group_id=g, approval=v)
        for snap in s.snapshots
        for g, v in sorted(snap.approvals.items())
    ]
    headlines = list(s.news_archive)
    if ending is not None:
        headlines.append(
            item(
                s.templates,
                f"report.ending.{ending}",
                {"area_code": s.area.code, "score": f"{score:g}"},
                {"area": s.area.name},
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
        **_pyramids(first, now),
        jobs_2021=first.jobs,
        jobs_now=now.jobs,
        jobs_baseline=now.jobs_baseline,
        unemployment_rate=now.unemployment_rate,
        jobs_by_industry=_industry(first, now),
        projects=[p.model_copy() for p in s.funded],
        gross_jobs=account.gross_total,
        net_additional_jobs=net,
        jobs_vs_baseline=account.jobs_vs_baseline,
        money_spent=spent,
        cost_per_net_job=cpnj,
        jobs=account.model_copy(deep=True),
        benchmarks=_benchmarks(s),
        approval_overall=now.approval_overall,
        approvals=approvals,
        series=series,
        approval_history=history,
        headlines=headlines,
        score=score,
        score_parts=parts,
        ending=ending,
        verdict_lines=verdict,
        verdict=" ".join(v.text for v in verdict),
        biggest_winners=winners,
        biggest_losers=losers,
    )
