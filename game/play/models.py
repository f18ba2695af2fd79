"""What a game session shows: cards, results, summaries, headline figures, reports.

Plain pydantic data, no behaviour: the client reads these, tests assert on them, and the
report pack turns them into tables.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.play.actions import Consult, Defer, Fund, Reject


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
    title: str
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


class CheckResult(_Model):
    ok: bool
    reason: str = ""  # English, empty when ok
    reason_key: str = ""  # "card.error.*" translation key
    cost: float = 0.0  # money the action would spend
    clout_cost: int = 0


class ExplanationLine(_Model):
    source: str  # project label or indicator driving the change
    indicator: str
    delta: float  # approval points, + green / - red
    text: str


class Consultation(_Model):
    card_id: str
    group_id: str
    group_name: str
    size: int
    delta: float  # projected change in the group's approval if the card is funded
    lines: list[ExplanationLine]


class ActionResult(_Model):
    ok: bool
    action: Fund | Reject | Defer | Consult
    reason: str = ""
    money: float
    clout: int
    consultation: Consultation | None = None


class NewsItem(_Model):
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
    opened: list[str]  # project names that opened this year
    expired: list[str]  # card titles that lapsed
    new_cards: list[str]  # ids of cards dealt for the coming year
    population_change: float
    jobs_change: float
    income: float  # growth fund received
    upkeep: float  # running costs paid
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
    net_jobs: float  # net additional FTE now (construction while building, then operational)
    status: str = "construction"  # construction | open


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
    name: str
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
    gross_jobs: float  # gross permanent operational FTE of the open projects
    net_additional_jobs: float  # this year's net additional FTE (engine, level played)
    money_spent: float
    cost_per_net_job: float | None
    benchmarks: list[BenchmarkRow]
    approval_overall: float
    approvals: list[GroupApproval]
    series: dict[str, list[SeriesPoint]] = Field(default_factory=dict)  # jobs, population, ...
    approval_history: list[ApprovalPoint] = Field(default_factory=list)
    headlines: list[NewsItem]  # every newspaper item of the game so far
    score: float | None = None  # final only, 0..100
    score_parts: dict[str, float] = Field(default_factory=dict)
    ending: Literal["parade", "mob", "mixed"] | None = None  # final only
