"""Rooms in the game: join a room, "about you" (once, all optional), the ideas box, and
"You and the room" after the final census.

Everything that touches the network or the room store goes through ctx.room (a
game.room.client.RoomLink), whose calls return Futures; these scenes poll them in update()
and never wait inside a frame.
"""

from __future__ import annotations

import functools
from concurrent.futures import Future
from typing import Any

import pygame
import pygame_gui

from game.client import palette
from game.client.focus import Focusable
from game.client.scene import Modal, Scene, W
from game.client.scenes.common import header, panel

AGE_BANDS = ("under_16", "16_24", "25_44", "45_64", "65_plus")
AREA_LINKS = ("live", "work", "study")
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


class _EntryScene(Modal):
    """A modal with one or more text boxes that keep the keys typed into them."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.entries: dict[str, pygame_gui.elements.UITextEntryLine] = {}

    def entry(self, rect: pygame.Rect, name: str, hint: str, limit: int, text: str = "") -> None:
        box = pygame_gui.elements.UITextEntryLine(rect, self.ui, placeholder_text=hint)
        box.set_text_length_limit(limit)
        box.set_text(text)
        self.entries[name] = box
        self.focus.add(
            Focusable(
                rect_of=lambda: box.rect,
                activate=self.submit,
                enabled=lambda: True,
                name=name,
                element=box,
                on_focus=box.focus,
            )
        )

    def value(self, name: str) -> str:
        return self.entries[name].get_text().strip()

    def on_enter(self) -> None:
        super().on_enter()
        first = next(iter(self.entries), None)
        if first is not None:  # the cursor waits in the first text box
            self.focus.set_by_name(first)

    def rebuild(self, keep_focus: bool = True) -> None:
        super().rebuild(keep_focus)
        cur = self.focus.current  # a rebuilt text box takes the keys again if it had them
        if cur is not None and cur.name in self.entries:
            self.entries[cur.name].focus()

    def submit(self) -> None:
        """Enter in a text box."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        typing = next((e for e in self.entries.values() if e.is_focused), None)
        if typing is not None and event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.submit()
                return True
            if event.key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                typing.unfocus()
                self.focus.move(-1 if event.key == pygame.K_UP else 1)
                return True
            if event.key == pygame.K_ESCAPE:
                return self.on_back()
            return bool(self.ui.process_events(event))
        consumed = super().handle_event(event)
        cur = self.focus.current
        for name, box in self.entries.items():
            if box.is_focused and (cur is None or cur.name != name):
                box.unfocus()
        return consumed


class JoinRoomScene(_EntryScene):
    """Type the room's address (or its code on this machine) and, if you like, a team or
    table label; then "about you", once."""

    name = "room_join"
    box = pygame.Rect(190, 90, 900, 540)

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.job: Future | None = None
        self.message = ""

    def build(self) -> None:
        b, t = self.box, self.t
        self.entry(
            pygame.Rect(b.x + 40, b.y + 166, b.width - 80, 54),
            "address",
            t("room.join.address_hint"),
            120,
        )
        self.entry(
            pygame.Rect(b.x + 40, b.y + 296, b.width - 80, 54),
            "label",
            t("room.join.label_hint"),
            40,
        )
        y = b.bottom - 86
        self.button(
            (b.x + 40, y, 300, 58),
            t("room.join.join"),
            self.submit,
            cls="big",
            name="join",
            enabled=self.job is None,
        )
        self.button(
            (b.right - 260, y, 220, 58), t("ui.back"), self.close, cls="secondary", name="back"
        )

    def submit(self) -> None:
        from game.room.client import RoomLink

        if self.job is not None:
            return
        address, label = self.value("address"), self.value("label") or None
        self.job = RoomLink.connect(address, label)  # found and joined off the frame
        self.message = self.t("room.join.joining")

    def update(self, dt: float) -> None:
        if self.job is None or not self.job.done():
            return
        try:
            link = self.job.result()
        except Exception as exc:  # noqa: BLE001 - shown; the player can try again
            self.message = self.t("room.join.failed", reason=_first_line(exc))
            self.job = None
            self.rebuild()
            return
        old = getattr(self.ctx, "room", None)
        if old is not None:
            old.close()
        self.ctx.room = link
        self.job = None
        self.app.stack.pop(True)
        self.app.stack.push(AboutYouScene(self.app))

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        with self.within(b):
            self.text(
                surface,
                t("room.join.title"),
                (b.x + 40, b.y + 30),
                34,
                bold=True,
                max_width=b.width - 80,
            )
            self.paragraph(
                surface,
                t("room.join.address"),
                pygame.Rect(b.x + 40, b.y + 86, b.width - 80, 0),
                20,
                palette.MUTED,
                max_lines=3,
            )
            self.paragraph(
                surface,
                t("room.join.label"),
                pygame.Rect(b.x + 40, b.y + 240, b.width - 80, 0),
                20,
                palette.MUTED,
                max_lines=2,
            )
            if self.message:
                self.paragraph(
                    surface,
                    self.message,
                    pygame.Rect(b.x + 40, b.y + 362, b.width - 80, 0),
                    20,
                    palette.BAD_TEXT,
                    max_lines=3,
                )


class AboutYouScene(Modal):
    """Asked once per player: an age band and the link to the area, both optional."""

    name = "room_about"
    box = pygame.Rect(140, 70, 1000, 580)

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.age: str | None = None
        self.links: set[str] = set()

    def build(self) -> None:
        b, t = self.box, self.t
        w = (b.width - 80 - 4 * 12) // 5
        for i, band in enumerate(AGE_BANDS):
            self.button(
                (b.x + 40 + i * (w + 12), b.y + 210, w, 56),
                t(f"room.age.{band}"),
                functools.partial(self._age, band),
                name=f"age_{band}",
                cls="toggle_on" if self.age == band else "toggle_off",
            )
        w = (b.width - 80 - 2 * 12) // 3
        for i, link in enumerate(AREA_LINKS):
            self.button(
                (b.x + 40 + i * (w + 12), b.y + 340, w, 56),
                t(f"room.link.{link}"),
                functools.partial(self._link, link),
                name=f"link_{link}",
                cls="toggle_on" if link in self.links else "toggle_off",
            )
        y = b.bottom - 86
        self.button(
            (b.x + 40, y, 300, 58), t("room.about.done"), self.done, cls="big", name="about_done"
        )
        self.button(
            (b.right - 300, y, 260, 58),
            t("room.about.skip"),
            self.skip,
            cls="secondary",
            name="about_skip",
        )
        self.focus.ensure_usable()

    def _age(self, band: str) -> None:
        self.age = None if self.age == band else band
        self.rebuild()

    def _link(self, link: str) -> None:
        self.links ^= {link}
        self.rebuild()

    def done(self) -> None:
        from game.room.client import AboutYou

        room = getattr(self.ctx, "room", None)
        if room is not None:
            room.about_asked = True
            room.about = AboutYou(age_band=self.age, area_link=sorted(self.links))  # type: ignore[arg-type]
        self.close(True)

    def skip(self) -> None:
        room = getattr(self.ctx, "room", None)
        if room is not None:
            room.about_asked = True
        self.close(False)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        with self.within(b):
            self.text(
                surface,
                t("room.about.title"),
                (b.x + 40, b.y + 30),
                32,
                bold=True,
                max_width=b.width - 80,
            )
            self.paragraph(
                surface,
                t("room.about.why"),
                pygame.Rect(b.x + 40, b.y + 84, b.width - 80, 0),
                20,
                palette.INK,
                max_lines=3,
            )
            self.text(
                surface,
                t("room.about.age"),
                (b.x + 40, b.y + 176),
                22,
                bold=True,
                max_width=b.width - 80,
            )
            self.text(
                surface,
                t("room.about.link"),
                (b.x + 40, b.y + 306),
                22,
                bold=True,
                max_width=b.width - 80,
            )


class IdeasScene(_EntryScene):
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
            pygame.Rect(left.x, left.y, left.width, 54),
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
        for i, g in enumerate(IDEA_GROUPS):
            self.button(
                (left.x + (i % 2) * (w + 12), left.y + 196 + (i // 2) * 56, w, 48),
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
        self.focus.ensure_usable()

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
                self.message = self.t("room.idea.failed", reason=_first_line(exc))
                self.text_kept = self.value("idea")
            self.sent = None
            self.rebuild()

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
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
        self.app.stack.push(IdeasScene(self.app))

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


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
