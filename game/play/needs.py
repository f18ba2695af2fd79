"""What an area needs, read from its census profile against England and Wales.

A need is a ratio (e.g. job seekers / economically active) for the area divided by the
same ratio for the national reference. Needs that pass their trigger steer which proposal
cards the area is dealt, and each card keeps the sentence explaining why.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from game.errors import DataError
from game.model.area import AreaProfile
from game.play.rules import NeedRule


class NeedReading(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    need: str
    area_value: float  # share, 0..1
    national_value: float
    index: float  # area / national
    triggered: bool
    weight: float
    categories: tuple[str, ...]
    groups: tuple[str, ...] = ()  # who the need is about (needs.csv)


def _term(profile: AreaProfile, term: str) -> float:
    kind, _, arg = term.partition(":")
    if kind == "population":
        return float(profile.population.total)
    if kind == "households":
        return float(profile.households)
    if kind == "ages":
        lo, _, hi = arg.partition("-")
        a, b = int(lo), int(hi or lo)
        return float(
            sum(profile.population.male[a : b + 1]) + sum(profile.population.female[a : b + 1])
        )
    if kind == "groups":
        return float(profile.groups.get(arg, 0))
    if kind == "commuting":
        return float(getattr(profile.commuting, arg))
    raise DataError("data/play/needs.csv", f"unknown term '{term}'")


def _expr(profile: AreaProfile, expr: str) -> float:
    # "groups:a+b" adds groups a and b; "x+y" adds full terms.
    total = 0.0
    kind = ""
    for part in expr.split("+"):
        part = part.strip()
        if ":" in part or part in ("population", "households"):
            kind = part.partition(":")[0]
            total += _term(profile, part)
        else:
            total += _term(profile, f"{kind}:{part}")
    return total


def share(profile: AreaProfile, rule: NeedRule) -> float:
    den = _expr(profile, rule.denominator)
    return _expr(profile, rule.numerator) / den if den > 0 else 0.0


def national_shares(areas: Iterable[AreaProfile], rules: Iterable[NeedRule]) -> dict[str, float]:
    """Each need's ratio over all areas, summed area by area (so commuting between two
    districts still counts as commuting out, as it does for each district)."""
    areas = list(areas)
    out = {}
    for rule in rules:
        num = sum(_expr(a, rule.numerator) for a in areas)
        den = sum(_expr(a, rule.denominator) for a in areas)
        out[rule.need] = num / den if den > 0 else 0.0
    return out


def read_needs(
    profile: AreaProfile, national: dict[str, float], rules: Iterable[NeedRule]
) -> list[NeedReading]:
    out = []
    for rule in rules:
        a, n = share(profile, rule), national.get(rule.need, 0.0)
        index = a / n if n > 0 else 1.0
        hit = (
            index >= rule.trigger_ratio if rule.direction == "high" else index <= rule.trigger_ratio
        )
        out.append(
            NeedReading(
                need=rule.need,
                area_value=a,
                national_value=n,
                index=index,
                triggered=hit,
                weight=rule.weight,
                categories=rule.categories,
                groups=rule.groups,
            )
        )
    return out
