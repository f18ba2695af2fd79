"""Big areas get more facilities, not giant ones; the last year's fund is not paid."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play import GameSession
from game.play.cards import card_scale, describe, type_scale
from game.play.rules import load_rulebook
from game.scenarios import load_catalogue

HALF_STEPS = [k / 2 for k in range(1, 41)]  # every card scale the rules can give (0.5..20)


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_discrete_types_come_in_whole_units_and_titles_never_say_times():
    cat = load_catalogue()
    templates = load_rulebook().news.templates
    for ptype in cat.types.values():
        for scale in HALF_STEPS:
            sized = type_scale(ptype, scale)
            title, key, params = describe(ptype, sized, templates)
            assert "(x" not in title, (ptype.id, scale)
            assert set(params) >= {"type_id", "scale", "count"} and "name" not in params
            if ptype.discrete and scale >= 1:
                assert sized == int(sized) and abs(sized - scale) <= 0.5, (ptype.id, scale)
                if sized >= 2:
                    assert title.startswith(f"{int(sized)} "), title
                    assert params["count"] == int(sized), (ptype.id, scale)


def test_secondary_schools_in_birmingham_are_a_count_of_schools():
    cat = load_catalogue()
    rules = load_rulebook().rules
    school = cat.types["secondary_school_new"]
    scale = type_scale(school, card_scale(1_144_900, rules))  # Birmingham: 11.5 -> 12 schools
    assert scale == 12.0
    title, key, params = describe(school, scale, load_rulebook().news.templates)
    assert (title, key) == ("12 new secondary schools (10,800 places)", "card.title")
    assert params == {"type_id": "secondary_school_new", "scale": 12.0, "count": 12}
    # a name without a number: the count plus the translated quantity
    title, key, params = describe(
        cat.types["health_centre"], 3.0, {"card.title_scaled": "{name} ({quantity})"}
    )
    assert (title, key) == (
        "3 community health centres (36,000 patient places)",
        "card.title_scaled",
    )
    assert params["count"] == 3
    assert (params["output_key"], params["n"]) == ("card.output.gp_patient_capacity", "36,000")
    # divisible types still scale the quantity; half a step is fine for hectares
    assert type_scale(cat.types["new_park"], 11.5) == 11.5
    assert cat.types["housing_infrastructure"].describe(11.5) == (
        "Enabling roads and utilities for 5,750 homes"
    )


def test_birmingham_cards_buy_whole_facilities(world):
    s = GameSession.new(world, "Birmingham", seed=3)
    seen = list(s.proposals)
    for _ in range(4):  # unfunded cards lapse, so new ones keep arriving
        s.advance_year()
        seen += s.proposals
    assert len({c.type_id for c in seen}) >= 8
    discrete = [c for c in seen if s.catalogue.types[c.type_id].discrete]
    assert discrete, "Birmingham should be offered some schools, centres or stations"
    for c in seen:
        assert "(x" not in c.title
        if s.catalogue.types[c.type_id].discrete:
            assert c.scale == int(c.scale) >= 2, (c.title, c.scale)
            assert c.title.startswith(f"{int(c.scale)} "), c.title
            ptype = s.catalogue.types[c.type_id]
            assert c.cost == pytest.approx(ptype.capital_cost * c.scale)


def test_the_final_year_pays_no_fund(toy_session):
    s = toy_session
    for _ in range(s.years - 1):
        y = s.advance_year()
        assert y.income == s.fund
    before = s.money
    last = s.advance_year()
    assert s.finished and last.report_due == "final"
    assert last.income == 0.0
    assert s.money == pytest.approx(max(0.0, before - last.upkeep))
    # over the game: the opening balance plus one fund for every year followed by a decision
    paid = sum(y.income for y in s.summaries)
    assert paid == pytest.approx(s.fund * (s.years - 1))
