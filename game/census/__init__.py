"""Census loaders: validated extracts in data/census -> game.model objects. No pygame."""

from game.census.loader import clear_cache, load_world
from game.census.mapfile import load_map

__all__ = ["clear_cache", "load_map", "load_world"]
