"""Drawing pieces several screens share: the header bar, panels, the message dialog."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.client import palette
from game.client.scene import Host, Modal, Scene, W


def header(scene: Scene, surface: pygame.Surface, title: str, right: str = "") -> None:
    pygame.draw.rect(surface, palette.HEADER, (0, 0, W, 64))
    # the bar keeps its height at the projector sizes: its text grows only to what fits
    k = min(1.0, 1.3 / scene.fonts.text_scale)
    right_r = None
    if right:
        right_r = scene.text(
            surface,
            right,
            (W - 24, 32),
            max(11, round(22 * k)),
            palette.HEADER_TEXT,
            anchor="midright",
        )
    room = (right_r.left - 40 if right_r else W - 24) - 24
    scene.text(
        surface,
        title,
        (24, 32),
        max(14, round(30 * k)),
        palette.HEADER_TEXT,
        bold=True,
        anchor="midleft",
        max_width=room,
    )


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fill: tuple[int, int, int] = palette.CARD,
    border: tuple[int, int, int] = palette.RULE,
) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=12)
    pygame.draw.rect(surface, border, rect, width=2, border_radius=12)


BIG_BOX = pygame.Rect(120, 100, 1040, 520)  # the dialogs at the projector sizes


def _words(dialog: Modal, surface: pygame.Surface, title: str, body: str, bottom: int) -> None:
    """A dialog's title and body, whole: the title shrinks to its line, the body steps down
    a size (never under ~20 px at 1080p) until it fits above the buttons."""
    b = dialog.box
    with dialog.within(b):
        dialog.text(
            surface,
            title,
            (b.left + 32, b.top + 28),
            28,
            palette.INK,
            bold=True,
            max_width=b.width - 64,
        )
        top = b.top + 28 + dialog.fonts.line_height(28, True) + 12
        room = pygame.Rect(b.left + 32, top, b.width - 64, bottom - 8 - top)
        dialog.paragraph(surface, body, room, dialog.paragraph_size(body, 20, room))


class MessageDialog(Modal):
    """A plain message with one OK button (errors, notices)."""

    name = "message"
    box = pygame.Rect(240, 180, 800, 360)

    def __init__(
        self, app: Host, title: str, body: str, on_ok: Callable[[], None] | None = None
    ) -> None:
        super().__init__(app)
        self.title, self.body, self.on_ok = title, body, on_ok
        if self.fonts.text_scale > 1.3:
            self.box = BIG_BOX

    def build(self) -> None:
        b = self.box
        self.button((b.centerx - 110, b.bottom - 80, 220, 56), self.t("ui.ok"), self._ok, name="ok")

    def _ok(self) -> None:
        self.close(True)
        if self.on_ok:
            self.on_ok()

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        _words(self, surface, self.title, self.body, self.box.bottom - 80)


class ConfirmDialog(Modal):
    """A question with two answers. The safe answer has the focus, so pressing Enter
    repeatedly can never confirm by accident (nobody skips a year by mashing Enter)."""

    name = "confirm"
    box = pygame.Rect(240, 180, 800, 360)

    def __init__(self, app: Host, title: str, body: str, yes: str, no: str) -> None:
        super().__init__(app)
        self.title, self.body, self.yes, self.no = title, body, yes, no
        if self.fonts.text_scale > 1.3:
            self.box = BIG_BOX

    def build(self) -> None:
        b = self.box
        self.button((b.left + 40, b.bottom - 86, 340, 58), self.no, self._no, name="no")
        self.button(
            (b.right - 380, b.bottom - 86, 340, 58),
            self.yes,
            self._yes,
            cls="secondary",
            name="yes",
        )
        self.focus.set_by_name("no")

    def _yes(self) -> None:
        self.close(True)

    def _no(self) -> None:
        self.close(False)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        _words(self, surface, self.title, self.body, self.box.bottom - 86)
