"""The values the engine hands out: commands, check results, events, yearly records and
its read-only state (game.sim.interface describes the calls that return them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from game.sim.approval import ApprovalYear, Contribution, explain
from game.sim.population import PopulationStep
from game.sim.projects import ProjectInstance

EventValue = str | int | float | bool | list[Contribution] | None
# group id -> (change in the group's approval target, the reasons, largest first)
Preview = dict[str, tuple[float, list[Contribution]]]


@dataclass(frozen=True)
class FundProject:
    """Fund a project type. `area_code` places it in one member LAD of a grouping
    (default: spread across members in proportion to population)."""

    type_id: str
    scale: float = 1.0
    label: str | None = None
    area_code: str | None = None


class CheckResult(BaseModel):
    """The answer to "would this be accepted now?" -- the one result type for the engine's
    `check` and the game's action checks (game.play re-exports it). `reason` is English;
    `reason_key` and `reason_params` let a client translate it."""

    model_config = ConfigDict(extra="forbid")

    ok: bool
    reason: str = ""
    reason_key: str = ""
    reason_params: dict[str, str | int | float] = Field(default_factory=dict)
    cost: float = 0.0  # money it would spend
    clout_cost: int = 0  # the game's political cost (the engine leaves it 0)
    # allowed, but the player should know first (the game's late-opening warning)
    warning: str = ""  # English
    warning_key: str = ""  # "card.warn.*" translation key
    warning_params: dict[str, str | int | float] = Field(default_factory=dict)


@dataclass(frozen=True)
class Shock:
    """An outside event the engine absorbs from the next year on: workplace jobs gained or
    lost by industry section (SIC letter -> jobs, kept in every later year) and a one-off
    net migration (people, spread over ages as the population is). The engine knows
    nothing of who throws it (a class room's teacher, a scenario)."""

    id: str
    name: str
    jobs_by_section: Mapping[str, float] = field(default_factory=dict)
    migrants: float = 0.0


@dataclass(frozen=True)
class Event:
    kind: str  # funded | rejected | warning | construction | opened | approval | year
    year: int
    text: str
    data: dict[str, EventValue] = field(default_factory=dict)


@dataclass(frozen=True)
class YearTrace:
    """Per-area arrays behind one year's record (for CSV outputs and reports)."""

    population: np.ndarray  # (n, 2, 91) scenario
    baseline_population: np.ndarray
    components: dict[str, np.ndarray] | None  # births, deaths, ... (n,) scenario
    baseline_components: dict[str, np.ndarray] | None
    workplace_jobs: np.ndarray  # (n,)
    baseline_workplace_jobs: np.ndarray
    unemployment_rate: np.ndarray  # (n,)
    baseline_unemployment_rate: np.ndarray
    jobs_by_section: np.ndarray  # (n, 21) scenario


@dataclass(frozen=True)
class YearRecord:
    year: int
    indicators: dict[str, float]  # scenario
    baseline_indicators: dict[str, float]
    approvals: dict[str, float]
    baseline_approvals: dict[str, float]
    project_jobs: dict[str, dict[str, float]]  # project id -> {construction, operational}
    trace: YearTrace
    groups: tuple[str, ...]
    labels: Mapping[str, str]
    approval_year: ApprovalYear | None = None
    baseline_approval_year: ApprovalYear | None = None

    @cached_property
    def explanations(self) -> dict[str, list[Contribution]]:
        """Why each group's approval changed this year (sums exactly to the change)."""
        if self.approval_year is None:
            return {g: [] for g in self.groups}
        return explain(self.groups, self.approval_year, self.labels)

    @cached_property
    def baseline_explanations(self) -> dict[str, list[Contribution]]:
        if self.baseline_approval_year is None:
            return {g: [] for g in self.groups}
        return explain(self.groups, self.baseline_approval_year, self.labels)


@dataclass(frozen=True)
class EngineState:
    year: int
    start_year: int
    end_year: int
    codes: tuple[str, ...]
    area_code: str
    area_name: str
    level: str
    wider_level: str
    variant: str
    population: np.ndarray
    baseline_population: np.ndarray
    budget: float
    history: tuple[YearRecord, ...]
    projects: tuple[ProjectInstance, ...]


class LevelledArea(Protocol):
    """What played_levels reads from an area profile (game.model.area.AreaProfile)."""

    @property
    def kind(self) -> str: ...
    @property
    def lep_codes(self) -> tuple[str, ...]: ...
    @property
    def ca_code(self) -> str | None: ...


def played_levels(profile: LevelledArea) -> tuple[str, str]:
    """(level played, wider level) for an area profile: LA -> its LEP/CA (or region)."""
    kind = profile.kind
    if kind == "lad":
        has_sub = bool(profile.lep_codes) or bool(profile.ca_code)
        return "lad", "sub_region" if has_sub else "region"
    if kind in ("lep", "ca", "custom"):
        return "sub_region", "region"
    return "region", "national"


def components(step: PopulationStep) -> dict[str, np.ndarray]:
    return {
        "births": step.births,
        "deaths": step.deaths,
        "internal_in": step.internal_in,
        "internal_out": step.internal_out,
        "international_in": step.international_in,
        "international_out": step.international_out,
        "extra_migrants": step.extra_migrants,
    }
