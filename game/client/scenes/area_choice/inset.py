"""The London inset on the area choice map: the 33 boroughs enlarged (they are specks on
the national map) so one can be picked with a finger. It sits in the North Sea's empty top
right corner, clear of every other council's shape and of the ring that marks a chosen
council (Hartlepool and the North East coast included: tests check each marker)."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.mapview import MapView
from game.client.scene import Scene
from game.client.scenes.area_choice.column import floor_size
from game.client.scenes.area_choice.measures import LONDON_RECT, MAP_RECT
from game.model.area import AreaProfile

LABEL_LEFT = 836  # the label's room under the inset: the Yorkshire coast is left of this


def label_rect(scene: Scene) -> tuple[pygame.Rect, int]:
    """Where "London" goes (and its size): under the inset, right-aligned, no wider than
    the sea east of the Yorkshire coast, never under ~20 px at 1080p."""
    text = scene.t("area.london")
    floor = floor_size(scene)
    size = scene.fit_size(text, 15, LONDON_RECT.right + 4 - LABEL_LEFT, True, floor=floor)
    w, h = scene.fonts.size(text, size, True)
    return pygame.Rect(LONDON_RECT.right + 4 - w, LONDON_RECT.bottom + 6, w, h), size


def draw_london(
    scene: Scene,
    surface: pygame.Surface,
    london: MapView | None,
    sel: AreaProfile | None,
    hover: str | None,
) -> None:
    if london is None:
        return
    r = LONDON_RECT.inflate(8, 8)
    pygame.draw.rect(surface, palette.PAPER, r, border_radius=8)
    pygame.draw.rect(surface, palette.INK, r, 2, border_radius=8)
    london.draw(surface)
    members = (sel.members or (sel.code,)) if sel is not None else ()
    london.outline(surface, [c for c in members if c in london.screen], palette.VERMILION, 3)
    if hover and hover in london.screen:
        london.outline(surface, [hover], palette.INK, 3)
    where, size = label_rect(scene)
    text = scene.t("area.london")
    scene.text(surface, text, where.topright, size, palette.INK, True, "topright", box=MAP_RECT)
