"""A short glossary over the game: what the numbers on a card and in the charts mean."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.scene import Modal

TERMS = ("money", "clout", "gross", "net", "reaches", "groups", "approval", "baseline", "range")


class HelpDialog(Modal):
    name = "help"
    box = pygame.Rect(90, 40, 1100, 640)

    def build(self) -> None:
        b = self.box
        self.button((b.right - 220, b.bottom - 76, 190, 54), self.t("ui.close"), self.close,
                    name="close")  # fmt: skip

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_F1, pygame.K_h):
            self.close()
            return True
        return False

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        self.text(surface, t("help.title"), (b.left + 36, b.top + 24), 28, palette.INK, True)
        y = b.top + 76
        for term in TERMS:
            self.text(surface, t(f"help.term.{term}"), (b.left + 36, y), 18, palette.BLUE, True)
            y = self.paragraph(
                surface,
                t(f"help.text.{term}"),
                pygame.Rect(b.left + 250, y, b.width - 290, 60),
                17,
                palette.INK,
            )
            y += 10  # fmt: skip
