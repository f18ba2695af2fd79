"""Display formatting for the client: the game's one rounding rule lives in game.play.fmt."""

from game.play.fmt import count, money, pct, points, signed

__all__ = ["count", "money", "pct", "points", "signed"]
