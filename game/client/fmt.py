"""Display formatting for the client: the game's one rounding rule lives in game.play.fmt."""

from game.play.fmt import adds_up_as_shown, count, money, pct, points, signed

__all__ = ["adds_up_as_shown", "count", "money", "pct", "points", "signed"]
