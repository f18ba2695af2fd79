"""The debrief after the last round, in four steps (describe, analyse, transfer, apply).

Every team's numbers are read from that team's own final census report (the one its game
shows), so the debrief and each team's screen agree. Prompts are written from the class's
own results; the census facts are the area's, as the game started from them.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from game.play.models import CensusReport
from game.room.names import category_name, group_name
from game.room.store.classes import DecisionRow


class Mover(BaseModel):
    group: str
    change: float  # approval points since 2021
    reasons: list[str]  # the engine's explanation lines, largest first


class TeamResult(BaseModel):
    name: str
    population: float
    population_baseline: float
    net_jobs: float
    cost_per_net_job: float | None
    money_spent: float
    approval: float
    approvals: dict[str, float]  # group name -> final approval
    score: float | None
    ending: str | None
    helped: Mover | None
    hurt: Mover | None
    population_series: list[tuple[int, float]]
    jobs_series: list[tuple[int, float]]
    funded: list[str]  # project names, in order


class Fact(BaseModel):
    label: str
    value: str


class Debrief(BaseModel):
    room: str
    area_name: str
    years: int
    teams: list[TeamResult]
    baseline_population: list[tuple[int, float]]
    baseline_jobs: list[tuple[int, float]]
    decisions: list[DecisionRow]
    shocks: list[tuple[int, str]]  # (thrown after round N, name)
    prompts: dict[str, list[str]]  # step -> questions
    facts: list[Fact]


def _mover(report: CensusReport, ids: list[str]) -> Mover | None:
    by_id = {a.group_id: a for a in report.approvals}
    for gid in ids:
        a = by_id.get(gid)
        if a is not None:
            reasons = [ln.text for ln in a.top_reasons[:3]]
            return Mover(group=group_name(gid), change=a.change, reasons=reasons)
    return None


def team_result(name: str, report: CensusReport, funded: list[str]) -> TeamResult:
    series = report.series
    return TeamResult(
        name=name,
        population=report.population_now,
        population_baseline=report.population_baseline,
        net_jobs=report.net_additional_jobs,
        cost_per_net_job=report.cost_per_net_job,
        money_spent=report.money_spent,
        approval=report.approval_overall,
        approvals={group_name(a.group_id): a.approval for a in report.approvals},
        score=report.score,
        ending=report.ending,
        helped=_mover(report, report.biggest_winners),
        hurt=_mover(report, report.biggest_losers),
        population_series=[(p.year, p.scenario) for p in series.get("population", [])],
        jobs_series=[(p.year, p.scenario) for p in series.get("jobs", [])],
        funded=funded,
    )


def _names(teams: list[TeamResult]) -> str:
    names = [t.name for t in teams]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def prompts(
    teams: list[TeamResult], decisions: list[DecisionRow], shocks: list[str], area: str
) -> dict[str, list[str]]:
    """Questions from the class's own results (never generic when the data says more)."""
    funded_cat: dict[str, set[str]] = {}
    for d in decisions:
        if d.kind == "funded":
            funded_cat.setdefault(d.category, set()).add(d.team)
    describe = [
        f"Every team started from the same {area}. Which team ended with the most people, "
        "and which with the most net new jobs?"
    ]
    analyse: list[str] = []
    homes = funded_cat.get("housing", set())
    if teams and 0 < len(homes) < len(teams):
        yf = "Young families"
        with_h = [t.approvals.get(yf, 0.0) for t in teams if t.name in homes]
        without = [t.approvals.get(yf, 0.0) for t in teams if t.name not in homes]
        analyse.append(
            f"{len(homes)} team(s) built homes and {len(teams) - len(homes)} did not: young "
            f"families' approval averaged {sum(with_h) / len(with_h):.0f} with homes and "
            f"{sum(without) / len(without):.0f} without. Why?"
        )
    if len(teams) >= 2:
        jobs = max(teams, key=lambda t: t.net_jobs)
        liked = max(teams, key=lambda t: t.approval)
        if jobs.name != liked.name:
            analyse.append(
                f"{jobs.name} made the most net new jobs ({jobs.net_jobs:,.0f}) but "
                f"{liked.name} was the most popular ({liked.approval:.0f}%). Can a plan do both?"
            )
        costs = [t for t in teams if t.cost_per_net_job]
        if len(costs) >= 2:
            lo = min(costs, key=lambda t: t.cost_per_net_job or 0)
            hi = max(costs, key=lambda t: t.cost_per_net_job or 0)
            analyse.append(
                f"A net new job cost £{lo.cost_per_net_job:,.0f} for {lo.name} and "
                f"£{hi.cost_per_net_job:,.0f} for {hi.name}. What made the difference?"
            )
    top = Counter(d.category for d in decisions if d.kind == "funded").most_common(1)
    if top:
        cat, n = top[0]
        analyse.append(
            f"The class funded {category_name(cat).lower()} projects most often ({n} times). "
            "Who gained from that, and who was left out?"
        )
    for shock in shocks:
        analyse.append(f"After '{shock}', whose plan coped best, and why?")
    unfunded = [t for t in teams if not t.funded]
    if unfunded:
        analyse.append(f"{_names(unfunded)} funded nothing. What happened to their approval?")
    transfer = [
        f"Which of today's choices would matter most in the real {area}? Which group would "
        "you want to ask first?",
        "A real council has to decide with less time and less certainty than you had. "
        "What would you want to know before spending the money?",
    ]
    apply = [
        f"Write one sentence to {area}'s councillors: the project you would fund first, "
        "and who it is for.",
        "What would you build near your own school, and who would it help?",
    ]
    return {"describe": describe, "analyse": analyse, "transfer": transfer, "apply": apply}


def census_facts(area, section_names: dict[str, str]) -> list[Fact]:  # noqa: ANN001
    """The real area's Census 2021 figures the game started from."""
    pop = area.population
    total = float(sum(pop.male) + sum(pop.female))
    under16 = float(sum(pop.male[:16]) + sum(pop.female[:16]))
    over65 = float(sum(pop.male[65:]) + sum(pop.female[65:]))
    top = sorted(area.industry.items(), key=lambda kv: -kv[1])[:3]
    employed = sum(area.industry.values()) or 1
    act = area.economic_activity
    unemployed = act.get("unemployed", 0) + act.get("student_unemployed", 0)
    social = area.tenure.get("social_council", 0) + area.tenure.get("social_other", 0)
    return [
        Fact(label="People (Census 2021)", value=f"{area.census_population:,}"),
        Fact(label="Households", value=f"{area.households:,}"),
        Fact(label="Children under 16", value=f"{under16 / total:.0%}"),
        Fact(label="People aged 65 and over", value=f"{over65 / total:.0%}"),
        Fact(
            label="Biggest industries (residents' jobs)",
            value="; ".join(f"{section_names.get(s, s)} {n / employed:.0%}" for s, n in top),
        ),
        Fact(label="Unemployed residents (16+)", value=f"{unemployed:,}"),
        Fact(
            label="Households renting from a council or housing association",
            value=f"{social / max(1, area.households):.0%}",
        ),
    ]
