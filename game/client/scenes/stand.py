"""The public stand's screens: the attract screen, "Still there?" and the staff PIN prompt.

They read the stand (app.stand, game.client.stand) and never change the game themselves:
"Touch to play" asks the stand to start a visit; the dialogs close when the stand's state
moves on (a touch answers "Still there?", the reset replaces the whole stack).
"""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.mapview import MapView, polygons_of
from game.client.scene import H, Host, Modal, Scene, W
from game.model.welsh import place_forms
from game.play.facts import area_facts

FACT_SECONDS = 6.0  # each census fact stays this long
MAP_RECT = pygame.Rect(40, 40, 560, 640)


def _plain_key(event: pygame.event.Event) -> bool:
    """A key a visitor presses to start (not Tab or Esc, not part of the staff chord)."""
    if event.type != pygame.KEYDOWN or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return False
    modifiers = (
        pygame.K_LCTRL,
        pygame.K_RCTRL,
        pygame.K_LALT,
        pygame.K_RALT,
        pygame.K_LSHIFT,
        pygame.K_RSHIFT,
        pygame.K_TAB,
        pygame.K_ESCAPE,
    )
    return event.key not in modifiers


class AttractScene(Scene):
    """While nobody plays: a map of England and Wales with one area lit, its census facts
    one after another, and a big "Touch to play" (any tap or key starts)."""

    name = "attract"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.elapsed = 0.0
        self._facts: list[tuple[str, str]] = []  # (area code, fact text)
        self._view: MapView | None = None

    def build(self) -> None:
        t = self.t
        self.button(
            (700, 560, 500, 96), t("stand.touch_to_play"), self.play, cls="big", name="play"
        )
        self.focus.set_by_name("play")

    def play(self) -> None:
        stand = getattr(self.app, "stand", None)
        if stand is not None:
            stand.start_visit()
        else:
            self.app.stack.push(self.app.screens.area_choice())

    def handle_event(self, event: pygame.event.Event) -> bool:
        # the whole screen is the button: a tap anywhere, or any key, starts
        if event.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP) or _plain_key(event):
            self.play()
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        if self.ctx.animate:
            self.elapsed += dt

    # -- what it shows ----------------------------------------------------------------------
    def _areas(self) -> list[str]:
        """The areas it cycles through: the stand's own, or a spread of the country."""
        world = self.ctx.world
        home = getattr(getattr(self.app, "stand", None), "home", None)
        if home:
            return [world.resolve(home).code]
        return list(world.codes[:: max(1, len(world.codes) // 12)])

    def _fact_list(self) -> list[tuple[str, str]]:
        if not self._facts and self.ctx.world_ready:
            world = self.ctx.world
            facts: list[tuple[str, str]] = []
            for code in self._areas():
                area = world.resolve(code)
                items = area_facts(area, world.areas.values(), section_names=world.section_names)
                for it in items[:4]:
                    params = dict(it.params)
                    params["area"] = self.area_name(area)
                    # "in <place>" as a whole: Welsh mutates it, "yng Nghaerdydd" not
                    # "yn Caerdydd" (game.model.welsh)
                    params["area_in"] = (
                        place_forms(area.name_cy, area.name)["area_cy_yn"]
                        if self.t.lang == "cy"
                        else f"in {params['area']}"
                    )
                    if it.key == "fact.industry":
                        params["industry"] = self.t.maybe(
                            f"sic.{params.get('section')}",
                            world.section_names.get(params.get("section", ""), ""),
                        )
                    facts.append((code, self.t.maybe(it.key, it.text, **params)))
            self._facts = facts
        return self._facts

    def area_name(self, area: object) -> str:
        welsh = getattr(area, "name_cy", None)
        return welsh if (self.t.lang == "cy" and welsh) else getattr(area, "name", "")

    def current(self) -> tuple[str, str] | None:
        facts = self._fact_list()
        if not facts:
            return None
        return facts[int(self.elapsed // FACT_SECONDS) % len(facts)]

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        t = self.t
        shown = self.current()
        if self.ctx.map_ready and self._view is None:
            self._view = MapView(polygons_of(self.ctx.mapdata), MAP_RECT)
            self._view.render({}, edge=palette.PAPER)
        if self._view is not None:
            self._view.draw(surface)
            if shown is not None:
                codes = self.ctx.world.members(shown[0]) if self.ctx.world_ready else ()
                self._view.outline(surface, codes, palette.VERMILION, 4)
                for code in codes:
                    centre = self._view.centre(code)
                    if centre is not None:
                        pygame.draw.circle(surface, palette.VERMILION, centre, 10, 4)
        right = pygame.Rect(660, 40, W - 700, 540 - 40)  # down to just above the button
        f = self.fonts
        with self.within(right):
            title = self.text(
                surface,
                t("app.title"),
                (right.left, right.top),
                56,
                palette.HEADER,
                bold=True,
                max_width=right.width,
            )
            # at the projector sizes the tagline and the fact share what room is left: each
            # steps down a size rather than run under the button
            tag_size, fact_size = 24, 30
            fact = shown[1] if shown is not None else ""

            def height(tag: int, size: int) -> int:
                tag_h = self.wrapped_lines(t("stand.tagline"), tag, right.width) * f.line_height(
                    tag
                )
                fact_h = self.wrapped_lines(fact, size, right.width, True) * f.line_height(
                    size, True
                )
                return tag_h + 36 + fact_h

            room = right.bottom - title.bottom - 16
            while height(tag_size, fact_size) > room and (tag_size > 14 or fact_size > 16):
                fact_size = max(16, fact_size - 2)
                if height(tag_size, fact_size) > room and fact_size <= 22:
                    tag_size = max(14, tag_size - 2)
            y = self.paragraph(
                surface,
                t("stand.tagline"),
                pygame.Rect(right.left, title.bottom + 16, right.width, 0),
                tag_size,
                palette.INK,
            )
            if shown is not None:
                pygame.draw.line(
                    surface, palette.RULE, (right.left, y + 14), (right.right, y + 14), 2
                )
                lines = max(1, (right.bottom - y - 30) // f.line_height(fact_size, True))
                self.paragraph(
                    surface,
                    fact,
                    pygame.Rect(right.left, y + 30, right.width, 0),
                    fact_size,
                    palette.INK,
                    bold=True,
                    max_lines=lines,
                )
        self.text(
            surface,
            t("stand.census_note"),
            (W - 40, H - 22),
            16,
            palette.MUTED,
            anchor="midright",
            max_width=W - 700,
        )


class StillThereDialog(Modal):
    """ "Still there?" with the seconds left before the stand resets for the next visitor."""

    name = "still_there"
    box = pygame.Rect(240, 120, 800, 480)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        if self.fonts.text_scale > 1.3:  # the projector sizes: room for the words
            self.box = pygame.Rect(140, 60, 1000, 600)

    def build(self) -> None:
        b = self.box
        self.button(
            (b.centerx - 220, b.bottom - 108, 440, 80),
            self.t("stand.still_here"),
            self._here,
            cls="big",
            name="still_here",
        )
        self.focus.set_by_name("still_here")

    def _here(self) -> None:
        stand = getattr(self.app, "stand", None)
        if stand is not None:
            stand.policy.touch()
        self.close()

    def update(self, dt: float) -> None:
        stand = getattr(self.app, "stand", None)
        answered = stand is None or stand.policy.screen != "still_there"
        if answered and self.app.stack.top is self and not self.app.stack.has_pending:
            self.close()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP, pygame.KEYDOWN):
            self._here()  # any touch or key means yes
            return True
        return super().handle_event(event)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b = self.box
        stand = getattr(self.app, "stand", None)
        left = stand.policy.countdown_left() if stand is not None else 0
        with self.within(b):
            self.text(
                surface,
                self.t("stand.still_there"),
                (b.centerx, b.top + 60),
                44,
                palette.INK,
                True,
                "center",
                max_width=b.width - 60,
            )
            words = self.t("stand.resetting_in", seconds=left)
            top = b.top + 60 + self.fonts.line_height(44, True) // 2 + 12
            room = pygame.Rect(b.left + 40, top, b.width - 80, b.bottom - 108 - 12 - top)
            self.paragraph(surface, words, room, self.paragraph_size(words, 26, room), palette.INK)


class StaffPinDialog(Modal):
    """The staff PIN: digits from the keyboard; once unlocked, Exit or back to the stand."""

    name = "staff_pin"
    box = pygame.Rect(340, 150, 600, 420)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.typed = ""
        self.message = ""
        if self.fonts.text_scale > 1.3:  # the projector sizes: room for the words
            self.box = pygame.Rect(190, 60, 900, 600)

    @property
    def unlocked(self) -> bool:
        stand = getattr(self.app, "stand", None)
        return stand is not None and stand.policy.allows_quit()

    def build(self) -> None:
        b, t = self.box, self.t
        if self.unlocked:
            self.button(
                (b.left + 40, b.bottom - 100, 250, 64),
                t("stand.exit"),
                self.app.quit,
                cls="secondary",
                name="staff_exit",
            )
        self.button(
            (b.right - 290, b.bottom - 100, 250, 64),
            t("stand.back"),
            self.cancel,
            name="staff_back",
        )
        self.focus.set_by_name("staff_back")

    def cancel(self) -> None:
        stand = getattr(self.app, "stand", None)
        if stand is not None:
            stand.policy.cancel_pin()
        self.close()

    def on_back(self) -> bool:
        self.cancel()
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        stand = getattr(self.app, "stand", None)
        if stand is None or self.unlocked:
            return False
        if event.unicode and event.unicode.isdigit() and len(self.typed) < 8:
            self.typed += event.unicode
            return True
        if event.key == pygame.K_BACKSPACE:
            self.typed = self.typed[:-1]
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.typed:
            answer = stand.policy.enter_pin(self.typed)
            self.typed = ""
            self.message = self.t(f"stand.pin_{answer}")
            if answer == "locked" and stand.policy.screen != "staff_pin":
                self.close()
            self.rebuild(keep_focus=False)
            return True
        return False

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        with self.within(b):
            self.text(
                surface,
                t("stand.staff_title"),
                (b.left + 32, b.top + 28),
                30,
                palette.INK,
                True,
                max_width=b.width - 64,
            )
            body = t("stand.unlocked") if self.unlocked else t("stand.enter_pin")
            top = b.top + 28 + self.fonts.line_height(30, True) + 8
            # the words leave room for the dots and the message above the buttons
            below = self.fonts.line_height(36, True) + 16 + self.fonts.line_height(20) + 8
            room = pygame.Rect(b.left + 32, top, b.width - 64, b.bottom - 100 - below - top)
            y = self.paragraph(
                surface, body, room, self.paragraph_size(body, 22, room), palette.INK
            )
            if not self.unlocked:
                dots = "● " * len(self.typed) or "–"
                self.text(surface, dots, (b.left + 32, y + 16), 36, palette.INK, True)
            if self.message:
                self.text(
                    surface,
                    self.message,
                    (b.left + 32, b.bottom - 108 - self.fonts.line_height(20)),
                    20,
                    palette.BAD_TEXT,
                    max_width=b.width - 64,
                )
