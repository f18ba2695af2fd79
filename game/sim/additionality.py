"""Gross to net additional jobs (HCA Additionality Guide, 4th ed. 2014; METHODS.md s2).

net = gross x (1 - deadweight) x (1 - leakage) x (1 - displacement) x (1 - substitution) x M

The deductions are applied in that order so that each one is reported in jobs and the
breakdown adds up: gross - deadweight - leakage - displacement - substitution
+ multiplier effect = net.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenarios.models import Factors


@dataclass(frozen=True)
class JobsBreakdown:
    """One gross -> net calculation, every deduction in FTE jobs."""

    level: str
    gross: float
    deadweight: float
    leakage: float
    displacement: float
    substitution: float
    multiplier_effect: float
    net: float
    # Jobs located in the target area (before leakage): what the labour market sees.
    # Leakage is the share of them taken by people living outside the area, which the
    # commuting model reproduces, so it must not be deducted twice.
    workplace_net: float

    def __add__(self, other: JobsBreakdown) -> JobsBreakdown:
        return JobsBreakdown(
            level=self.level,
            gross=self.gross + other.gross,
            deadweight=self.deadweight + other.deadweight,
            leakage=self.leakage + other.leakage,
            displacement=self.displacement + other.displacement,
            substitution=self.substitution + other.substitution,
            multiplier_effect=self.multiplier_effect + other.multiplier_effect,
            net=self.net + other.net,
            workplace_net=self.workplace_net + other.workplace_net,
        )

    def scaled(self, k: float) -> JobsBreakdown:
        return JobsBreakdown(
            self.level,
            self.gross * k,
            self.deadweight * k,
            self.leakage * k,
            self.displacement * k,
            self.substitution * k,
            self.multiplier_effect * k,
            self.net * k,
            self.workplace_net * k,
        )

    def as_dict(self) -> dict[str, float | str]:
        return {
            "level": self.level,
            "gross": self.gross,
            "deadweight": self.deadweight,
            "leakage": self.leakage,
            "displacement": self.displacement,
            "substitution": self.substitution,
            "multiplier_effect": self.multiplier_effect,
            "net": self.net,
            "workplace_net": self.workplace_net,
        }


def net_factor(f: Factors) -> float:
    """Net additional jobs per gross job."""
    return (
        (1.0 - f.deadweight)
        * (1.0 - f.leakage)
        * (1.0 - f.displacement)
        * (1.0 - f.substitution)
        * f.multiplier
    )


def workplace_factor(f: Factors) -> float:
    """Jobs located in the area per gross job (everything except leakage)."""
    return (1.0 - f.deadweight) * (1.0 - f.displacement) * (1.0 - f.substitution) * f.multiplier


def gross_to_net(gross: float, f: Factors, level: str = "lad") -> JobsBreakdown:
    after_dw = gross * (1.0 - f.deadweight)
    leak = after_dw * f.leakage
    after_leak = after_dw - leak
    disp = after_leak * f.displacement
    after_disp = after_leak - disp
    sub = after_disp * f.substitution
    after_sub = after_disp - sub
    net = after_sub * f.multiplier
    return JobsBreakdown(
        level=level,
        gross=gross,
        deadweight=gross - after_dw,
        leakage=leak,
        displacement=disp,
        substitution=sub,
        multiplier_effect=net - after_sub,
        net=net,
        workplace_net=gross * workplace_factor(f),
    )


def scale_factors(f: Factors, k: float) -> Factors:
    """Uncertainty variant: deductions scaled by k (capped at 1), multiplier uplift by 1/k.

    k > 1 is the pessimistic (low) case: more deadweight, leakage, displacement and
    substitution, a smaller multiplier; k < 1 the optimistic (high) case.
    """
    return Factors(
        leakage=min(1.0, f.leakage * k),
        displacement=min(1.0, f.displacement * k),
        substitution=min(1.0, f.substitution * k),
        deadweight=min(1.0, f.deadweight * k),
        multiplier=max(1.0, 1.0 + (f.multiplier - 1.0) / k),
    )
