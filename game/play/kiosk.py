"""The public stand's rules (`play --kiosk N`): pure logic with an injected clock.

A stand runs all day with nobody minding it. This module decides, from the time and what
the visitor does, what the window should show; the client only draws it and reports input:

    attract --touch--> playing --idle N s--> still_there --countdown ends--> attract
                          ^                      |
                          +------- touch --------+

* Quit, closing the window, F11 and the OS close shortcut do nothing unless staff unlock the
  stand: the staff chord (default Ctrl+Alt+Shift+S), then the PIN set at start. Three wrong
  PINs lock the prompt for a minute.
* Each visitor starts fresh: no "Continue" of the previous visitor's game, and the settings a
  visitor changed (language, text size) go back to the stand's defaults at every reset.
* A finished game is recorded (game.store.records: a new file, never overwritten).

No pygame, no wall clock: `clock` is any function returning seconds (time.monotonic in the
game, a counter in tests).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Screen = Literal["attract", "playing", "still_there", "staff_pin", "staff_unlocked"]
DEFAULT_CHORD = ("ctrl", "alt", "shift", "s")
PIN_TRIES = 3
PIN_LOCKOUT_S = 60.0


class StandSettings(BaseModel):
    """What every visitor starts with (the settings in force when the stand was started)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = "en"
    text_scale: float = Field(default=1.0, ge=0.5, le=2.0)


class KioskConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    idle_s: float = Field(gt=0, description="seconds untouched before 'Still there?'")
    countdown_s: float = Field(default=20.0, gt=0, description="'Still there?' countdown")
    pin: str = Field(description="staff PIN, 4 to 8 digits")
    chord: tuple[str, ...] = DEFAULT_CHORD
    stand: StandSettings = StandSettings()
    area: str | None = None  # the stand's own area: the attract screen shows its facts

    @field_validator("pin")
    @classmethod
    def _digits(cls, v: str) -> str:
        if not (v.isdigit() and 4 <= len(v) <= 8):
            raise ValueError("the staff PIN must be 4 to 8 digits")
        return v

    @field_validator("chord")
    @classmethod
    def _chord(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if len(v) < 2:
            raise ValueError("the staff chord needs at least two keys held together")
        return tuple(k.lower() for k in v)


def new_pin() -> str:
    """A PIN for a stand started without one (printed once in the terminal at start)."""
    return f"{secrets.randbelow(10**4):04d}"


class KioskPolicy:
    """The stand's state machine. Call `tick()` every frame and `touch()` on any input."""

    def __init__(self, config: KioskConfig, clock: Callable[[], float]) -> None:
        self.config = config
        self.clock = clock
        self.screen: Screen = "attract"
        self.visits = 0  # games started since the stand opened
        self._last_input = clock()
        self._warned_at = 0.0
        self._pin_fails = 0
        self._locked_until = 0.0
        self._before_pin: Screen = "attract"

    # -- visitors ---------------------------------------------------------------------------
    def touch(self) -> None:
        """Any key, click or finger. Answers 'Still there?' with yes; the attract screen
        waits for an explicit start_visit() (its 'Touch to play')."""
        self._last_input = self.clock()
        if self.screen == "still_there":
            self.screen = "playing"

    def start_visit(self) -> StandSettings:
        """A visitor starts: always a new game, with the stand's settings."""
        self.touch()
        self.visits += 1
        self.screen = "playing"
        return self.config.stand

    def tick(self) -> Literal["reset"] | None:
        """Advance the clock's consequences. Returns "reset" once when the idle countdown
        runs out: the client then drops the game and shows the attract screen with
        `config.stand` settings."""
        now = self.clock()
        if self.screen == "playing" and now - self._last_input >= self.config.idle_s:
            self.screen = "still_there"
            self._warned_at = now
        elif self.screen == "still_there" and now - self._warned_at >= self.config.countdown_s:
            self.screen = "attract"
            self._last_input = now
            return "reset"
        return None

    def countdown_left(self) -> int:
        """Whole seconds left on 'Still there?' (0 when it is not showing)."""
        if self.screen != "still_there":
            return 0
        left = self.config.countdown_s - (self.clock() - self._warned_at)
        return max(0, int(left + 0.999))

    @property
    def can_continue(self) -> bool:
        """Never at a stand: the previous visitor's game is theirs."""
        return False

    # -- staff ------------------------------------------------------------------------------
    def allows_quit(self) -> bool:
        """Quit, window close, F11 and the OS close shortcut act only once staff unlocked."""
        return self.screen == "staff_unlocked"

    def keys_held(self, keys: Iterable[str]) -> bool:
        """Report the keys held now (names, any case); the full chord opens the PIN prompt.
        Returns True when it did."""
        held = {k.lower() for k in keys}
        if self.screen in ("staff_pin", "staff_unlocked") or not set(self.config.chord) <= held:
            return False
        self._before_pin = self.screen
        self.screen = "staff_pin"
        return True

    def enter_pin(self, pin: str) -> Literal["unlocked", "wrong", "locked"]:
        """Check the PIN typed at the staff prompt."""
        now = self.clock()
        if self.screen != "staff_pin":
            return "locked"
        if now < self._locked_until:
            return "locked"
        if secrets.compare_digest(pin.strip(), self.config.pin):
            self._pin_fails = 0
            self.screen = "staff_unlocked"
            return "unlocked"
        self._pin_fails += 1
        if self._pin_fails >= PIN_TRIES:
            self._pin_fails = 0
            self._locked_until = now + PIN_LOCKOUT_S
            self.cancel_pin()
            return "locked"
        return "wrong"

    def cancel_pin(self) -> None:
        """Leave the staff prompt (or the unlocked state) back to what the visitor saw."""
        if self.screen in ("staff_pin", "staff_unlocked"):
            self.screen = self._before_pin
            self._last_input = self.clock()
