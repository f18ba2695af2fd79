"""Drive the app without a person: click widgets, type, press keys, wait for scenes.

Used by the screenshot tool, the benchmark and the tests (Textual's "pilot" idea): every
input goes through the same event path a real mouse or keyboard uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pygame

from game.client.app import App
from game.client.scene import Scene

S = TypeVar("S", bound=Scene)


class Pilot:
    def __init__(self, app: App, max_frames: int = 2000) -> None:
        self.app = app
        self.max_frames = max_frames

    @property
    def scene(self) -> Scene:
        top = self.app.stack.top
        assert top is not None, "no scene is showing"
        return top

    def scene_as(self, kind: type[S]) -> S:
        """The top scene, which must be a `kind` (for reaching a screen's own state)."""
        top = self.scene
        assert isinstance(top, kind), f"top scene is {top.name}, not a {kind.__name__}"
        return top

    def frame(self, n: int = 1) -> None:
        for _ in range(n):
            self.app.step()

    def until(self, predicate: Callable[[], bool], what: str = "condition") -> None:
        """Step frames until predicate() holds. With worker threads on, frames are paced
        (as the real 60 fps loop is) and the limit is wall-clock time, not a frame count."""
        threaded = self.app.ctx.threaded
        deadline = time.monotonic() + 120.0
        frames = 0
        while frames < self.max_frames or (threaded and time.monotonic() < deadline):
            self.app.step()
            frames += 1
            if predicate():
                return
            if threaded:
                time.sleep(0.002)
        top = self.app.stack.top
        raise TimeoutError(f"gave up waiting for {what}; top scene is {top and top.name}")

    def until_scene(self, name: str) -> None:
        self.until(
            lambda: (
                self.app.stack.top is not None
                and self.app.stack.top.name == name
                and not self.app.stack.has_pending
            ),
            f"scene '{name}'",
        )

    def click_at(self, pos: tuple[int, int]) -> None:
        self.app.step(
            events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))]
        )
        self.app.step(events=[pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos)])
        self.app.step(events=[pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos)])
        self.app.step()  # pygame_gui posts the press event; this frame handles it

    def click(self, name_or_text: str) -> None:
        button = self.scene.find_button(name_or_text)
        if button is None:
            labels = [b.text for b in self.scene.buttons()]
            raise LookupError(f"no button '{name_or_text}' on {self.scene.name}: {labels}")
        if not button.is_enabled:
            raise LookupError(f"button '{name_or_text}' is disabled on {self.scene.name}")
        self.click_at(button.rect.center)

    def hover(self, pos: tuple[int, int]) -> None:
        self.app.step(
            events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))]
        )

    def press(self, key: int, mod: int = 0, unicode: str = "") -> None:
        self.app.step(
            events=[
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0),
                pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0),
            ]
        )

    def type(self, text: str) -> None:
        for ch in text:
            key = pygame.key.key_code(ch.lower()) if ch.isalnum() else 0
            self.app.step(
                events=[
                    pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=ch, scancode=0),
                    pygame.event.Event(pygame.TEXTINPUT, text=ch),
                ]
            )

    def focus_to(self, name: str, limit: int = 80) -> None:
        """Tab until the named widget has keyboard focus (keyboard-only play)."""
        for _ in range(limit):
            cur = self.scene.focus.current
            if cur is not None and cur.name == name:
                return
            self.press(pygame.K_TAB)
        raise LookupError(f"could not tab to '{name}' on {self.scene.name}")

    def activate(self, name: str) -> None:
        self.focus_to(name)
        self.press(pygame.K_RETURN)
        self.frame()

    def end_year(self, keyboard: bool = False) -> None:
        """Press "End year" and, when the game asks because fundable cards are still open,
        confirm (by Tab to the confirm button, or by mouse)."""
        if keyboard:
            self.activate("end_year")
        else:
            self.click("end_year")
        self.frame()
        if self.app.stack.top is not None and self.app.stack.top.name == "confirm":
            if keyboard:
                self.activate("yes")
            else:
                self.click("yes")
            self.frame()

    def texts(self) -> list[str]:
        return self.scene.visible_text()

    def screenshot(self, path) -> None:
        pygame.image.save(self.app.surface, str(path))
