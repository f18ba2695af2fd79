"""Credits, data attribution and licences."""

from __future__ import annotations

import math

import pygame

from game.client import palette
from game.client.dialogs import header, panel
from game.client.scene import Scene


class CreditsScene(Scene):
    name = "credits"

    def build(self) -> None:
        self.button((80, 632, 220, 60), self.t("ui.back"), self.close, name="back")

    def on_back(self) -> bool:
        self.close()
        return True

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        header(self, surface, self.t("credits.title"))
        box = pygame.Rect(40, 84, 1200, 530)
        panel(surface, box)
        keys = (
            "credits.ons",
            "credits.ogl",
            "credits.os",
            "credits.un",
            "credits.model",
            "credits.fonts",
            "credits.code",
        )
        texts = [self.t(k) for k in keys]
        # the largest size at which every credit fits the panel (bigger text settings)
        size = 20
        # the projector sizes may go lower: 14/scale is still over 20 px at 1080p
        scale = self.fonts.text_scale
        floor = 12 if scale <= 1.3 else math.ceil(14 / scale)
        while size > floor:
            lh = self.fonts.line_height(size)
            total = sum(self.wrapped_lines(x, size, 1140) * lh + 14 for x in texts)
            if total <= box.height - 30:
                break
            size -= 1
        y = box.top + 20
        with self.within(box):
            for x in texts:
                y = self.paragraph(surface, x, pygame.Rect(70, y, 1140, 200), size) + 14
