"""The ideas box: "what would you build here?" (280 characters, a kind of project, the
groups it would help) and the ideas others in the room left, to support (one each)."""

from __future__ import annotations

import functools
from concurrent.futures import Future
from typing import Any

import pygame

from game.client import palette
from game.client.entry import EntryModal, first_line
from game.client.keyboard import panel_height
from game.client.wrapped import Labelled, draw_labels, fit_labels

IDEA_CATEGORIES = (
    "housing",
    "transport",
    "education",
    "health",
    "green_space",
    "business",
    "skills",
    "town_centres",
    "digital",
    "culture_tourism",
    "flood_defence",
    "energy",
)
IDEA_GROUPS = (
    "young_families",
    "young_adults",
    "older_people",
    "job_seekers",
    "workers",
    "students",
)


class IdeasScene(EntryModal):
    """ "What would you build here?": write an idea (280 characters, a category, who it would
    help) and support ideas others left (one support per idea)."""

    name = "room_ideas"
    box = pygame.Rect(60, 40, 1160, 640)

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.category = IDEA_CATEGORIES[0]
        self.groups: set[str] = set()
        self.text_kept = ""
        self.sent: Future | None = None
        self.listing: Future | None = app.ctx.room.ideas() if app.ctx.room else None
        self.ideas: list[Any] = []
        self.supported: set[int] = set()
        self.message = ""

    def build(self) -> None:
        b, t = self.box, self.t
        left = pygame.Rect(b.x + 30, b.y + 80, 600, 0)
        self.entry(
            pygame.Rect(left.x, left.y, left.width - 62, 54),
            "idea",
            t("room.idea.hint"),
            280,
            self.text_kept,
        )
        self.button(
            (left.x, left.y + 100, left.width, 50),
            t("room.idea.category", category=t(f"category.{self.category}")),
            self._next_category,
            name="idea_category",
        )
        w = (left.width - 12) // 2
        top = self._groups_top()
        # at the projector sizes a long group name wraps in a taller button (wrapped.py)
        h = 56 if self.fonts.text_scale > 1.3 else 48
        for i, g in enumerate(IDEA_GROUPS):
            self.button(
                (left.x + (i % 2) * (w + 12), top + (i // 2) * (h + 8), w, h),
                t(f"group.{g}"),
                functools.partial(self._group, g),
                name=f"group_{g}",
                size="small",
                cls="toggle_on" if g in self.groups else "toggle_off",
            )
        self.button(
            (left.x, b.bottom - 80, 300, 58),
            t("room.idea.send"),
            self.submit,
            cls="big",
            name="idea_send",
        )
        self.button(
            (b.right - 230, b.bottom - 80, 200, 58),
            t("ui.back"),
            self.close,
            cls="secondary",
            name="back",
        )
        x = b.x + 660
        for i, idea in enumerate(self.ideas[:5]):
            done = idea.id in self.supported
            self.button(
                (x, b.y + 126 + i * 92 + 46, 200, 40),
                t("room.idea.supported" if done else "room.idea.support"),
                functools.partial(self._support, idea.id),
                name=f"support_{idea.id}",
                size="small",
                enabled=not done,
            )
        # the keys cover the kind and the groups while they show (Done brings them back)
        keys = pygame.Rect(left.x, left.y + 84, left.width, panel_height("text"))
        self.add_keyboard("idea", keys, pygame.Rect(left.right - 54, left.y, 54, 54))
        self.focus.ensure_usable()

    def _group_labels(self) -> list[Labelled]:
        return [
            (b, "toggle_on" if g in self.groups else "toggle_off", "small")
            for g in IDEA_GROUPS
            if (b := self.find_button(f"group_{g}")) is not None
        ]

    def draw_over(self, surface: pygame.Surface) -> None:
        draw_labels(self, surface, self._group_labels())

    def _groups_top(self) -> int:
        """The group buttons start under their heading, at any text size."""
        return self.box.y + 244 + self.fonts.line_height(20, True) + 6

    def _next_category(self) -> None:
        self.text_kept = self.value("idea")
        i = IDEA_CATEGORIES.index(self.category)
        self.category = IDEA_CATEGORIES[(i + 1) % len(IDEA_CATEGORIES)]
        self.rebuild()

    def _group(self, g: str) -> None:
        self.text_kept = self.value("idea")
        self.groups ^= {g}
        self.rebuild()

    def _support(self, idea_id: int) -> None:
        self.supported.add(idea_id)
        self.ctx.room.support(idea_id)
        self.text_kept = self.value("idea")
        self.rebuild()

    def submit(self) -> None:
        text = self.value("idea")
        if not text or self.sent is not None:
            self.message = "" if text else self.t("room.idea.empty")
            return
        self.sent = self.ctx.room.idea(text, self.category, sorted(self.groups))
        self.message = self.t("room.idea.sending")

    def update(self, dt: float) -> None:
        if self.listing is not None and self.listing.done():
            try:
                self.ideas = self.listing.result()
            except Exception:  # noqa: BLE001 - the hub may be away; the box still works
                self.ideas = []
            self.listing = None
            self.text_kept = self.value("idea") if self.entries else self.text_kept
            self.rebuild()
        if self.sent is not None and self.sent.done():
            try:
                self.sent.result()
                self.message = self.t("room.idea.sent")
                self.text_kept, self.groups = "", set()
            except Exception as exc:  # noqa: BLE001 - kept in the text box to try again
                self.message = self.t("room.idea.failed", reason=first_line(exc))
                self.text_kept = self.value("idea")
            self.sent = None
            self.rebuild()

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        fit_labels(self, self._group_labels())
        with self.within(b):
            self.text(
                surface, t("room.idea.title"), (b.x + 30, b.y + 22), 32, bold=True, max_width=600
            )
            self.text(
                surface, t("room.idea.helps"), (b.x + 30, b.y + 244), 20, bold=True, max_width=600
            )
            self.text(
                surface,
                t("room.idea.count", n=len(self.value("idea")) if self.entries else 0),
                (b.x + 630, b.y + 136),
                18,
                palette.MUTED,
                anchor="topright",
            )
            if self.message:
                self.paragraph(
                    surface,
                    self.message,
                    pygame.Rect(b.x + 350, b.bottom - 78, 280, 0),
                    18,
                    palette.MUTED,
                    max_lines=3,
                )
            x = b.x + 660
            self.text(
                surface,
                t("room.idea.others"),
                (x, b.y + 80),
                24,
                bold=True,
                max_width=b.right - x - 30,
            )
            if not self.ideas:
                self.paragraph(
                    surface,
                    t("room.idea.none"),
                    pygame.Rect(x, b.y + 126, b.right - x - 30, 0),
                    20,
                    palette.MUTED,
                )
            for i, idea in enumerate(self.ideas[:5]):
                y = b.y + 126 + i * 92
                self.paragraph(
                    surface,
                    idea.text,
                    pygame.Rect(x, y, b.right - x - 30, 0),
                    18,
                    palette.INK,
                    max_lines=2,
                )
                self.text(
                    surface,
                    t("room.idea.supports", n=idea.supports),
                    (x + 216, y + 66),
                    18,
                    palette.MUTED,
                    anchor="midleft",
                )
        self.draw_keyboard(surface)
