"""Cards dealt on the real census world: sized to the area and the fund, titled with real
quantities, costed by the sim's own scaled project, and chosen by the seed."""

from __future__ import annotations

import pytest
from real_play import play

from game.census import load_world
from game.play import GameSession
from game.play.rules import load_rulebook


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_birmingham_can_spend_its_fund(world):
    """A big area's cards are big enough (and numerous enough) to use the fund."""
    s = play(world, "Birmingham", 10)
    spent = sum(p.cost for p in s.funded)
    assert spent >= 0.6 * s.fund * s.years


def test_cards_quote_real_quantities_and_reach_at_most_everyone(world):
    """Titles give real quantities: "New park (15 ha)", never "(x3)"; Scilly's cards
    never reach more people than live there."""
    big = GameSession.new(world, "Birmingham", seed=3)
    small = GameSession.new(world, "Isles of Scilly", seed=3)
    for s in (big, small):
        pop = s.headline().population
        for c in s.proposals:
            assert "(x" not in c.title
            assert c.people_affected <= pop
            assert "{" not in c.title
            if c.title_key == "card.title_scaled":
                p = c.title_params
                assert p["n"] in c.title and p["output_key"].startswith("card.output.")
    t = load_rulebook().news.templates
    from game.play.cards import describe, type_scale
    from game.scenarios import load_catalogue

    cat = load_catalogue()
    title, key, params = describe(cat.types["new_park"], 3.0, t)
    assert (title, key) == ("New town park (15 ha)", "card.title")
    # ids and numbers only: the client words it ("Parc tref newydd (15 ha)" in Welsh)
    assert params == {"type_id": "new_park", "scale": 3.0, "count": 0}
    assert describe(cat.types["business_park"], 11.5, t)[0] == "Business park (115,000 m2)"
    assert describe(cat.types["gigabit_broadband"], 2.0, t)[0] == (
        "Gigabit broadband for 10,000 premises"
    )
    title, key, params = describe(cat.types["sports_hub"], 2.0, t)
    assert (title, key) == ("2 playing fields and sports hubs (6 pitches)", "card.title_scaled")
    assert t[params["output_key"]].format(n=params["n"]) == "6 pitches" in title
    assert (params["count"], params["amount"]) == (2, 6.0)
    # the English output templates read exactly like the sim's quantity() for every output
    from game.scenarios.models import quantity

    for ptype in cat.types.values():
        for output in ptype.outputs:
            assert t[f"card.output.{output}"].format(n="12") == quantity(12.0, output), output
    # the card's cost is the sim's scaled project, not a second multiplication
    from game.sim.projects import scaled_project

    card = GameSession.new(world, "Birmingham", seed=3).proposals[0]
    sized = scaled_project(cat.types[card.type_id], card.scale)
    assert (card.cost, card.running_cost) == (sized.capital_cost, sized.running_cost)
    # counted outputs come whole: half a station is a whole one
    assert type_scale(cat.types["rail_station_new"], 0.5) == 1.0
    assert type_scale(cat.types["rail_station_new"], 11.5) == 12.0
    assert type_scale(cat.types["new_park"], 11.5) == 11.5


def test_cards_follow_the_fund(world):
    """A bigger fund (scenario budget or --fund) deals bigger cards in the same area."""
    base = GameSession.new(world, "Hartlepool", seed=5)
    rich = GameSession.new(world, "Hartlepool", seed=5, fund=base.fund * 4)
    assert {c.type_id for c in base.proposals} == {c.type_id for c in rich.proposals}
    by_type = {c.type_id: c for c in base.proposals}
    for c in rich.proposals:
        assert c.cost > by_type[c.type_id].cost


def test_seed_drives_cards_and_news_on_the_real_engine(world):
    """The engine is deterministic arithmetic; the seed is PLAY's cards and news."""

    def run(seed: int) -> tuple[list[str], list[str], str]:
        s = play(world, "Hartlepool", 3, seed=seed)
        cards = [c.type_id for c in s.proposals]
        return cards, [n.key for n in s.news_archive], s.to_save().checksums[3]

    assert run(11) == run(11)
    a, b = run(11), run(12)
    assert a[0] != b[0] or a[1] != b[1]
