"""Low / central / high variants: additionality, the migration response and fertility.

The values are read from data/projects/uncertainty.csv by game.sim.params_bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

VARIANTS = ("low", "central", "high")


@dataclass(frozen=True)
class Variant:
    name: str
    additionality_scale: float  # deductions x this, multiplier uplift / this
    migration_response: float  # project-induced migration x this
    fertility_scale: float
