"""Join a room (its code, or the address the room's screen shows; an optional team or
table label), then "about you": asked once per player, every answer optional, with a line
saying why. The hub is found and joined on a worker thread (RoomLink.connect)."""

from __future__ import annotations

import functools
import math
from concurrent.futures import Future
from typing import Any

import pygame

from game.client import classplay, palette
from game.client.entry import EntryModal, first_line
from game.client.scene import Modal

AGE_BANDS = ("under_16", "16_24", "25_44", "45_64", "65_plus")
AREA_LINKS = ("live", "work", "study")


class JoinRoomScene(EntryModal):
    """Type the room's address (or its code on this machine) and, if you like, a team or
    table label; then "about you", once."""

    name = "room_join"
    box = pygame.Rect(190, 90, 900, 540)

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.job: Future | None = None
        self.message = ""
        self.ask_area = False  # a class where each team plays its own area: a third box

    def build(self) -> None:
        if self.ask_area:  # a third box: the dialog grows
            self.box = pygame.Rect(190, 20, 900, 680)
        if self.fonts.text_scale > 1.3:  # the projector sizes: the whole height
            self.box = pygame.Rect(140, 12, 1000, 696)
        b, t = self.box, self.t
        gap = 0 if b.height < 600 else 40  # the explanations' room grows with the text
        # rebuilt after a failed join: the boxes keep what was typed, to correct it
        typed = {name: box.get_text() for name, box in self.entries.items()}
        self.entry(
            pygame.Rect(b.x + 40, b.y + 166 + gap, b.width - 80, 54),
            "address",
            t("room.join.address_hint"),
            120,
            typed.get("address", ""),
        )
        self.entry(
            pygame.Rect(b.x + 40, b.y + 296 + 2 * gap, b.width - 80, 54),
            "label",
            t("room.join.label_hint"),
            40,
            typed.get("label", ""),
        )
        if self.ask_area:
            self.entry(
                pygame.Rect(b.x + 40, b.y + 420 + 2 * gap, b.width - 80, 54),
                "area",
                t("class.join.area_hint"),
                80,
                typed.get("area", ""),
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
        if self.job is not None:
            return
        address, label = self.value("address"), self.value("label") or None
        area = self.value("area") if "area" in self.entries else None
        # found and joined off the frame: a class game's code joins the class as this team
        self.job = classplay.connect(address, label, self.ctx.clock, area or None)
        self.message = self.t("room.join.joining")

    def update(self, dt: float) -> None:
        if self.job is None or not self.job.done():
            return
        try:
            link = self.job.result()
        except classplay.TeamNameNeeded:
            self.message = self.t("class.join.team_needed")
            self.job = None
            self.rebuild()
            return
        except classplay.AreaNeeded:
            self.message, self.ask_area = self.t("class.join.area_needed"), True
            self.job = None
            self.rebuild()
            self.focus.set_by_name("area")
            self.entries["area"].focus()
            return
        except Exception as exc:  # noqa: BLE001 - shown; the player can try again
            self.message = self.t("room.join.failed", reason=first_line(exc))
            self.job = None
            self.rebuild()
            return
        self.job = None
        if isinstance(link, classplay.ClassPlay):
            self._into_class(link)
            return
        old = getattr(self.ctx, "room", None)
        if old is not None:
            old.close()
        self.ctx.room = link
        self.app.stack.pop(True)
        self.app.stack.push(self.app.screens.about_you())

    def _into_class(self, play: classplay.ClassPlay) -> None:
        """The class's lobby, over the title (leaving it goes back there)."""
        old = self.ctx.class_game
        if old is not None:
            old.close()
        self.ctx.class_game, self.ctx.session = play, None
        self.app.stack.pop(True)
        self.app.stack.push(self.app.screens.class_lobby())

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        address, label = self.entries["address"].rect, self.entries["label"].rect
        with self.within(b):
            size = self.fit_size(t("room.join.title"), 34, b.width - 80, True)
            top = self.text(
                surface, t("room.join.title"), (b.x + 40, b.y + 24), size, bold=True
            ).bottom
            # each explanation fills the gap above its box, smaller type before it is cut
            self._fit(surface, t("room.join.address"), top + 4, address.top - 6, palette.MUTED)
            self._fit(surface, t("room.join.label"), address.bottom + 10, label.top - 6)
            last = label
            if "area" in self.entries:
                last = self.entries["area"].rect
                self._fit(surface, t("class.join.area"), label.bottom + 10, last.top - 6)
            if self.message:
                bottom = b.bottom - 86 - 6
                self._fit(surface, self.message, last.bottom + 8, bottom, palette.BAD_TEXT)

    def _fit(
        self,
        surface: pygame.Surface,
        text: str,
        top: int,
        bottom: int,
        colour: tuple[int, int, int] = palette.MUTED,
    ) -> None:
        b, f = self.box, self.fonts
        width, size, floor = b.width - 80, 20, min(20, math.ceil(13 / f.text_scale))
        while size > floor and self.wrapped_lines(text, size, width) * f.line_height(size) > (
            bottom - top
        ):
            size -= 1
        lines = max(1, (bottom - top) // f.line_height(size))
        self.paragraph(
            surface, text, pygame.Rect(b.x + 40, top, width, 0), size, colour, False, lines
        )


class AboutYouScene(Modal):
    """Asked once per player: an age band and the link to the area, both optional."""

    name = "room_about"
    box = pygame.Rect(140, 70, 1000, 580)

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.age: str | None = None
        self.links: set[str] = set()
        if self.fonts.text_scale > 1.3:  # the projector sizes: the whole screen
            self.box = pygame.Rect(40, 16, 1200, 688)

    def _rows(self) -> tuple[pygame.Rect, int, int]:
        """The words' room (under the title), and the tops of the two questions (each a
        heading over a row of buttons), laid out from the text size down the box."""
        b, f = self.box, self.fonts
        head = f.line_height(22, True) + 6
        question = head + 56 + 16
        top = b.y + 24 + f.line_height(32, True) + 8
        room = pygame.Rect(b.x + 40, top, b.width - 80, b.bottom - 96 - 2 * question - top)
        return room, room.bottom + 8, room.bottom + 8 + question

    def build(self) -> None:
        b, t = self.box, self.t
        _, age_y, link_y = self._rows()
        head = self.fonts.line_height(22, True) + 6
        w = (b.width - 80 - 4 * 12) // 5
        for i, band in enumerate(AGE_BANDS):
            self.button(
                (b.x + 40 + i * (w + 12), age_y + head, w, 56),
                t(f"room.age.{band}"),
                functools.partial(self._age, band),
                name=f"age_{band}",
                cls="toggle_on" if self.age == band else "toggle_off",
            )
        w = (b.width - 80 - 2 * 12) // 3
        for i, link in enumerate(AREA_LINKS):
            self.button(
                (b.x + 40 + i * (w + 12), link_y + head, w, 56),
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
            room.about = AboutYou(age_band=self.age, area_link=sorted(self.links))
        self.close(True)

    def skip(self) -> None:
        room = getattr(self.ctx, "room", None)
        if room is not None:
            room.about_asked = True
        self.close(False)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        room, age_y, link_y = self._rows()
        why = t("room.about.why")
        with self.within(b):
            self.text(
                surface,
                t("room.about.title"),
                (b.x + 40, b.y + 24),
                32,
                bold=True,
                max_width=b.width - 80,
            )
            self.paragraph(surface, why, room, self.paragraph_size(why, 20, room), palette.INK)
            for key, y in (("room.about.age", age_y), ("room.about.link", link_y)):
                self.text(surface, t(key), (b.x + 40, y), 22, bold=True, max_width=b.width - 80)
