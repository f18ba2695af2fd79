"""A layout checker: does every piece of text on a screen stay in its box?

Scenes record where each drawn string landed (Scene.text_boxes) and the box it belongs
to (Scene.within). The checker is used by the tests at the biggest text size and can be run
by hand on any frame; it returns readable problems rather than asserting.
"""

from __future__ import annotations

import pygame

from game.client.assets import BUTTON_SIZES, Fonts
from game.client.scene import SCREEN, Scene, TextBox

LABEL_ROOM = 6  # a button's border (2 px each side) and a pixel of air: pygame_gui clips past it
SLACK = 2  # pixels of anti-aliasing overhang we do not count
GAP = 0  # clear paper required between the ink of two lines (0: they may touch, not overprint)


def _ink(box: TextBox, fonts: Fonts | None = None) -> pygame.Rect:
    """The part of a rendered line that actually carries ink: the surface is a full line
    tall (with room for accents and descenders), so neighbouring rows touch without
    overprinting. With the size it was drawn at, the glyphs' own extents say exactly where
    the ink is (a descender over the next heading counts); without, keep the middle 60 %."""
    rect = box.rect
    if fonts is not None and box.size:
        font = fonts.font(box.size, box.bold)
        metrics = [m for m in font.metrics(box.text) or [] if m is not None]
        if metrics:
            # leading spaces carry no ink (a line that runs on after a heading)
            lead = len(box.text) - len(box.text.lstrip(" \u00a0"))
            left = rect.left + font.size(box.text[:lead])[0] if lead else rect.left
            rect = pygame.Rect(left, rect.top, rect.right - left, rect.height)
            top = rect.top + font.get_ascent() - max(m[3] for m in metrics)
            bottom = rect.top + font.get_ascent() - min(m[2] for m in metrics)
            # lines closer than GAP pixels of clear paper read as one jumble: count each
            # line's ink as reaching half that gap further
            pad = GAP // 2
            return pygame.Rect(
                rect.left + SLACK, top - pad, max(1, rect.width - 2 * SLACK), bottom - top + 2 * pad
            )
    cut = int(rect.height * 0.2)
    return pygame.Rect(
        rect.left + SLACK,
        rect.top + cut,
        max(1, rect.width - 2 * SLACK),
        max(1, rect.height - 2 * cut),
    )


def _outside(inner: pygame.Rect, outer: pygame.Rect) -> bool:
    return not outer.inflate(2 * SLACK, 2 * SLACK).contains(inner)


def label_size(button: object) -> int | None:
    """The text size (design pixels at 100%) a button's theme class draws its label at."""
    classes = " ".join(c for c in getattr(button, "class_ids", None) or () if c)
    return next((px for name, px in BUTTON_SIZES.items() if classes.endswith(f"_{name}")), None)


def cut_labels(scene: Scene) -> list[str]:
    """Button labels wider than their button: pygame_gui clips them without an ellipsis
    ("Census summa"), so only measuring the label finds them."""
    out = []
    for b in scene.buttons():
        text, size = getattr(b, "text", ""), label_size(b)
        if not b.visible or not text or size is None:
            continue
        width = scene.fonts.size(text, size, bold=True)[0]
        if width > b.rect.width - LABEL_ROOM:
            out.append(f"label cut in its button {tuple(b.rect)}: {text!r} needs {width} px")
    return out


def problems(scene: Scene, allow_cut: bool = False) -> list[str]:
    """Text outside its box, text over text, text under a button, text cut with "…", a
    button's label wider than the button."""
    out: list[str] = cut_labels(scene)
    boxes: list[TextBox] = [b for b in scene.text_boxes if b.text.strip() and b.rect.width > 0]
    for b in boxes:
        if _outside(b.rect, SCREEN):
            out.append(f"off screen: {b.text!r} at {tuple(b.rect)}")
        elif _outside(b.rect, b.box):
            out.append(f"outside its box {tuple(b.box)}: {b.text!r} at {tuple(b.rect)}")
        if b.cut and not allow_cut:
            out.append(f"cut short: {b.text!r}")
    fonts = scene.fonts
    inks = [_ink(b, fonts) for b in boxes]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if inks[i].colliderect(inks[j]):
                out.append(f"overlap: {boxes[i].text!r} and {boxes[j].text!r}")
    buttons = [b.rect for b in scene.buttons() if b.visible]
    for b, ink in zip(boxes, inks, strict=True):
        for r in buttons:
            if ink.colliderect(r) and not r.contains(b.rect):
                out.append(f"under a button {tuple(r)}: {b.text!r}")
                break
    return out
