"""The final report's ending, drawn under the verdict: a ticker-tape parade or an angry
mob (both from fixed seeds, so screenshots repeat)."""

from __future__ import annotations

import math
import random

import pygame

from game.client import palette


def parade(surface: pygame.Surface, stage: pygame.Rect, clock: float) -> None:
    """Ticker tape: a fixed scatter of paper strips (seeded, so screenshots repeat)."""
    rng = random.Random(2031)
    cols = [
        palette.ORANGE,
        palette.SKY,
        palette.GREEN,
        palette.YELLOW,
        palette.BLUE,
        palette.PURPLE,
        palette.VERMILION,
    ]
    for _ in range(160):
        x = stage.left + rng.random() * stage.width
        y0 = rng.random() * stage.height
        y = stage.top + (y0 + clock * 60 * (0.5 + rng.random())) % stage.height
        w, h = rng.choice(((6, 14), (14, 6), (8, 8)))
        pygame.draw.rect(surface, rng.choice(cols), (int(x), int(y), w, h))
    _crowd(surface, stage, happy=True, clock=clock)


def mob(surface: pygame.Surface, stage: pygame.Rect, clock: float) -> None:
    """An angry crowd with pitchforks and placards under a stormy sky."""
    rng = random.Random(1066)
    for _ in range(6):
        cx = stage.left + rng.random() * stage.width
        cy = stage.top + 40 + rng.random() * 60
        pygame.draw.circle(surface, (60, 48, 60), (int(cx), int(cy)), 40)
    _crowd(surface, stage, happy=False, clock=clock)


def _crowd(surface: pygame.Surface, stage: pygame.Rect, happy: bool, clock: float) -> None:
    rng = random.Random(7 if happy else 13)
    skin = [(241, 194, 125), (198, 134, 66), (141, 85, 36), (224, 172, 105)]
    coats = [
        palette.BLUE,
        palette.GREEN,
        palette.ORANGE,
        palette.PURPLE,
        palette.SKY,
        (90, 90, 100),
    ]
    base = stage.bottom - 10
    n = max(6, stage.width // 46)
    for i in range(n):
        x = stage.left + 24 + i * (stage.width - 48) // n + rng.randint(-6, 6)
        bob = int(4 * math.sin(clock * 6 + i)) if happy else int(2 * math.sin(clock * 9 + i))
        h = rng.randint(70, 100)
        body = pygame.Rect(x - 14, base - h + 22 + bob, 28, h - 22)
        pygame.draw.rect(surface, rng.choice(coats), body, border_radius=8)
        pygame.draw.circle(surface, rng.choice(skin), (x, base - h + 10 + bob), 13)
        if happy and i % 2 == 0:  # arms up, waving
            pygame.draw.line(
                surface, palette.INK, (x - 12, body.top + 6), (x - 24, body.top - 26), 4
            )
            pygame.draw.line(
                surface, palette.INK, (x + 12, body.top + 6), (x + 24, body.top - 26), 4
            )
        if not happy and i % 3 == 0:  # pitchfork
            top = body.top - 60
            pygame.draw.line(surface, (110, 80, 40), (x + 18, body.bottom - 10), (x + 18, top), 4)
            for dx in (-8, 0, 8):
                pygame.draw.line(
                    surface, (180, 180, 190), (x + 18 + dx, top), (x + 18 + dx, top - 16), 3
                )
            pygame.draw.line(surface, (180, 180, 190), (x + 10, top), (x + 26, top), 3)
        elif not happy and i % 3 == 1:  # placard
            pygame.draw.line(surface, (110, 80, 40), (x, body.top), (x, body.top - 40), 4)
            pygame.draw.rect(surface, palette.PAPER, (x - 26, body.top - 72, 52, 34))
            pygame.draw.rect(surface, palette.VERMILION, (x - 26, body.top - 72, 52, 34), 3)
            pygame.draw.line(
                surface, palette.VERMILION, (x - 16, body.top - 62), (x + 16, body.top - 48), 3
            )
            pygame.draw.line(
                surface, palette.VERMILION, (x + 16, body.top - 62), (x - 16, body.top - 48), 3
            )
