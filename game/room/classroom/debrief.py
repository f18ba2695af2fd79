"""The debrief after the last round, in four steps (describe, analyse, transfer, apply).

Every team's numbers are read from that team's own final census report (the one its game
shows), so the debrief and each team's screen agree. Prompts are written from the class's
own results; the census facts are the area's, as the game started from them.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from game.play.models import CensusReport
from game.room.names import category_name, ending_name, group_name
from game.room.numbers import half_up
from game.room.store.classes import DecisionRow


class Mover(BaseModel):
    group: str
    change: float  # approval points since 2021
    reasons: list[str]  # the engine's explanation lines, largest first

    def text(self) -> str:
        """'Young families, +9 points: New town park +6.4; School places +1.2'."""
        from game.room.numbers import signed

        why = "; ".join(self.reasons)
        change = signed(self.change)
        unit = "point" if change.lstrip("+-") == "1" else "points"
        return f"{self.group}, {change} {unit}" + (f": {why}" if why else "")


Series = list[tuple[int, float]]


class TeamResult(BaseModel):
    name: str
    area_code: str
    area_name: str
    population: float
    population_baseline: float  # the engine's own: no new projects and no shock
    population_vs_baseline: float = 0.0  # against the debrief's baseline (same shocks)
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


class Baseline(BaseModel):
    """An area with no new projects, hit by the same shocks in the same years as the
    teams (so a team is compared with doing nothing in the same world)."""

    area_code: str
    area_name: str
    population: Series
    jobs: Series


class AreaFacts(BaseModel):
    area_name: str
    facts: list[Fact]


class Ending(BaseModel):
    name: str  # as the room's pages name it (game.room.names.ending_name)
    meaning: str  # one plain line, with the rule's own thresholds


class Debrief(BaseModel):
    room: str
    area_name: str  # the class's area ("each team's own area" when they differ)
    same_area: bool  # every team played the same area
    years: int
    start_year: int = 2021  # the first year played (a shock after round N hits year start+N)
    teams: list[TeamResult]
    baselines: dict[str, Baseline]  # area code -> its no-new-projects line
    baseline_label: str  # "No new projects" / "No new projects, same shock"
    decisions: list[DecisionRow]
    shocks: list[tuple[int, str]]  # (thrown after round N, name)
    prompts: dict[str, list[str]]  # step -> questions
    facts: list[AreaFacts]  # each area's Census 2021 figures
    endings: list[Ending]


def _mover(report: CensusReport, ids: list[str]) -> Mover | None:
    by_id = {a.group_id: a for a in report.approvals}
    for gid in ids:
        a = by_id.get(gid)
        if a is not None:
            # a reason that moved nobody (rounds to 0.0) is no reason to give a class
            reasons = [ln.text for ln in a.top_reasons[:3] if round(ln.delta, 1) != 0]
            return Mover(group=group_name(gid), change=a.change, reasons=reasons)
    return None


def team_result(
    name: str, area: tuple[str, str], report: CensusReport, funded: list[str]
) -> TeamResult:
    series = report.series
    return TeamResult(
        name=name,
        area_code=area[0],
        area_name=area[1],
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


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 team', '3 teams' (never 'team(s)')."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _names(teams: list[TeamResult]) -> str:
    names = [t.name for t in teams]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def prompts(
    teams: list[TeamResult], decisions: list[DecisionRow], shocks: list[str], area: str
) -> dict[str, list[str]]:
    """Questions from the class's own results (never generic when the data says more).
    `area` is the class's area; teams that played their own areas are asked about those."""
    funded_cat: dict[str, set[str]] = {}
    for d in decisions:
        if d.kind == "funded":
            funded_cat.setdefault(d.category, set()).add(d.team)
    same = len({t.area_code for t in teams}) <= 1
    describe = [
        f"Every team started from the same {area}. Which team ended with the most people, "
        "and which with the most net new jobs?"
        if same
        else "Each team planned its own area. Which team grew its area most against doing "
        "nothing, and which made the most net new jobs for its size?"
    ]
    analyse: list[str] = []
    homes = funded_cat.get("housing", set())
    if teams and 0 < len(homes) < len(teams):
        yf = "Young families"
        with_h = [t.approvals.get(yf, 0.0) for t in teams if t.name in homes]
        without = [t.approvals.get(yf, 0.0) for t in teams if t.name not in homes]
        built, others = len(homes), len(teams) - len(homes)
        analyse.append(
            f"{plural(built, 'team')} built homes and {others} did not: young families' "
            f"approval averaged {half_up(sum(with_h) / len(with_h))} with homes and "
            f"{half_up(sum(without) / len(without))} without. Why?"
        )
    if len(teams) >= 2:
        jobs = max(teams, key=lambda t: t.net_jobs)
        liked = max(teams, key=lambda t: t.approval)
        if jobs.name != liked.name:
            analyse.append(
                f"{jobs.name} made the most net new jobs ({jobs.net_jobs:,.0f}) but "
                f"{liked.name} was the most popular ({half_up(liked.approval)}%). "
                "Can a plan do both?"
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
            f"The class funded {category_name(cat).lower()} projects most often ({times(n)}). "
            "Who gained from that, and who was left out?"
        )
    for shock in shocks:
        analyse.append(f"After '{shock}', whose plan coped best, and why?")
    unfunded = [t for t in teams if not t.funded]
    if unfunded:
        analyse.append(f"{_names(unfunded)} funded nothing. What happened to their approval?")
    real = f"the real {area}" if same else "your real area"
    transfer = [
        f"Which of today's choices would matter most in {real}? Which group would "
        "you want to ask first?",
        "A real council has to decide with less time and less certainty than you had. "
        "What would you want to know before spending the money?",
    ]
    council = f"{area}'s councillors" if same else "your area's councillors"
    apply = [
        f"Write one sentence to {council}: the project you would fund first, and who it is for.",
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


def endings(rules) -> list[Ending]:  # noqa: ANN001 - game.play.rules.GameRules
    """What each ending means, in one plain line, with the thresholds the rules use."""
    return [
        Ending(
            name=ending_name("parade"),
            meaning=f"The town cheers: a score of {rules.ending_parade_min_score:g} or more "
            f"and at least {rules.ending_parade_min_approval:g}% of people approving.",
        ),
        Ending(
            name=ending_name("mixed"),
            meaning="A mixed reception: some people cheer, some grumble (neither a parade "
            "nor a mob).",
        ),
        Ending(
            name=ending_name("mob"),
            meaning=f"An angry crowd: under {rules.ending_mob_max_approval:g}% approve, or "
            f"the score is under {rules.ending_mob_max_score:g} and people are unhappy "
            f"(under {rules.ending_mob_content_approval:g}% approve, or a group is worse "
            "off than in 2021).",
        ),
    ]
