"""The in-game menu: resume, settings, save and go to the title."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.dialogs import ConfirmDialog
from game.client.scene import Modal


class MenuDialog(Modal):
    name = "menu"
    box = pygame.Rect(390, 150, 500, 420)

    def build(self) -> None:
        if self.ctx.room is not None:  # in a room: one more button, the ideas box
            self.box = pygame.Rect(390, 115, 500, 490)
        t, b = self.t, self.box
        x, w = b.left + 60, b.width - 120
        self.button((x, b.top + 100, w, 56), t("menu.resume"), self.close, name="resume")
        self.button(
            (x, b.top + 172, w, 56),
            t("title.settings"),
            self.settings,
            cls="secondary",
            name="settings",
        )
        self.button(
            (x, b.top + 244, w, 56),
            # at a stand nothing is kept for later: this ends the visitor's game
            t("menu.stand_stop" if self.ctx.kiosk is not None else "menu.to_title"),
            self.to_title,
            cls="secondary",
            name="to_title",
        )
        if self.ctx.room is not None:
            self.button(
                (x, b.top + 316, w, 56),
                t("room.idea.open"),
                self.ideas,
                cls="secondary",
                name="ideas",
            )

    def ideas(self) -> None:
        self.app.stack.push(self.app.screens.room_ideas())

    def settings(self) -> None:
        self.app.stack.push(self.app.screens.settings())

    def to_title(self) -> None:
        stand = getattr(self.app, "stand", None)
        if stand is not None:  # a stand: ask, then get ready for the next visitor
            t = self.t
            ask = ConfirmDialog(
                self.app,
                t("menu.stand_stop_title"),
                t("menu.stand_stop_body"),
                t("menu.stand_stop"),
                t("menu.resume"),
            )
            self.app.stack.push(ask, on_result=lambda yes: stand.reset() if yes else None)
            return
        self.ctx.autosave()
        self.app.stack.reset(self.app.screens.title())

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b = self.box
        self.text(
            surface, self.t("menu.title"), (b.centerx, b.top + 44), 28, palette.INK, True, "center"
        )
        self.text(
            surface,
            self.t("menu.stand_note" if self.ctx.kiosk is not None else "menu.saved_note"),
            (b.centerx, b.bottom - 50),
            16,
            palette.MUTED,
            anchor="center",
            max_width=b.width - 40,
            box=b,
        )
