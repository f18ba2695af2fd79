"""Credits, data attribution and licences."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.scene import Scene
from game.client.scenes.common import header, panel


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
        panel(surface, pygame.Rect(40, 84, 1200, 530))
        y = 104
        for key in (
            "credits.ons",
            "credits.ogl",
            "credits.os",
            "credits.un",
            "credits.model",
            "credits.fonts",
            "credits.code",
        ):
            size = 20 if key != "credits.model" else 19
            y = self.paragraph(surface, self.t(key), pygame.Rect(70, y, 1140, 200), size) + 14
