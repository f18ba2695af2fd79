"""What a game session shows: cards, results, summaries, headline figures, reports.

Plain pydantic data, no behaviour: the client reads these, tests assert on them, and the
report pack turns them into tables.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.play.actions import Consult, Defer, Fund, Reject
from game.sim.records import CheckResult as CheckResult  # one check result (engine + rules)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GroupStance(_Model):
    group_id: str
    name: str
    size: int  # Census 2021 people in the group (groups overlap)
    strength: float  # + supports, - opposes


class ProposalCard(_Model):
    id: str
    type_id: str
    category: str
    title: str  # English, e.g. "New park (15 ha)"
    # "card.title_scaled" params: name, type_id, quantity (English), output_key, n -- a
    # client renders t(output_key, n=n) then t(title_key, name=<project name>, quantity=..)
    title_key: str = "card.title"
    title_params: dict[str, Any] = Field(default_factory=dict)
    blurb: str
    scale: float
    cost: float  # capital, £ (paid from the growth fund when funded)
    running_cost: float  # £ a year once open
    build_years: int
    # Jobs in FTE on one basis: construction as FTE equivalents (10 job-years = 1 FTE)
    # plus permanent operational FTE, before (gross) and after (net) additionality.
    gross_jobs: float
    gross_operational_jobs: float  # permanent operational FTE only
    construction_job_years: float
    net_jobs: float  # net additional jobs at the area played
    net_jobs_wider: float | None = None  # net additional jobs at the wider grouping
    cost_per_net_job: float | None = None
    people_affected: int
    supporters: list[tuple[str, str, int]]  # (group_id, display name, census size)
    detractors: list[tuple[str, str, int]]
    stances: list[GroupStance]  # the same with strengths, supporters first
    arrived_year: int
    expires_year: int
    defers: int = 0
    clout_to_fund: int
    clout_to_reject: int
    need: str | None = None  # the census need that brought this card, if any
    reason: str  # English sentence: why this area got this card
    reason_key: str  # translation key for the reason ("card.reason.<need>")
    reason_params: dict[str, Any] = Field(default_factory=dict)


class ExplanationLine(_Model):
    source: str  # project label or indicator driving the change
    indicator: str
    delta: float  # approval points, + green / - red
    text: str
    key: str = ""  # translation key of `source` when PLAY worded it ("card.why.*")


class Consultation(_Model):
    card_id: str
    group_id: str
    group_name: str  # English
    size: int
    delta: float  # projected change in the group's approval if the card is funded
    lines: list[ExplanationLine]


class ActionResult(_Model):
    ok: bool
    action: Fund | Reject | Defer | Consult
    reason: str = ""  # English; translate with reason_key + reason_params
    reason_key: str = ""
    reason_params: dict[str, Any] = Field(default_factory=dict)
    money: float
    clout: int
    consultation: Consultation | None = None


class NewsItem(_Model):
    """A message: a key and params in ids and numbers, for a client to word in its own
    language, and the English rendering (logs, the command line). Ids travel as area_code,
    card_id, group_id, winner_id and loser_id; `text` has their English names."""

    key: str  # "news.*" translation key
    params: dict[str, Any]
    text: str  # English rendering of key + params


class EngineEventInfo(_Model):
    kind: str
    year: int
    text: str
    data: dict[str, Any] = Field(default_factory=dict)


class YearSummary(_Model):
    year: int  # the year now reached
    turn: int
    news: list[NewsItem]  # 2-4 newspaper items
    events: list[EngineEventInfo]
    opened: list[str]  # card ids of the projects that opened this year
    expired: list[str]  # ids of the cards that lapsed
    new_cards: list[str]  # ids of cards dealt for the coming year
    population_change: float
    jobs_change: float
    # The money line adds up: money_start - spent + income - upkeep == money
    money_start: float  # in the bank when the year's decisions began
    spent: float  # taken by the year's decisions (projects funded)
    income: float  # growth fund received
    upkeep: float  # running costs paid
    upkeep_due: float  # running costs owed (more than paid only if the final year ran short)
    clout_income: int
    money: float
    clout: int
    report_due: Literal["midterm", "final"] | None = None

    @property
    def headlines(self) -> list[tuple[str, dict[str, Any]]]:
        return [(n.key, n.params) for n in self.news]


class Headline(_Model):
    population: float
    jobs: float
    unemployment_rate: float  # share, 0..1
    approval_overall: float  # 0..100
    # "Jobs here" as the player's effect: jobs located here against the same years with
    # no new projects (the baseline), so it never sits beside "272 net new jobs" unexplained
    jobs_baseline: float = 0.0
    jobs_vs_baseline: float = 0.0
    jobs_2021: float = 0.0  # where the jobs count started (the national trend moves both)


class ScoreSoFar(_Model):
    """The final score's parts as they stand now (shown during play, not first at the
    verdict): the same rule as the Census 2031 report, on this year's figures."""

    year: int
    final_year: int
    score: float
    approval: float  # the approval part, 0..100
    jobs: float  # the net new jobs part, 0..100
    value: float  # the value-for-money part, 0..100
    net_new_jobs: float
    jobs_per_1000: float
    cost_per_net_job: float | None
    weights: dict[str, float]  # share of the score from each part


class ProjectJobs(_Model):
    """One open project's part of the jobs account (construction + operational FTE); read
    from game.sim.jobs_account.ProjectJobs by attribute."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    label: str
    type_id: str
    opens: int
    cost: float
    gross: float  # operational FTE + construction FTE equivalents
    net: float  # net new jobs at the level played
    net_wider: float


class JobsAccount(_Model):
    """The one jobs vocabulary (Engine.jobs_account, lead's decision): every jobs figure
    PLAY shows comes from one of these, for one year, counting only open projects. Built
    from the engine's account in one step: `JobsAccount.model_validate(engine_account)`."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    year: int
    gross_operational_fte: float
    construction_fte: float
    gross_total: float  # "Jobs created (gross)"      -> key jobs.gross
    deadweight: float
    leakage: float
    displacement: float
    substitution: float
    multiplier_gain: float
    net_additional: float  # "Net new jobs"          -> key jobs.net
    net_additional_wider: float
    jobs_vs_baseline: float  # "Jobs located here vs no new projects" -> key jobs.vs_baseline
    cost_to_date: float  # capital cost of the projects counted
    cost_per_net_job: float | None
    not_yet_open: list[tuple[str, int]] = Field(default_factory=list)  # (label, opens year)
    projects: list[ProjectJobs] = Field(default_factory=list)


class FundedProject(_Model):
    card_id: str
    type_id: str
    title: str
    label: str  # name in the engine's explanations (title, made unique)
    scale: float
    funded_year: int
    opens_year: int
    cost: float
    running_cost: float
    gross_jobs: float  # gross permanent operational FTE
    net_jobs: float  # net new jobs (construction + operational FTE) once open, else 0
    net_jobs_planned: float = 0.0  # the same when it opens (the card's figure)
    status: str = "construction"  # construction | open
    counted: bool = False  # in the jobs account's totals (open by the report year)


class Pyramid(_Model):
    year: int
    male: list[float]
    female: list[float]


class IndustryJobs(_Model):
    section: str  # SIC 2007 section letter A..U
    jobs_2021: float  # workplace jobs
    jobs_now: float


class BenchmarkRow(_Model):
    id: str
    label: str
    low: float
    high: float
    status: str
    source: str


class GroupApproval(_Model):
    group_id: str
    name: str  # English; a client names the group by group_id
    size: int
    approval: float
    change: float  # since 2021
    top_reasons: list[ExplanationLine]


class SeriesPoint(_Model):
    year: int
    scenario: float
    baseline: float
    low: float
    high: float


class ApprovalPoint(_Model):
    year: int
    group_id: str
    approval: float


class CensusReport(_Model):
    kind: Literal["midterm", "final"]
    title: str  # English, from title_key
    title_key: str  # "report.title.midterm" | "report.title.final" (params: year, area)
    area_code: str
    area_name: str
    year: int
    population_2021: float
    population_now: float
    population_baseline: float
    pyramid_2021: Pyramid
    pyramid_now: Pyramid
    pyramid_baseline: Pyramid
    jobs_2021: float
    jobs_now: float
    jobs_baseline: float
    unemployment_rate: float
    jobs_by_industry: list[IndustryJobs]
    projects: list[FundedProject]
    gross_jobs: float  # = jobs.gross_total ("Jobs created (gross)")
    net_additional_jobs: float  # = jobs.net_additional ("Net new jobs")
    jobs_vs_baseline: float = 0.0  # = jobs.jobs_vs_baseline
    money_spent: float  # everything funded, open or not
    cost_per_net_job: float | None  # = jobs.cost_per_net_job (open projects only)
    jobs: JobsAccount | None = None
    benchmarks: list[BenchmarkRow]
    approval_overall: float
    approvals: list[GroupApproval]
    series: dict[str, list[SeriesPoint]] = Field(default_factory=dict)  # jobs, population, ...
    approval_history: list[ApprovalPoint] = Field(default_factory=list)
    headlines: list[NewsItem]  # every newspaper item of the game so far
    score: float | None = None  # final only, 0..100
    score_parts: dict[str, float] = Field(default_factory=dict)
    ending: Literal["parade", "mob", "mixed"] | None = None  # final only
    # Final only: why this ending ("report.verdict.<ending>.<reason>", chosen from the
    # sub-scores) then who gained/lost most ("report.verdict.movers*": params winner/loser
    # are English names, winner_id/loser_id the group ids for a translated name).
    verdict_lines: list[NewsItem] = Field(default_factory=list)
    verdict: str = ""  # English rendering of verdict_lines
    biggest_winners: list[str] = Field(default_factory=list)  # group ids, most gained first
    biggest_losers: list[str] = Field(default_factory=list)  # group ids, most lost first
