"""Choosing the area to play: the scene and what its map measures."""

from game.client.scenes.area_choice.measures import (
    MAP_RECT,
    MEASURES,
    MODES,
    measure_value,
    population_of,
    quintile_ranges,
)
from game.client.scenes.area_choice.scene import AreaChoiceScene

__all__ = [
    "MAP_RECT",
    "MEASURES",
    "MODES",
    "AreaChoiceScene",
    "measure_value",
    "population_of",
    "quintile_ranges",
]
