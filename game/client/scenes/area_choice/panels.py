"""The area choice's side panels: the map legend (with the map's credit) and the selected
area. Functions of the scene, apart from it to keep scene.py small."""

from __future__ import annotations

import pygame

from game.client import fmt, palette
from game.client.dialogs import panel
from game.client.scene import H, Scene, W
from game.client.scenes.area_choice.measures import (
    MAP_RECT,
    measure_text,
    population_of,
    quintile_ranges,
)
from game.client.scenes.area_choice.search import touch_words
from game.model.area import AreaProfile

SELECTION = pygame.Rect(24, 518, 420, 122)


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
    scene.paragraph(
        surface,
        # "tap" at a stand or once a finger was used; a pointer's words otherwise
        scene.t("area.map_hint_touch" if touch_words(scene) else "area.map_hint"),
        pygame.Rect(x, legend_bottom + 8, w, 0),
        17,
        palette.MUTED,
    )
    scene._boxes.pop()
    # the credit sits bottom right of the map, clear of the Isles of Scilly (bottom left)
    credit = scene.t("area.map_source")
    # bottom right, clear of Cornwall's tip and the Isles of Scilly (bottom left)
    lines = scene.fonts.wrap(credit, 13, MAP_RECT.width - 140)
    y = MAP_RECT.bottom - 6
    for line in reversed(lines[:2]):  # one line, or two in Welsh / big text
        r = scene.text(
            surface,
            line,
            (MAP_RECT.right - 8, y),
            13,
            palette.MUTED,
            anchor="bottomright",
            max_width=MAP_RECT.width - 140,
            box=MAP_RECT,
        )
        y = r.top + 2


def draw_no_selection(scene: Scene, surface: pygame.Surface) -> None:
    """The selection panel before an area is chosen."""
    r = SELECTION
    panel(surface, r)
    scene._boxes.append(r)
    scene.paragraph(
        surface,
        scene.t("area.none_selected"),
        pygame.Rect(r.left + 14, r.top + 12, r.width - 28, 0),
        18,
        palette.MUTED,
    )
    scene._boxes.pop()


def draw_selection(
    scene: Scene, surface: pygame.Surface, sel: AreaProfile, name: str, note: str | None = None
) -> None:
    """The chosen area: its name, size and kind (or, found by a town's or a 2023 council's
    name, what that name is), and its Census 2021 count."""
    r = SELECTION
    panel(surface, r)
    scene._boxes.append(r)
    f = scene.fonts
    kind = scene.t(f"area.kind.{sel.kind}") if scene.t.has(f"area.kind.{sel.kind}") else ""
    line = note or scene.t(
        "area.selected_line", population=fmt.count(population_of(sel)), kind=kind
    )
    census = scene.t("area.census_count", count=fmt.count(sel.census_population))
    # every line gets its room: the description steps down a size, then the panel grows
    # upwards (up to the buttons above it) so the census line never sits on the border
    fixed = 8 + f.line_height(22, True) + 2 + f.line_height(16) + 6
    size = 18
    while (
        size > 16
        and fixed + scene.wrapped_lines(line, size, r.width - 28) * f.line_height(size) > r.height
    ):
        size -= 1
    need = fixed + min(2, scene.wrapped_lines(line, size, r.width - 28)) * f.line_height(size)
    if need > r.height:
        scene._boxes.pop()
        r = pygame.Rect(r.left, max(512, r.bottom - need), r.width, min(need, r.bottom - 512))
        pygame.draw.rect(surface, palette.PAPER, r.inflate(6, 6))
        panel(surface, r)
        scene._boxes.append(r)
    y = r.top + 8
    scene.text(
        surface,
        name,
        (r.left + 14, y),
        22,
        palette.INK,
        True,
        max_width=r.width - 28,
    )
    y += f.line_height(22, True)
    y = scene.paragraph(
        surface,
        line,
        pygame.Rect(r.left + 14, y, r.width - 28, 0),
        size,
        palette.INK,
        max_lines=2,
    )
    scene.text(
        surface,
        census,
        (r.left + 14, min(y + 2, r.bottom - 6 - f.line_height(16))),
        16,
        palette.MUTED,
        max_width=r.width - 28,
    )
    scene._boxes.pop()
