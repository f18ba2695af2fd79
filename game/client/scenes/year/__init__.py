"""The year screen (scene) and its proposal cards (card drawing)."""

from game.client.scenes.year.card import CARD_H, CARD_TOP, CARD_W, CATEGORY_COLOURS
from game.client.scenes.year.scene import CARDS_PER_PAGE, YearScene

__all__ = ["CARDS_PER_PAGE", "CARD_H", "CARD_TOP", "CARD_W", "CATEGORY_COLOURS", "YearScene"]
