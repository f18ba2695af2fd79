"""How to play, panel 1 ("Your goal"), under its words: the player's own area drawn from
the map among its neighbours, its Census 2021 count, and the ten years to the Census 2031
as a line of dots. It takes whatever room the words leave (most of the panel at 100%, a
strip at 200%), so the panel never looks half finished."""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.client import fmt, palette
from game.client.assets import SMALLEST_PX
from game.client.mapview import MapView, neighbours_of, polygons_of
from game.client.scene import Scene
from game.client.text import area_name

MIN_H = 70  # below this there is no room for the picture: the words have the panel
READABLE = 14  # the picture's words beside the map no smaller than this (design px at 100%)


def _map(scene: Scene, code: str, size: tuple[int, int]) -> MapView:
    """The area (blue) among its neighbours (grey), built once per area and size."""
    key = ("howto_map", code, size)
    cache = scene.ctx.cache
    if key not in cache:
        codes = [code, *neighbours_of(scene.ctx.mapdata).get(code, [])]
        view = MapView(polygons_of(scene.ctx.mapdata), pygame.Rect((0, 0), size), codes=codes)
        view.render({c: palette.BLUE if c == code else palette.RULE for c in codes})
        cache[key] = view
    return cache[key]


def draw_goal_picture(scene: Scene, surface: pygame.Surface, room: pygame.Rect) -> None:
    """The picture in `room`: the area's map, its census count, the ten years and the
    verdict's line; where the words leave too little room (200%) just the ten years, as
    large as the room allows; nothing without a game or room."""
    s = scene.ctx.session
    if s is None or room.height < MIN_H or not scene.ctx.map_ready:
        return
    side = min(room.height, 320)
    right = pygame.Rect(room.left + side + 28, room.top, room.width - side - 28, room.height)
    now = scene.t(
        "howto.goal.now",
        area=area_name(scene.ctx, s.area),
        people=fmt.count(s.area.census_population),
    )
    lines = [(now, True, palette.INK), (scene.t("howto.goal.then"), False, palette.MUTED)]
    size = _fit(scene, lines, right)
    if size < READABLE:  # no room for words beside a map: the years on their own
        size = _fit(scene, [], room, start=18)
        _years(scene, surface, room, s, [], size)
        return
    square = pygame.Rect(room.left, room.top + (room.height - side) // 2, side, side)
    surface.blit(_map(scene, s.area.code, square.size).image, square.topleft)
    _years(scene, surface, right, s, lines, size)


def _height(scene: Scene, lines: list, size: int, width: int) -> int:
    """The words, the row of dots and the years under it."""
    f = scene.fonts
    words = sum(
        scene.wrapped_lines(x, size, width, bold) * f.line_height(size) for x, bold, _ in lines
    )
    return words + 12 * len(lines) + 24 + f.line_height(size, True)


def _fit(scene: Scene, lines: list, r: pygame.Rect, start: int = 20) -> int:
    floor = math.ceil(SMALLEST_PX / scene.fonts.text_scale)
    size = start
    while size > floor and _height(scene, lines, size, r.width) > r.height:
        size -= 1
    return size


def _years(
    scene: Scene, surface: pygame.Surface, r: pygame.Rect, s, lines: list, size: int
) -> None:
    """The first line, the ten years as dots (the first filled: you start here; the
    census at each end), the years, then the other lines; centred in `r`."""
    y = r.top + max(0, (r.height - _height(scene, lines, size, r.width)) // 2)
    with scene.within(r):
        for i, (text, bold, colour) in enumerate(lines):
            if i == 1:
                y = _dots(scene, surface, r, s, y, size) + 8
            y = scene.paragraph(
                surface, text, pygame.Rect(r.left, y, r.width, 0), size, colour, bold
            )
            y += 4
        if not lines:
            _dots(scene, surface, r, s, y, size)


def _dots(scene: Scene, surface: pygame.Surface, r: pygame.Rect, s: Any, y: int, size: int) -> int:
    first, years = s.year - s.turn, s.years
    x0, x1 = r.left + 12, r.right - 12
    cy = y + 12
    pygame.draw.line(surface, palette.RULE, (x0, cy), (x1, cy), 4)
    for i in range(years + 1):
        x = x0 + (x1 - x0) * i // years
        end = i in (0, years)
        colour = palette.HEADER if i == 0 else (palette.ORANGE if end else palette.CARD)
        pygame.draw.circle(surface, colour, (x, cy), 10 if end else 6)
        pygame.draw.circle(surface, palette.HEADER, (x, cy), 10 if end else 6, 2)
    y = cy + 14
    scene.text(surface, str(first), (x0 - 12, y), size, palette.HEADER, True)
    scene.text(surface, str(first + years), (x1 + 12, y), size, palette.HEADER, True, "topright")
    return y + scene.fonts.line_height(size, True)
