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
    fertility_scale: float  # baseline fertility x this, reached as a trend over trend_years
    mortality_scale: float = 1.0  # death rates x this, likewise a trend
    international_scale: float = 1.0  # immigration x this (a high / low migration variant)
    trend_years: int = 10
    delivery_factor: float = 1.0  # operational jobs delivered, share of the forecast
    delay_years: int = 0  # projects open this much later than planned

    def trend(self, scale: float, years_in: int) -> float:
        """A variant's scale reached gradually: 1 at the start, `scale` after trend_years."""
        if self.trend_years <= 0:
            return scale
        return 1.0 + (scale - 1.0) * min(1.0, years_in / self.trend_years)
