"""A layout checker: does every piece of text on a screen stay in its box?

Scenes record where each drawn string landed (Scene.text_boxes) and the box it belongs
to (Scene.within). The checker is used by the tests at the biggest text size and can be run
by hand on any frame; it returns readable problems rather than asserting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.client.scene import Scene, TextBox

SLACK = 2  # pixels of anti-aliasing overhang we do not count


def _ink(rect: pygame.Rect) -> pygame.Rect:
    """The part of a rendered line that actually carries ink: the surface is a full line
    tall (with room for accents and descenders), so neighbouring rows touch without
    overprinting. Keep the middle 60 %."""
    cut = int(rect.height * 0.2)
    return pygame.Rect(rect.left + SLACK, rect.top + cut, max(1, rect.width - 2 * SLACK),
                       max(1, rect.height - 2 * cut))  # fmt: skip


def _outside(inner: pygame.Rect, outer: pygame.Rect) -> bool:
    return not outer.inflate(2 * SLACK, 2 * SLACK).contains(inner)


def problems(scene: Scene, allow_cut: bool = False) -> list[str]:
    """Text outside its box, text over text, text under a button, text cut with "…"."""
    from game.client.scene import SCREEN

    out: list[str] = []
    boxes: list[TextBox] = [b for b in scene.text_boxes if b.text.strip() and b.rect.width > 0]
    for b in boxes:
        if _outside(b.rect, SCREEN):
            out.append(f"off screen: {b.text!r} at {tuple(b.rect)}")
        elif _outside(b.rect, b.box):
            out.append(f"outside its box {tuple(b.box)}: {b.text!r} at {tuple(b.rect)}")
        if b.cut and not allow_cut:
            out.append(f"cut short: {b.text!r}")
    inks = [_ink(b.rect) for b in boxes]
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
