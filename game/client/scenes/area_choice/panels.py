"""The area choice's side panels: the map legend (with the map's credit) and the selected
area. Functions of the scene, apart from it to keep scene.py small."""

from __future__ import annotations

import pygame

from game.client import fmt, palette
from game.client.dialogs import panel
from game.client.scene import H, Scene, W
from game.client.scenes.area_choice.column import column, floor_size
from game.client.scenes.area_choice.measures import (
    MAP_RECT,
    measure_text,
    population_of,
    quintile_ranges,
)
from game.client.scenes.area_choice.search import touch_words
from game.model.area import AreaProfile


def draw_legend(
    scene: Scene, surface: pygame.Surface, measure: str, values: dict[str, float]
) -> None:
    """The map's five shades with their ranges, the map hint and the map's credit."""
    x, y, w = 980, 140, W - 980 - 16
    scene._boxes.append(pygame.Rect(x - 4, y - 4, w + 8, H - y))
    y = (
        scene.paragraph(surface, scene.t("area.legend"), pygame.Rect(x, y, w, 0), 17, palette.MUTED)
        + 6
    )
    row = max(34, scene.fonts.line_height(16) + 8)
    for i, (lo, hi) in enumerate(quintile_ranges(values)):
        col = palette.RAMP[i]
        pygame.draw.rect(surface, col, (x, y + i * row, 40, row - 6))
        pygame.draw.rect(surface, palette.INK, (x, y + i * row, 40, row - 6), 1)
        label = f"{measure_text(measure, lo)} – {measure_text(measure, hi)}"
        scene.text(
            surface,
            label,
            (x + 50, y + i * row + (row - 6) // 2),
            16,
            palette.INK,
            anchor="midleft",
            max_width=w - 50,
        )
    legend_bottom = y + len(palette.RAMP) * row
    # "tap" at a stand or once a finger was used; a pointer's words otherwise
    hint = scene.t("area.map_hint_touch" if touch_words(scene) else "area.map_hint")
    room = pygame.Rect(x, legend_bottom + 8, w, H - 8 - legend_bottom - 8)
    scene.paragraph(surface, hint, room, scene.paragraph_size(hint, 17, room), palette.MUTED)
    scene._boxes.pop()
    draw_credit(scene, surface)


def draw_credit(scene: Scene, surface: pygame.Surface) -> None:
    """The map's licence line, always whole (OS's terms): bottom right of the map, clear of
    Cornwall's tip and the Isles of Scilly (bottom left); it wraps to two lines and shrinks
    (never under ~20 px at 1080p) rather than lose a word."""
    credit = scene.t("area.map_source")
    width = MAP_RECT.width - 140
    size = 13
    while size > floor_size(scene) and len(scene.fonts.wrap(credit, size, width)) > 2:
        size -= 1
    lines = scene.fonts.wrap(credit, size, width)
    y = MAP_RECT.bottom - 6
    for line in reversed(lines):
        r = scene.text(
            surface,
            line,
            (MAP_RECT.right - 8, y),
            size,
            palette.MUTED,
            anchor="bottomright",
            box=MAP_RECT,
        )
        y = r.top + 2


def draw_no_selection(scene: Scene, surface: pygame.Surface) -> None:
    """The selection panel before an area is chosen."""
    r = column(scene.fonts.text_scale).selection
    panel(surface, r)
    scene._boxes.append(r)
    words = scene.t("area.none_selected")
    room = pygame.Rect(r.left + 14, r.top + 12, r.width - 28, r.height - 20)
    scene.paragraph(surface, words, room, scene.paragraph_size(words, 18, room), palette.MUTED)
    scene._boxes.pop()


def draw_selection(
    scene: Scene, surface: pygame.Surface, sel: AreaProfile, name: str, note: str | None = None
) -> None:
    """The chosen area: its name, size and kind (or, found by a town's or a 2023 council's
    name, what that name is), and its Census 2021 count. Every line is shown whole: the
    three step down together (never under ~20 px at 1080p), then the panel grows upwards
    as far as the buttons above it."""
    col = column(scene.fonts.text_scale)
    kind = scene.t(f"area.kind.{sel.kind}") if scene.t.has(f"area.kind.{sel.kind}") else ""
    line = note or scene.t(
        "area.selected_line", population=fmt.count(population_of(sel)), kind=kind
    )
    census = scene.t("area.census_count", count=fmt.count(sel.census_population))
    parts = [(name, 22, True, palette.INK), (line, 18, False, palette.INK)]
    parts.append((census, 16, False, palette.MUTED))
    r, width = col.selection, col.selection.width - 28
    floor = floor_size(scene)

    def sized(k: float) -> list[tuple[str, int, bool, tuple[int, int, int]]]:
        return [(text, max(floor, round(size * k)), bold, c) for text, size, bold, c in parts]

    def height(k: float) -> int:
        f = scene.fonts
        return 16 + sum(
            scene.wrapped_lines(text, size, width, bold) * f.line_height(size, bold)
            for text, size, bold, _ in sized(k)
        )

    k = 1.0
    while k > 0.5 and height(k) > r.bottom - col.top:
        k -= 0.05
    if height(k) > r.height:
        r = pygame.Rect(r.left, max(col.top, r.bottom - height(k)), r.width, 0)
        r.height = col.selection.bottom - r.top
        pygame.draw.rect(surface, palette.PAPER, r.inflate(6, 6))
    panel(surface, r)
    y = r.top + 8
    with scene.within(r):
        for text, size, bold, colour in sized(k):
            y = scene.paragraph(
                surface, text, pygame.Rect(r.left + 14, y, width, 0), size, colour, bold
            )
