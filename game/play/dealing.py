"""Dealing proposal cards: which projects the area is offered each year (GameSession._deal).

Scenario proposals for the year come first; the rest are drawn weighted towards the area's
census needs, never a type already on the table or rejected within reject_cooldown_years.
"""

from __future__ import annotations

from typing import Any

from game.play.cards import card_scale, draw_types, make_card, type_scale, type_weights
from game.play.needs import NeedReading

# The session arrives as `s` (a game.play.session.GameSession), typed loosely: importing
# it here, even for type checking, would make an import cycle in the rules layer.
GameSession = Any


def deal(s: GameSession, n: int) -> list[str]:
    room = s.rules.hand_limit - len(s._cards)
    n = min(n, max(0, room))
    new_ids: list[str] = []
    year = s.year
    # Cards are sized to the money: the residents the growth fund pays for (equal to the
    # population for a fund sized per resident; a scenario budget or --fund moves it).
    per_resident = s.rules.fund_per_resident
    sized_for = s.fund / per_resident if per_resident > 0 else s._snapshots[-1].population
    scale = card_scale(sized_for, s.rules)
    # Scenario proposals for this year come first: real plans a growth body tabled.
    if s.scenario is not None:
        for planned in s.scenario.projects:
            if planned.year == year and len(s._cards) < s.rules.hand_limit:
                ptype = s.catalogue.types[planned.type]
                new_ids.append(add_card(s, ptype, planned.scale, None, s.scenario.name))
                n -= 1
    if n <= 0:
        return new_ids
    funded_types = {p.type_id for p in s.funded}
    weights, reasons = type_weights(s.types, s.needs, funded_types)
    on_table = {c.type_id for c in s._cards.values()}
    # a rejected project is not offered again straight away (reject_cooldown_years)
    cooldown = s.rules.reject_cooldown_years
    on_table |= {t for t, when in s._rejected.items() if year - when <= cooldown}
    for i in draw_types(s._rng_cards, s.types, weights, n, on_table):
        ptype = s.types[i]
        new_ids.append(add_card(s, ptype, type_scale(ptype, scale), reasons[i], None))
    return new_ids


def add_card(
    s: GameSession, ptype: Any, scale: float, need: NeedReading | None, scenario_name: str | None
) -> str:
    s._card_counter += 1
    card_id = f"c{s._card_counter:02d}"
    numbers = s.engine.appraise(ptype.id, scale)
    s._cards[card_id] = make_card(
        card_id=card_id,
        ptype=ptype,
        scale=scale,
        numbers=numbers,
        need=need,
        area_name=s.area.name,
        area_code=s.area.code,
        population=s._snapshots[-1].population,
        year=s.year,
        rules=s.rules,
        templates=s.templates,
        group_names=s.group_names,
        scenario_name=scenario_name,
    )
    s._dealt[card_id] = s._cards[card_id]
    return card_id
