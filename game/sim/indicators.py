"""Yearly indicators the citizen groups care about, and their approval signals.

Each indicator has a start value (2021, or the base year) and a signal: its change since
the start in the unit of data/params/approval_indicators.csv ("% change", "percentage
points", "index points", "GBP"). Approval weights multiply signals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

INDEX_INDICATORS = (
    "commute_access",
    "green_space",
    "town_centre_vitality",
    "culture",
    "flood_safety",
    "low_carbon",
    "skills",
)
# Indicators that carry an approval signal, in the column order of the weight matrix.
SIGNAL_INDICATORS = (
    "population",
    "jobs",
    "unemployment_rate",
    "school_places_per_child",
    "gp_capacity_per_person",
    "homes_per_household",
    "broadband_gigabit_share",
    *INDEX_INDICATORS,
    "running_cost_per_head",
)
PERCENT_CHANGE = ("population", "jobs")
POINTS = (
    "unemployment_rate",
    "school_places_per_child",
    "gp_capacity_per_person",
    "homes_per_household",
    "broadband_gigabit_share",
)
CHILD_AGES = slice(4, 16)


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    label: str
    unit: str
    signal_unit: str
    start_value: float | None
    higher_is_better: bool
    source: str
    status: str
    # the words people use, for approval reasons ("Getting to work", not "Commute access
    # index"); the label stays the measure's name for tables and charts
    reason: str = ""


@dataclass(frozen=True)
class IndicatorParams:
    vacancy: float  # data/params/migration_links.csv vacancy_rate
    broadband_rollout: float  # share of premises a year (approval_params.csv)
    broadband_ceiling: float


@dataclass(frozen=True)
class StartState:
    """Quantities at the start year for the played area (sums over its member areas)."""

    population: float
    children: float
    households: float
    jobs: float
    unemployment_rate: float
    budget: float
    household_size: float  # household residents / households (Census 2021 household_size.csv)


@dataclass
class Stocks:
    """What funded projects have delivered so far (open projects only)."""

    school_places: float = 0.0
    gp_patient_capacity: float = 0.0
    homes: float = 0.0
    premises_connected: float = 0.0
    running_cost: float = 0.0
    index_points: dict[str, float] | None = None
    net_additional_jobs: float = 0.0

    def copy(self) -> Stocks:
        return Stocks(
            self.school_places,
            self.gp_patient_capacity,
            self.homes,
            self.premises_connected,
            self.running_cost,
            dict(self.index_points or {}),
            self.net_additional_jobs,
        )


@dataclass(frozen=True)
class IndicatorInputs:
    """Everything one year's indicators are computed from (kept by the engine so that a
    consultation preview re-runs the same arithmetic with a project added)."""

    years_since_start: int
    population: np.ndarray  # (n, 2, 91) now
    baseline_total: float  # baseline population now (trend house-building follows it)
    labour_force: float
    unemployed: float
    jobs: float
    stocks: Stocks
    budget_remaining: float

    def with_stocks(self, stocks: Stocks) -> IndicatorInputs:
        return dataclasses.replace(self, stocks=stocks)


def compute(
    start: StartState,
    specs: Mapping[str, IndicatorSpec],
    ip: IndicatorParams,
    x: IndicatorInputs,
) -> dict[str, float]:
    """The indicators for one year: the only indicator arithmetic (the engine's yearly
    record and the consultation preview both call it)."""
    vacancy = ip.vacancy
    stocks = x.stocks
    pop = float(x.population.sum())
    children = float(x.population[:, :, CHILD_AGES].sum())
    school0 = specs["school_places_per_child"].start_value or 1.0
    gp0 = specs["gp_capacity_per_person"].start_value or 1.0
    bb0 = specs["broadband_gigabit_share"].start_value or 0.0
    growth_trend = x.baseline_total / start.population if start.population > 0 else 1.0
    # Trend house-building keeps pace with the baseline's households (at the area's own
    # household size), so the baseline keeps its homes-per-household ratio.
    trend_households = start.households + (x.baseline_total - start.population) / (
        start.household_size
    )
    dwellings = trend_households / (1.0 - vacancy) + stocks.homes
    # Extra people form households at the area's own household size (household residents
    # / households), as new homes fill (game.sim.housing), so homes added never lower the
    # ratio (issue 8: at E&W's 2.36 per home they did where households are small).
    households_needed = start.households + (pop - start.population) / start.household_size
    premises = max(start.households / (1.0 - vacancy) * growth_trend, 1.0)
    rollout = min(ip.broadband_ceiling, bb0 + ip.broadband_rollout * x.years_since_start)
    lf = x.labour_force
    out = {
        "population": pop,
        "jobs": x.jobs,
        "unemployment_rate": x.unemployed / lf if lf > 0 else 0.0,
        "school_places_per_child": (start.children * school0 + stocks.school_places)
        / max(children, 1.0),
        "gp_capacity_per_person": (start.population * gp0 + stocks.gp_patient_capacity)
        / max(pop, 1.0),
        "homes_per_household": dwellings / max(households_needed, 1.0),
        "broadband_gigabit_share": min(
            1.0, rollout + (1.0 - rollout) * min(1.0, stocks.premises_connected / premises)
        ),
        "running_cost_per_head": stocks.running_cost / max(pop, 1.0),
        "budget_remaining": x.budget_remaining,
        "net_additional_jobs": stocks.net_additional_jobs,
    }
    points = stocks.index_points or {}
    for name in INDEX_INDICATORS:
        base = specs[name].start_value or 50.0
        out[name] = min(100.0, max(0.0, base + points.get(name, 0.0)))
    return out


def start_values(
    start: StartState, specs: Mapping[str, IndicatorSpec], ip: IndicatorParams
) -> dict[str, float]:
    """Indicator values at the start (no projects)."""
    bb0 = specs["broadband_gigabit_share"].start_value or 0.0
    out = {
        "population": start.population,
        "jobs": start.jobs,
        "unemployment_rate": start.unemployment_rate,
        "school_places_per_child": specs["school_places_per_child"].start_value or 1.0,
        "gp_capacity_per_person": specs["gp_capacity_per_person"].start_value or 1.0,
        "homes_per_household": 1.0 / (1.0 - ip.vacancy),
        "broadband_gigabit_share": bb0,
        "running_cost_per_head": 0.0,
        "budget_remaining": start.budget,
        "net_additional_jobs": 0.0,
    }
    for name in INDEX_INDICATORS:
        out[name] = specs[name].start_value or 50.0
    return out


def signals(values: Mapping[str, float], start: Mapping[str, float]) -> np.ndarray:
    """Change since the start for every SIGNAL_INDICATORS entry, in its signal unit."""
    out = np.empty(len(SIGNAL_INDICATORS))
    for k, name in enumerate(SIGNAL_INDICATORS):
        v, s = values[name], start[name]
        if name in PERCENT_CHANGE:
            out[k] = (v / s - 1.0) * 100.0 if s else 0.0
        elif name in POINTS:
            out[k] = (v - s) * 100.0
        else:
            out[k] = v - s
    return out
