"""Short real games (the rules layer, headless, the real engine) for the room tests."""

from __future__ import annotations

from game.play import Consult, Fund, GameSession, Reject


def play_short_game(world, seed: int, years: int = 2) -> GameSession:
    """Year 1: fund the cheapest card, reject the next, consult older people on the third;
    then end every year until the final census."""
    s = GameSession.new(world, "Hartlepool", seed=seed, years=years)
    cards = sorted(s.proposals, key=lambda c: (c.cost, c.id))
    assert s.act(Fund(card_id=cards[0].id)).ok
    assert s.act(Reject(card_id=cards[1].id)).ok
    assert s.act(Consult(card_id=cards[2].id, group_id="older_people")).ok
    while not s.finished:
        s.advance_year()
    return s
