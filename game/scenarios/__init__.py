"""Project catalogue and scenario files -> validated, frozen specs (no I/O beyond reading them)."""

from game.scenarios.catalogue import Catalogue, load_catalogue, load_profiles
from game.scenarios.models import (
    CATEGORIES,
    Factors,
    PlannedProject,
    ProjectOverride,
    ProjectType,
    Scenario,
    Source,
)
from game.scenarios.scenario import load_scenario, scenario_catalogue

__all__ = [
    "CATEGORIES",
    "Catalogue",
    "Factors",
    "PlannedProject",
    "ProjectOverride",
    "ProjectType",
    "Scenario",
    "Source",
    "load_catalogue",
    "load_profiles",
    "load_scenario",
    "scenario_catalogue",
]
