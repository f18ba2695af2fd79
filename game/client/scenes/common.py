"""Drawing pieces several screens share: the header bar, panels, the message dialog."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.client import palette
from game.client.scene import Modal, Scene, W


def header(scene: Scene, surface: pygame.Surface, title: str, right: str = "") -> None:
    pygame.draw.rect(surface, palette.HEADER, (0, 0, W, 64))
    scene.text(surface, title, (24, 32), 30, palette.HEADER_TEXT, bold=True, anchor="midleft")
    if right:
        scene.text(surface, right, (W - 24, 32), 22, palette.HEADER_TEXT, anchor="midright")


def panel(surface: pygame.Surface, rect: pygame.Rect, fill=palette.CARD, border=palette.RULE):
    pygame.draw.rect(surface, fill, rect, border_radius=12)
    pygame.draw.rect(surface, border, rect, width=2, border_radius=12)


class MessageDialog(Modal):
    """A plain message with one OK button (errors, notices)."""

    name = "message"
    box = pygame.Rect(240, 180, 800, 360)

    def __init__(self, app, title: str, body: str, on_ok: Callable[[], None] | None = None):
        super().__init__(app)
        self.title, self.body, self.on_ok = title, body, on_ok

    def build(self) -> None:
        b = self.box
        self.button((b.centerx - 110, b.bottom - 80, 220, 56), self.t("ui.ok"), self._ok, name="ok")

    def _ok(self) -> None:
        self.close(True)
        if self.on_ok:
            self.on_ok()

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b = self.box
        self.text(surface, self.title, (b.left + 32, b.top + 28), 28, palette.INK, bold=True)
        self.paragraph(surface, self.body, pygame.Rect(b.left + 32, b.top + 84, b.width - 64, 180))
