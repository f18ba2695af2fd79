"""The area choice's left column at each text size: how many search results show, how
tall each is, and where the buttons and the selected area's panel go. At 100% and 130%
five one-line results; at the projector sizes (160%, 200%) three taller ones whose long
labels wrap (game/client/wrapped.py), so the selection panel below has the room to show
its lines whole. Layout only: what the search finds is the scene's business."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.client.assets import SMALLEST_PX
from game.client.scene import Scene

LEFT, WIDTH = 24, 420
RESULTS_TOP = 202


@dataclass(frozen=True)
class Column:
    rows: int  # result buttons shown
    row_h: int
    step: int  # from one result's top to the next
    actions_y: int  # "Surprise me" and "Back"
    selection: pygame.Rect  # the chosen area's panel (it may grow up to `top`)
    tabs_h: int = 48  # the mode tabs: two lines fit at the projector sizes

    def result(self, i: int) -> pygame.Rect:
        return pygame.Rect(LEFT, RESULTS_TOP + i * self.step, WIDTH, self.row_h)

    @property
    def hint(self) -> pygame.Rect:
        """Where the results go: the typing hint shows there before a search."""
        bottom = RESULTS_TOP + self.rows * self.step - 6
        return pygame.Rect(LEFT + 6, RESULTS_TOP + 12, WIDTH - 20, bottom - RESULTS_TOP - 12)

    @property
    def top(self) -> int:
        """How far up the selection panel may grow: just below the buttons."""
        return self.actions_y + 54


def column(text_scale: float) -> Column:
    if text_scale <= 1.3:
        return Column(5, 44, 50, 458, pygame.Rect(LEFT, 518, WIDTH, 122))
    rows, step = 3, 66
    actions = RESULTS_TOP + rows * step + 2
    selection = pygame.Rect(LEFT, actions + 62, WIDTH, 640 - actions - 62)
    return Column(rows, step - 6, step, actions, selection, tabs_h=56)


def floor_size(scene: Scene) -> int:
    """The smallest text size that still shows as ~20 px at 1080p at this text scale."""
    return math.ceil(SMALLEST_PX / scene.fonts.text_scale)
