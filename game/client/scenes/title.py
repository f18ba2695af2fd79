"""Title screen: new game, continue, settings, credits, quit."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.scene import H, Scene, W


class TitleScene(Scene):
    name = "title"

    def build(self) -> None:
        t = self.t
        x, y, w, h, gap = 96, 300, 380, 60, 16
        if self.ctx.room is None:  # a sixth button: the column tightens to fit
            h, gap = 54, 11
        self.button((x, y, w, h), t("title.new_game"), self.new_game, cls="big", name="new")
        y += h + gap
        has_save = self.ctx.save_path.exists()
        self.button(
            (x, y, w, h), t("title.continue"), self.resume, name="continue", enabled=has_save
        )
        y += h + gap
        self.button(
            (x, y, w, h), t("title.settings"), self.settings, cls="secondary", name="settings"
        )
        y += h + gap
        self.button((x, y, w, h), t("title.credits"), self.credits, cls="secondary", name="credits")
        y += h + gap
        if self.ctx.room is None:
            self.button(
                (x, y, w, h),
                t("title.join_room"),
                self.join_room,
                cls="secondary",
                name="join_room",
            )
            y += h + gap
        self.button((x, y, w, h), t("title.quit"), self.app.quit, cls="secondary", name="quit")
        self.focus.ensure_usable()

    def new_game(self) -> None:
        self.app.stack.push(self.app.screens.area_choice())
        room = self.ctx.room
        if room is not None and not room.about_asked:  # once per player, before the game
            self.app.stack.push(self.app.screens.about_you())

    def join_room(self) -> None:
        self.app.stack.push(self.app.screens.join_room())

    def resume(self) -> None:
        self.app.stack.push(self.app.screens.continue_game())

    def settings(self) -> None:
        self.app.stack.push(self.app.screens.settings())

    def credits(self) -> None:
        self.app.stack.push(self.app.screens.credits())

    def on_resume(self) -> None:
        self.rebuild()

    def on_back(self) -> bool:
        return True

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        _skyline(surface)
        # the title's foot stays where it is at 100 %; bigger text grows it upwards, and
        # the tagline wraps rather than run into the town picture (which starts at x=560)
        name = self.t("app.title")
        big = self.fit_size(name, 72, W - 96 - 24, True)  # the Welsh name at 200% is wider
        top = 180 - self.fonts.line_height(big, True)
        self.text(surface, name, (96, top), big, palette.HEADER, bold=True)
        tagline = self.t("title.tagline")
        room = 560 - 100 - 12 if self.fonts.size(tagline, 26)[0] > 560 - 100 - 12 else W - 140
        # and smaller type before it reaches the buttons (y=300) at the projector sizes
        size = 26
        while size > 14 and self.wrapped_lines(tagline, size, room) * self.fonts.line_height(
            size
        ) > (300 - 196 - 4):
            size -= 1
        self.paragraph(surface, tagline, pygame.Rect(100, 196, room, 0), size, palette.INK)
        if self.ctx.room is not None and self.ctx.room.name:
            in_room = self.t("title.in_room", name=self.ctx.room.name)
            self.text(surface, in_room, (100, 262), 20, palette.MUTED, bold=True, max_width=440)
        # two footer lines under the town picture, right-aligned, each shrinking to fit
        room = W - 560 - 40
        self.text(
            surface,
            self.t("title.data_note"),
            (W - 40, H - 62),
            18,
            palette.MUTED,
            anchor="midright",
            max_width=room,
        )
        self.text(
            surface,
            self.t("title.keys_hint"),
            (W - 40, H - 30),
            18,
            palette.MUTED,
            anchor="midright",
            max_width=room,
        )


def _skyline(surface: pygame.Surface) -> None:
    """A fixed little town on the right: terraces, a school, a clinic, a wind turbine."""
    base = 600
    pygame.draw.rect(surface, (226, 232, 238), (560, 220, 680, base - 220), border_radius=24)
    blocks = [
        (600, 90, 120, palette.SKY),
        (700, 60, 200, palette.BLUE),
        (780, 110, 140, palette.GREEN),
        (910, 70, 230, palette.HEADER),
        (990, 120, 110, palette.ORANGE),
        (1120, 80, 170, palette.PURPLE),
    ]
    for x, w, h, col in blocks:
        pygame.draw.rect(surface, col, (x, base - h, w, h))
        for wy in range(base - h + 16, base - 20, 30):
            for wx in range(x + 12, x + w - 16, 26):
                pygame.draw.rect(surface, palette.PAPER, (wx, wy, 12, 16))
    # wind turbine
    pygame.draw.line(surface, palette.INK, (1180, base - 80), (1180, 300), 5)
    for dx, dy in ((0, -70), (60, 36), (-60, 36)):
        pygame.draw.line(surface, palette.INK, (1180, 300), (1180 + dx, 300 + dy), 6)
    pygame.draw.circle(surface, palette.YELLOW, (1180, 300), 10)
    pygame.draw.rect(surface, palette.INK, (560, base, 680, 6))
