"""Proposal cards follow the area's census needs; clout and money arithmetic by hand."""

from __future__ import annotations

from collections import Counter

import numpy as np
from play_fakes import fake_factory

from game.play import GameSession
from game.play.cards import card_scale, clout_costs, type_weights
from game.play.engine_port import CardNumbers
from game.play.needs import NeedReading
from game.play.rules import load_rulebook
from game.play.session import yearly_fund

RULES = load_rulebook().rules


def test_yearly_fund_sized_to_area():
    # 92,571 residents x £80 = £7,405,680 -> rounded to £7.4m
    assert yearly_fund(92_571, RULES, None, 10) == 7_400_000
    # tiny area gets the floor
    assert yearly_fund(2_000, RULES, None, 10) == RULES.fund_min
    # a scenario budget is spread over the game
    assert yearly_fund(92_571, RULES, 50_000_000, 10) == 5_000_000


def test_card_scale_steps():
    assert card_scale(92_571, RULES) == 1.0
    assert card_scale(30_000, RULES) == 0.5
    assert card_scale(1_140_000, RULES) == 11.5
    assert card_scale(9_000_000, RULES) == 20.0


def test_clout_costs_by_hand():
    # detractors: 20,000 people at strength -1.5 (half of max 3) -> opposed share
    # 10,000 / 100,000 = 0.1 -> 1 + round(20 * 0.1) = 3
    # supporters: 30,000 at +3 -> support share 0.3 -> round(10 * 0.3) = 3
    n = CardNumbers(12, 10, 5, 6, 7, 1000.0, 100, [("a", 30_000, 3.0)], [("b", 20_000, -1.5)])
    assert clout_costs(n, 100_000, RULES) == (3, 3)
    quiet = CardNumbers(12, 10, 5, 6, 7, 1000.0, 100, [], [])
    assert clout_costs(quiet, 100_000, RULES) == (RULES.clout_fund_base, 0)


class _T:
    def __init__(self, id, category):
        self.id, self.category = id, category


def test_needs_weight_categories_and_record_reason():
    types = [_T("clinic", "health"), _T("school", "education"), _T("park", "green_space")]
    old = NeedReading(
        need="older_people",
        area_value=0.3,
        national_value=0.19,
        index=1.6,
        triggered=True,
        weight=3,
        categories=("health",),
    )
    kids = NeedReading(
        need="young_children",
        area_value=0.1,
        national_value=0.12,
        index=0.8,
        triggered=False,
        weight=3,
        categories=("education",),
    )
    w, reasons = type_weights(types, [old, kids], funded_types=set())
    assert w.tolist() == [4.0, 1.0, 1.0]
    assert reasons[0] is old and reasons[1] is None and reasons[2] is None
    w2, _ = type_weights(types, [old, kids], funded_types={"clinic"})
    assert w2[0] == 2.0


def test_old_area_gets_more_health_cards_than_young_area(toy_world, toy_catalogue):
    """Oldtown (many over-65s) is dealt health cards far more often than Youngtown."""
    counts: dict[str, Counter] = {"Oldtown": Counter(), "Youngtown": Counter()}
    for area in counts:
        for seed in range(40):
            s = GameSession.new(
                toy_world, area, seed=seed, catalogue=toy_catalogue, engine_factory=fake_factory
            )
            counts[area].update(c.category for c in s.proposals)
    assert counts["Oldtown"]["health"] > 1.5 * counts["Youngtown"]["health"]


def test_health_card_records_its_census_reason(toy_world, toy_catalogue):
    for seed in range(20):
        s = GameSession.new(
            toy_world, "Oldtown", seed=seed, catalogue=toy_catalogue, engine_factory=fake_factory
        )
        health = [c for c in s.proposals if c.category == "health"]
        if health:
            card = health[0]
            assert card.need == "older_people"
            assert card.reason_key == "card.reason.older_people"
            assert "65 or over" in card.reason and "Oldtown" in card.reason
            assert card.reason_params["value"].endswith("%")
            return
    raise AssertionError("no health card in 20 seeds")


def test_card_fields_are_filled(toy_session):
    card = toy_session.proposals[0]
    assert card.cost > 0 and card.gross_jobs > 0 and card.net_jobs > 0
    assert card.expires_year == 2022  # arrives 2021, lives two years
    assert all(len(t) == 3 for t in card.supporters + card.detractors)
    names = {g for g, _, _ in card.supporters}
    assert "young_families" in names
    gid, name, size = card.supporters[0]
    assert name == "Young families" and size == toy_session.area.groups[gid]


def test_same_seed_same_cards_different_seed_differs(toy_world, toy_catalogue):
    def titles(seed):
        s = GameSession.new(
            toy_world, "Midtown", seed=seed, catalogue=toy_catalogue, engine_factory=fake_factory
        )
        return [c.type_id for c in s.proposals]

    assert titles(5) == titles(5)
    assert any(titles(5) != titles(k) for k in range(6, 12))


def test_draw_never_repeats_a_type_on_the_table(toy_session):
    rng = np.random.default_rng(0)
    from game.play.cards import draw_types

    ids = draw_types(rng, toy_session.types, np.ones(len(toy_session.types)), 50, set())
    assert len(ids) == len(set(ids)) == len(toy_session.types)
