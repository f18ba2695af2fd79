"""The class game's countdown (issue 12): minutes and seconds left in the round, on the year
screen and in the lobby, big enough to read at the projector text sizes. It says when the
teacher has paused the clock, and turns urgent (vermilion, and it says so: colour is never
the only sign) for the last half minute."""

from __future__ import annotations

import math

import pygame

from game.client import palette
from game.client.scene import Scene

URGENT = 30.0
PAUSED_FILL = (226, 232, 238)


def clock_text(seconds: float) -> str:
    """Minutes and seconds left, rounded up (0:00 only when time is really up)."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"


def banner_words(scene: Scene, phase: str, remaining: float) -> tuple[str, str]:
    """The clock's text and the line beside it."""
    if phase == "lost":  # no answer from the hub: its clock is not known here
        return "–:––", scene.t("class.clock.lost")
    if phase == "paused":
        return clock_text(remaining), scene.t("class.clock.paused")
    if phase != "playing":
        return clock_text(0), scene.t("class.clock.up")
    if remaining <= URGENT:
        return clock_text(remaining), scene.t("class.clock.hurry")
    return clock_text(remaining), scene.t("class.clock.left")


def draw_countdown(
    scene: Scene, surface: pygame.Surface, rect: pygame.Rect, phase: str, remaining: float
) -> None:
    """The banner in `rect`: the time on the left, what it means beside it."""
    urgent = phase == "playing" and remaining <= URGENT
    fill, ink = palette.HEADER, palette.HEADER_TEXT
    if phase in ("paused", "lost"):
        fill, ink = PAUSED_FILL, palette.INK
    elif urgent:
        fill = palette.BAD
    elif phase != "playing":
        fill = palette.MUTED
    pygame.draw.rect(surface, fill, rect, border_radius=10)
    pygame.draw.rect(surface, palette.INK, rect, width=2, border_radius=10)
    time_s, words = banner_words(scene, phase, remaining)
    f = scene.fonts
    with scene.within(rect):
        size = 48
        while size > 14 and (
            f.line_height(size, True) > rect.height - 4
            or f.size(time_s, size, True)[0] > rect.width * 0.4
        ):
            size -= 1
        shown = scene.text(
            surface, time_s, (rect.left + 12, rect.centery), size, ink, True, "midleft"
        )
        box = pygame.Rect(shown.right + 12, rect.top + 4, rect.right - shown.right - 22, 0)
        box.height = rect.height - 8
        cap, floor = 18, min(18, math.ceil(13 / f.text_scale))
        while (
            cap > floor
            and scene.wrapped_lines(words, cap, box.width, True) * f.line_height(cap, True)
            > box.height
        ):
            cap -= 1
        lines = max(1, scene.wrapped_lines(words, cap, box.width, True))
        height = min(lines, max(1, box.height // f.line_height(cap, True)))
        box.top = rect.centery - height * f.line_height(cap, True) // 2
        scene.paragraph(surface, words, box, cap, ink, True, max_lines=height)


CORNER = pygame.Rect(1280 - 16 - 230, 6, 230, 52)


def draw_corner(scene: Scene, surface: pygame.Surface, phase: str, remaining: float) -> None:
    """The countdown over any other screen opened from the year (the charts, settings, a
    dialog): the round's clock stays in sight wherever the team looks. It takes the header
    bar's right end (the charts' year goes: the clock matters more in a round)."""
    under = CORNER.inflate(16, 12)
    pygame.draw.rect(surface, palette.HEADER, under)
    scene.text_boxes = [b for b in scene.text_boxes if not b.rect.colliderect(under)]
    draw_countdown(scene, surface, CORNER, phase, remaining)
