"""Proposal cards: which projects an area is offered, and what each card says.

Cards are drawn from the project catalogue, weighted towards the categories the area's
census profile needs (needs.csv); each card keeps the need that brought it as its reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from game.play import fmt
from game.play.engine_port import CardNumbers
from game.play.models import GroupStance, ProposalCard
from game.play.needs import NeedReading
from game.play.rules import GameRules
from game.scenarios.models import ProjectType, number_text, quantity
from game.sim.projects import scaled_project


def card_scale(population: float, rules: GameRules) -> float:
    raw = population / rules.card_scale_reference_population
    step = rules.card_scale_step
    stepped = max(step, math.floor(raw / step + 0.5) * step)
    return float(min(rules.card_scale_max, max(rules.card_scale_min, stepped)))


# Outputs counted in whole units (a card never offers half a station); the rest
# (hectares, km, megawatts, floorspace) read fine as decimals.
CONTINUOUS_OUTPUTS = frozenset({"hectares", "route_km", "megawatts", "floorspace_m2"})


def type_scale(ptype: ProjectType, scale: float) -> float:
    """The area's card scale, nudged so the card buys whole things: a discrete facility
    (schools, stations: types with a plural name) at scale >= 1 becomes a whole number of
    them (half up, so Birmingham's 11.5 offers 12 schools, not one school 11.5 times the
    size); below 1 it is one smaller facility (a 210-place primary). Other counted outputs
    come in whole units (buses, firms); hectares, km, MW and floorspace are left as they are."""
    if ptype.discrete and scale >= 1.0:
        return float(math.floor(scale + 0.5))
    out = ptype.main_output()
    if out is None or out[0] in CONTINUOUS_OUTPUTS:
        return scale
    name, qty = out
    units = qty * scale
    if abs(units - round(units)) < 1e-9 and units >= 1:
        return scale
    return max(1.0, float(round(units))) / qty


def describe(
    ptype: ProjectType, scale: float, templates: dict[str, str]
) -> tuple[str, str, dict[str, Any]]:
    """(English title, title key, params) for a card. The English title is the sim's
    ProjectType.describe(scale) (real quantities or a count of facilities, never "(x3)").
    The key and params say the same in ids and numbers, for a client to put into its own
    language: "card.title" {type_id, scale, count} when the project's name says it all,
    else "card.title_scaled" adds the output the title quotes in brackets {output_key,
    amount, n}. count is how many facilities (0: one, sized by scale); the name's own
    numbers scale with `scale` (ProjectType.scale_numbers)."""
    title = ptype.describe(scale)
    name, added = ptype.title_parts(scale)
    count = ptype.units(scale)
    params: dict[str, Any] = {"type_id": ptype.id, "scale": scale, "count": count or 0}
    english = {"name": title}
    key = "card.title"
    if added is not None:
        output, value = added
        key = "card.title_scaled"
        params.update(output_key=f"card.output.{output}", amount=value, n=number_text(value))
        english = {"name": name, "quantity": quantity(value, output)}
    return fmt.render(templates, key, {**params, **english}), key, params


def type_weights(
    types: Sequence[ProjectType], needs: Sequence[NeedReading], funded_types: set[str]
) -> tuple[np.ndarray, list[NeedReading | None]]:
    """Weight per project type (sorted by id) and the strongest triggered need behind it."""
    weights = np.ones(len(types), dtype=np.float64)
    reasons: list[NeedReading | None] = []
    for i, t in enumerate(types):
        best: NeedReading | None = None
        helped = {g for g, v in (getattr(t, "group_effects", None) or {}).items() if v > 0}
        for need in needs:
            if need.triggered and t.category in need.categories:
                weights[i] += need.weight
                # the "why here" line must fit the project: it names a need only if the
                # project helps the people that need is about
                if need.groups and not helped & set(need.groups):
                    continue
                if best is None or need.weight * need.index > best.weight * best.index:
                    best = need
        if t.id in funded_types:
            weights[i] *= 0.5  # a second of the same is possible but less likely
        reasons.append(best)
    return weights, reasons


def draw_types(
    rng: np.random.Generator,
    types: Sequence[ProjectType],
    weights: np.ndarray,
    n: int,
    exclude: set[str],
) -> list[int]:
    idx = [i for i, t in enumerate(types) if t.id not in exclude]
    n = min(n, len(idx))
    if n <= 0:
        return []
    w = weights[idx]
    picks = rng.choice(len(idx), size=n, replace=False, p=w / w.sum())
    return [idx[int(p)] for p in picks]


def clout_costs(numbers: CardNumbers, population: float, rules: GameRules) -> tuple[int, int]:
    """(clout to fund, clout to reject): opposition makes funding dear, support rejecting."""
    pop = max(population, 1.0)
    opposed = min(1.0, sum(n * min(abs(s), 3.0) / 3.0 for _, n, s in numbers.detractors) / pop)
    support = min(1.0, sum(n * min(abs(s), 3.0) / 3.0 for _, n, s in numbers.supporters) / pop)
    fund = rules.clout_fund_base + int(math.floor(rules.clout_per_opposed_share * opposed + 0.5))
    reject = int(math.floor(rules.clout_reject_per_supported_share * support + 0.5))
    return fund, reject


def make_card(
    *,
    card_id: str,
    ptype: ProjectType,
    scale: float,
    numbers: CardNumbers,
    need: NeedReading | None,
    area_name: str,
    population: float,
    year: int,
    rules: GameRules,
    templates: dict[str, str],
    group_names: dict[str, str],
    area_code: str = "",
    scenario_name: str | None = None,
) -> ProposalCard:
    # params in ids and numbers (the area by code); its English name only renders `reason`
    params: dict[str, Any] = {"area_code": area_code}
    if scenario_name is not None:
        reason_key = "card.reason.scenario"
        params["scenario"] = scenario_name
    elif need is not None:
        reason_key = f"card.reason.{need.need}"
        params.update(value=fmt.pct(need.area_value), national=fmt.pct(need.national_value))
    else:
        reason_key = "card.reason.general"
    sized = scaled_project(ptype, scale)  # the one place scale multiplies a type's numbers
    title, title_key, title_params = describe(ptype, scale, templates)
    fund_clout, reject_clout = clout_costs(numbers, population, rules)

    def stance(rows: list[tuple[str, int, float]]) -> list[GroupStance]:
        return [
            GroupStance(
                group_id=g,
                name=group_names.get(g, g),
                size=n,
                strength=s,
            )
            for g, n, s in rows
        ]

    sup, det = stance(numbers.supporters), stance(numbers.detractors)
    return ProposalCard(
        id=card_id,
        type_id=ptype.id,
        category=ptype.category,
        title=title,
        title_key=title_key,
        title_params=title_params,
        blurb=ptype.blurb,
        scale=scale,
        cost=sized.capital_cost,
        running_cost=sized.running_cost,
        build_years=int(sized.build_years),
        gross_jobs=numbers.gross_jobs,
        gross_operational_jobs=numbers.gross_operational,
        construction_job_years=numbers.construction_job_years,
        net_jobs=numbers.net_jobs,
        net_jobs_wider=numbers.net_jobs_wider,
        cost_per_net_job=numbers.cost_per_net_job,
        # Nobody reaches more people than live here (small islands, big programmes).
        people_affected=min(numbers.people_affected, int(population)),
        supporters=[(s.group_id, s.name, s.size) for s in sup],
        detractors=[(s.group_id, s.name, s.size) for s in det],
        stances=sup + det,
        arrived_year=year,
        expires_year=year + max(0, rules.card_life_years - 1),
        clout_to_fund=fund_clout,
        clout_to_reject=reject_clout,
        need=need.need if need is not None else None,
        reason=fmt.render(templates, reason_key, {**params, "area": area_name}),
        reason_key=reason_key,
        reason_params=params,
    )
