"""Keyboard focus: Tab / Shift+Tab / arrow keys move it, Enter or Space activates it.

pygame_gui 0.6 has no keyboard navigation between buttons, so each scene keeps its own ring
of focusable widgets and draws a thick two-colour outline round the focused one (visible on
both light and dark backgrounds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.client import palette


@dataclass
class Focusable:
    rect_of: Callable[[], pygame.Rect]
    activate: Callable[[], None]
    enabled: Callable[[], bool]
    name: str = ""
    element: object | None = None  # the pygame_gui element, if any
    on_focus: Callable[[], None] | None = None
    ring: bool = True  # False: the item draws its own focus highlight (list rows)


class FocusRing:
    def __init__(self) -> None:
        self.items: list[Focusable] = []
        self.index: int = 0
        self.visible = True

    def clear(self) -> None:
        self.items.clear()
        self.index = 0

    def add(self, item: Focusable) -> Focusable:
        self.items.append(item)
        return item

    @property
    def current(self) -> Focusable | None:
        if not self.items:
            return None
        self.index %= len(self.items)
        return self.items[self.index]

    def _usable(self, i: int) -> bool:
        return self.items[i].enabled()

    def move(self, step: int) -> None:
        n = len(self.items)
        if not n:
            return
        i = self.index
        for _ in range(n):
            i = (i + step) % n
            if self._usable(i):
                self.index = i
                break
        self._notify()

    def set(self, item: Focusable | object) -> None:
        for i, it in enumerate(self.items):
            if it is item or (it.element is not None and it.element is item):
                self.index = i
                self._notify()
                return

    def set_by_name(self, name: str, notify: bool = True) -> bool:
        for i, it in enumerate(self.items):
            if it.name == name:
                self.index = i
                if notify:
                    self._notify()
                return True
        return False

    def ensure_usable(self) -> None:
        if self.items and not self._usable(self.index % len(self.items)):
            self.move(1)

    def _notify(self) -> None:
        cur = self.current
        if cur and cur.on_focus:
            cur.on_focus()

    def activate(self) -> bool:
        cur = self.current
        if cur is None or not cur.enabled():
            return False
        cur.activate()
        return True

    def draw(self, surface: pygame.Surface) -> None:
        cur = self.current
        if not self.visible or cur is None or not cur.enabled() or not cur.ring:
            return
        r = cur.rect_of().inflate(10, 10)
        pygame.draw.rect(surface, palette.FOCUS, r, width=5, border_radius=10)
        pygame.draw.rect(surface, palette.FOCUS_INNER, r.inflate(-8, -8), width=2, border_radius=8)
