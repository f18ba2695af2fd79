"""What a class room's API takes and gives (pydantic at the boundary)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.play.models import FundedProject, NewsItem, ProposalCard
from game.room.models import Label, Strict

Phase = Literal["lobby", "playing", "paused", "between", "debrief"]


class ClassSettings(Strict):
    area: str = "Hartlepool"
    years: Literal[5, 10] = 5
    round_minutes: float = Field(default=4.0, gt=0, le=30)
    seed: int = Field(default=7, ge=0)
    # False: every team plays `area` ("same area, different futures"); True: each team
    # chooses its own area when it joins (`area` is the default for a team that does not)
    each_own_area: bool = False


class TeamJoinIn(Strict):
    name: Label
    # the team's area (code or name, aliases too) when the class lets each team choose;
    # a class where all play one area accepts only that area (or nothing)
    area: str | None = Field(default=None, min_length=1, max_length=80)


class TeamJoined(BaseModel):
    team: str
    player_key: str
    rejoined: bool
    area_code: str
    area_name: str


class TeamPublic(BaseModel):
    """What the projector shows of a team while the game runs: no choices."""

    name: str
    area_name: str = ""  # the team's area (shown when each team plays its own)
    year: int
    money: float
    approval: float
    net_jobs: float


class ShockOut(BaseModel):
    id: str
    name: str
    description: str
    source: str
    status: str


class ClassStatus(BaseModel):
    code: str
    name: str
    area_name: str  # the class's area (each team's own is in `teams` when each_own_area)
    each_own_area: bool = False
    phase: Phase
    round: int  # rounds started so far (the current one while playing or paused)
    rounds: int  # the game's years
    round_seconds: float
    remaining_seconds: float
    teams: list[TeamPublic]
    shock: ShockOut | None = None  # thrown in the last break (all see it in the news)


class TeamState(BaseModel):
    """A team's own view (its game, private to it until the debrief)."""

    model_config = ConfigDict(extra="forbid")
    status: ClassStatus
    team: str
    year: int
    finished: bool
    money: float
    clout: int
    proposals: list[ProposalCard]
    funded: list[FundedProject]
    news: list[NewsItem]  # the last year's newspaper
    decided: list[str]  # card ids decided this round


class ShockIn(Strict):
    shock_id: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
