"""You and the room, after the final census: for each of your decisions the share of the
room that made the same one, your outcome beside the room's median, the ideas the room
supports most. The plan is sent once per game (RoomLink.finish) and this screen polls it."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import pygame

from game.client import palette
from game.client.dialogs import header, panel
from game.client.scene import Scene, W


class YouAndRoomScene(Scene):
    """For each of your decisions, the share of the room that made the same one; your
    outcome beside the room's median; the ideas the room supports most."""

    name = "you_and_room"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.job: Future | None = finish_in_room(app.ctx)
        self.view: Any = None
        self.failed = False

    def build(self) -> None:
        t = self.t
        self.button((W - 250, 640, 220, 58), t("ui.back"), self.close, cls="secondary", name="back")
        self.button((W - 560, 640, 290, 58), t("room.idea.open"), self.ideas, name="ideas")
        self.focus.ensure_usable()

    def ideas(self) -> None:
        self.app.stack.push(self.app.screens.room_ideas())

    def on_back(self) -> bool:
        self.close()
        return True

    def update(self, dt: float) -> None:
        if self.job is not None and self.job.done():
            try:
                self.view = self.job.result()
            except Exception:  # noqa: BLE001 - the plan is in the outbox; say so
                self.view = None
            self.failed = self.view is None
            self.job = None

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        t = self.t
        room = self.ctx.room
        header(self, surface, t("room.you.title"), room.name if room is not None else "")
        if self.job is not None:
            self.text(surface, t("ui.loading"), (40, 100), 24)
            return
        if self.view is None:
            self.paragraph(surface, t("room.you.offline"), pygame.Rect(40, 100, W - 80, 0), 24)
            return
        v = self.view
        self.text(surface, t("room.you.plans", n=v.plans), (40, 84), 22, palette.MUTED)
        left = pygame.Rect(30, 120, 700, 500)
        panel(surface, left)
        with self.within(left):
            self.text(
                surface,
                t("room.you.same"),
                (left.x + 20, left.y + 14),
                22,
                bold=True,
                max_width=left.width - 40,
            )
            for i, d in enumerate(v.decisions[:9]):
                y = left.y + 56 + i * 48
                label = t(f"room.kind.{d.kind}", name=d.name)
                self.text(surface, label, (left.x + 20, y), 19, max_width=400)
                bar = pygame.Rect(left.x + 440, y + 2, 160, 22)
                pygame.draw.rect(surface, palette.RULE, bar)
                pygame.draw.rect(surface, palette.BLUE, (bar.x, bar.y, int(bar.w * d.share), bar.h))
                self.text(
                    surface,
                    t("room.you.share", same=d.plans_same, plans=v.plans),
                    (bar.right + 8, y),
                    18,
                    palette.INK,
                    max_width=left.right - bar.right - 16,
                )
        right = pygame.Rect(750, 120, 500, 500)
        panel(surface, right)
        with self.within(right):
            self.text(
                surface,
                t("room.you.outcome"),
                (right.x + 20, right.y + 14),
                22,
                bold=True,
                max_width=right.width - 40,
            )
            self.text(
                surface,
                t("room.you.yours"),
                (right.x + 300, right.y + 52),
                17,
                palette.MUTED,
                anchor="topright",
            )
            self.text(
                surface,
                t("room.you.median"),
                (right.right - 20, right.y + 52),
                17,
                palette.MUTED,
                anchor="topright",
            )
            for i, o in enumerate(v.outcome):
                y = right.y + 80 + i * 36
                self.text(surface, t(f"room.outcome.{o.key}"), (right.x + 20, y), 18, max_width=170)
                self.text(
                    surface,
                    _num(o.key, o.yours),
                    (right.x + 300, y),
                    18,
                    bold=True,
                    anchor="topright",
                )
                self.text(
                    surface,
                    _num(o.key, o.room_median),
                    (right.right - 20, y),
                    18,
                    anchor="topright",
                )
            y = right.y + 280
            self.text(
                surface,
                t("room.you.ideas"),
                (right.x + 20, y),
                20,
                bold=True,
                max_width=right.width - 40,
            )
            if not v.top_ideas:
                self.text(
                    surface,
                    t("room.idea.none"),
                    (right.x + 20, y + 36),
                    18,
                    palette.MUTED,
                    max_width=right.width - 40,
                )
            for i, idea in enumerate(v.top_ideas):
                self.paragraph(
                    surface,
                    f"{idea.text} ({idea.supports})",
                    pygame.Rect(right.x + 20, y + 36 + i * 56, right.width - 40, 0),
                    17,
                    palette.INK,
                    max_lines=2,
                )


def finish_in_room(ctx: Any) -> Future | None:
    """Send the finished game to the room (once: RoomLink keeps the Future per game) and
    return the Future of "you and the room". None when the game is not in a room."""
    room, session = getattr(ctx, "room", None), ctx.session
    if room is None or session is None or not getattr(session, "finished", False):
        return None
    return room.finish(session)  # the same Future for the same game


def _num(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key == "cost_per_net_job":
        return f"£{value:,.0f}"
    return f"{value:,.0f}"
