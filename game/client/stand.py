"""The public stand in the window: game.play.kiosk's rules wired to events and scenes.

The App hands every event to `Stand.filter` first and calls `Stand.tick` once a frame. The
stand eats Quit, window close and F11 until staff unlock it (chord + PIN), opens "Still
there?" when the visitor goes quiet, and on the reset puts the stand's settings back and
shows the attract screen. A game that reaches the final census is recorded once, in a new
file (game.store.records), never over an earlier one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.client.scene import Host
from game.play.kiosk import KioskConfig, KioskPolicy
from game.store.records import record_finished

INPUT = {
    pygame.KEYDOWN,
    pygame.MOUSEBUTTONDOWN,
    pygame.FINGERDOWN,
    pygame.TEXTINPUT,
    pygame.MOUSEWHEEL,
}
CLOSE = {pygame.QUIT, pygame.WINDOWCLOSE}
_MOD_NAMES = ((pygame.KMOD_CTRL, "ctrl"), (pygame.KMOD_ALT, "alt"), (pygame.KMOD_SHIFT, "shift"))


def held_keys(event: pygame.event.Event) -> set[str]:
    """The key pressed and the modifiers held with it, by name ("ctrl", "s")."""
    names = {name for mod, name in _MOD_NAMES if event.mod & mod}
    names.add(pygame.key.name(event.key).lower())
    return names


class Stand:
    def __init__(
        self,
        app: Host,
        config: KioskConfig,
        clock: Callable[[], float] = time.monotonic,
        records: Path | None = None,
        stamp: Callable[[], str] | None = None,
    ) -> None:
        self.app = app
        self.policy = KioskPolicy(config, clock)
        self.home = config.area  # the stand's own area, if it has one (attract screen)
        self.records = records
        self._stamp = stamp or (lambda: time.strftime("%Y%m%dT%H%M%S"))
        self._recorded: set[int] = set()  # sessions already recorded (by id)
        self.recorded: list[Path] = []

    # -- events -------------------------------------------------------------------------------
    def filter(self, event: pygame.event.Event) -> bool:
        """True when the stand handled the event and nobody else should see it."""
        if event.type in INPUT:
            self.policy.touch()
        if event.type in CLOSE:
            if self.policy.allows_quit():
                self.app.quit()
            return True  # the window stays; only staff can close it
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_F11 or (event.key == pygame.K_F4 and event.mod & pygame.KMOD_ALT):
            return not self.policy.allows_quit()
        if self.policy.keys_held(held_keys(event)):
            self.app.stack.push(self.app.screens.staff_pin())
            return True
        return False

    # -- the frame ----------------------------------------------------------------------------
    def tick(self) -> None:
        result = self.policy.tick()
        top = self.app.stack.top
        showing = top is None or top.name == "still_there" or self.app.stack.has_pending
        if self.policy.screen == "still_there" and not showing:
            self.app.stack.push(self.app.screens.still_there())
        if result == "reset":
            self.reset()
        self._record_finished()

    def start_visit(self) -> None:
        """ "Touch to play": a new visitor, a new game, the stand's settings."""
        self._apply_stand_settings()
        self.policy.start_visit()
        self.app.stack.push(self.app.screens.area_choice())
        room = getattr(self.app.ctx, "room", None)
        if room is not None and not room.about_asked:  # each visitor, once, before the game
            self.app.stack.push(self.app.screens.about_you())

    def reset(self) -> None:
        """Back to the attract screen for the next visitor: the game is dropped (a finished
        one was recorded), and language and text size go back to the stand's."""
        self._record_finished()
        self.app.ctx.session = None
        room = getattr(self.app.ctx, "room", None)  # a stand joined to a room (game.room)
        if room is not None:
            room.new_player()  # the next visitor is a new player there too
        self.app.stack.reset(self.app.screens.attract())
        # The old game's screens go before the stand's settings are put back: rebuilding a
        # year screen in the stand's language needs the game just dropped (it crashed).
        self.app.stack.apply_pending()
        self._apply_stand_settings()

    def _apply_stand_settings(self) -> None:
        stand, settings = self.policy.config.stand, self.app.ctx.settings
        if (settings.language, settings.text_scale) != (stand.language, stand.text_scale):
            settings.language, settings.text_scale = stand.language, stand.text_scale
            self.app.apply_language_and_scale()

    def _record_finished(self) -> None:
        session = self.app.ctx.session
        if session is None or not session.finished or id(session) in self._recorded:
            return
        self._recorded.add(id(session))
        if self.records is not None:
            path = record_finished(
                session.to_save(), self.records, session.area.code, self._stamp()
            )
            self.recorded.append(path)
