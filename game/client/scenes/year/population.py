"""Why year 1's population is not the census count the area picker showed.

The picker shows the Census 2021 count (21 March 2021); the game runs on ONS's mid-2021
estimate (30 June 2021), which ONS rolled forward from the census with the births, deaths
and moves of the months between (data/census/README.md, "How the model uses them"). The
engine does none of that itself: it starts from ONS's figure. A "?" on the Population tile
says so, for a finger, a mouse or the keyboard (no hover-only information at a stand).
"""

from __future__ import annotations

import pygame

from game.client import fmt
from game.client.dialogs import MessageDialog
from game.client.scene import Scene
from game.client.text import area_name

TILE = pygame.Rect(24, 74, 0, 88)  # the Population tile's left, top and height (its width
# comes from the scene)


def add_why_button(scene: Scene, tile_w: int) -> None:
    """The "?" in the Population tile's top right corner (a 36 px target: 54 px at 1080p)."""
    scene.button(
        (TILE.left + tile_w - 40, TILE.top + 4, 36, 36),
        "?",
        lambda: why_population(scene),
        cls="secondary",
        name="why_population",
        size="small",
    )


def why_population(scene: Scene) -> None:
    session = scene.ctx.session
    if session is None:
        return
    area = session.area
    body = scene.t(
        "year.population_why",
        area=area_name(scene.ctx, area),
        census=fmt.count(area.census_population),
        estimate=fmt.count(area.population_estimate),
    )
    scene.app.stack.push(MessageDialog(scene.app, scene.t("year.population_why_title"), body))
