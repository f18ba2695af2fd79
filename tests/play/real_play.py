"""Playing the real census world and engine as a sensible player would (shared by the
real-world PLAY tests)."""

from __future__ import annotations

from game.play import Fund, GameSession


def fund_best_value(s: GameSession) -> None:
    """A sensible player: fund what the money allows, cheapest net job first."""
    for c in sorted(s.proposals, key=lambda c: c.cost_per_net_job or float("inf")):
        if s.check(Fund(card_id=c.id)).ok:
            assert s.act(Fund(card_id=c.id)).ok


def play(world, area: str, years: int, seed: int = 7) -> GameSession:
    s = GameSession.new(world, area, seed=seed)
    for _ in range(years):
        fund_best_value(s)
        s.advance_year()
    return s
