"""Button labels too long for one line at the projector sizes (a search result such as
"North Yorkshire (council since 2023: 7 districts)", "Start in Kingston upon Hull, City of"):
pygame_gui cannot wrap a button's text and clips it, so such a button takes a theme class
that paints its own text unseen (assets.wrap_class) and the scene draws the label over it
in up to three lines. The button keeps its text, so tests, focus and the Welsh check read it.

Labels that fit one line at a button size keep pygame_gui's own drawing, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.client.assets import BUTTON_SIZES, SMALLEST_PX, label_colour, wrap_class
from game.client.scene import Scene

PAD = 10  # the label's margin inside the button, each side


def _name(button: pygame_gui.elements.UIButton) -> str | None:
    return next((o for o in button.object_ids if o and o.startswith("#")), None)


def is_wrapped(button: pygame_gui.elements.UIButton) -> bool:
    return any(c and c.endswith("_wrap") for c in button.class_ids)


Labelled = tuple[pygame_gui.elements.UIButton, str, str]  # button, colour class, start size


def fit_labels(scene: Scene, buttons: Iterable[Labelled]) -> None:
    """Before a frame: each label at the largest button size whose one line fits, or, when
    none does, the wrap class (its label then drawn by draw_labels)."""
    for b, colour, start in buttons:
        if not b.visible or not b.text:
            continue
        size = scene.fit_button_size(b.text, b.rect.width, start)
        if scene.fonts.size(b.text, BUTTON_SIZES[size], True)[0] <= b.rect.width - 14:
            cls = scene._fit_class(
                None if colour == "plain" else colour, b.text, b.rect.width, start
            )
        else:
            cls = wrap_class(colour)
        if cls not in b.class_ids:
            b.change_object_id(ObjectID(class_id=cls, object_id=_name(b)))


def _size(scene: Scene, text: str, rect: pygame.Rect, start: str) -> tuple[int, list[str]]:
    """The largest text size (not under ~20 px at 1080p) whose wrapped lines fit the button."""
    floor = SMALLEST_PX / scene.fonts.text_scale
    size = BUTTON_SIZES[start]
    while True:
        lines = scene.fonts.wrap(text, size, rect.width - 2 * PAD, True)
        fits = len(lines) * scene.fonts.line_height(size, True) <= rect.height - 4
        if fits or size - 1 < floor:
            return size, lines
        size -= 1


def draw_labels(scene: Scene, surface: pygame.Surface, buttons: Iterable[Labelled]) -> None:
    """The wrapped labels, centred in their buttons (after the widgets are drawn)."""
    theme = scene.ctx.theme
    for b, _, start in buttons:
        if not (b.visible and b.text and is_wrapped(b)):
            continue
        colour_class = next(c for c in b.class_ids if c and c.endswith("_wrap"))[1:-5]
        state = "normal" if b.is_enabled else "disabled"
        c = pygame.Color(label_colour(theme, colour_class, state))
        colour = (c.r, c.g, c.b)
        size, lines = _size(scene, b.text, b.rect, start)
        lh = scene.fonts.line_height(size, True)
        y = b.rect.centery - len(lines) * lh // 2
        with scene.within(b.rect):
            for line in lines:
                scene.text(surface, line, (b.rect.centerx, y), size, colour, True, "midtop")
                y += lh
