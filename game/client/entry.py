"""A dialog with text boxes that keep the keys typed into them (the room dialogs): Enter
submits, Tab and the arrows leave the box, a rebuilt box keeps its text and the cursor."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

from game.client.focus import Focusable
from game.client.keyboard import OnScreenKeyboard
from game.client.scene import Modal


class EntryModal(Modal):
    """A modal with one or more text boxes that keep the keys typed into them."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.entries: dict[str, pygame_gui.elements.UITextEntryLine] = {}
        self.osk: OnScreenKeyboard | None = None  # on-screen keys (a touch-only stand)

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

    def add_keyboard(self, name: str, rect: pygame.Rect, toggle: pygame.Rect) -> None:
        """On-screen keys for the text box `name` (call last in build(), so the keys lie
        above the widgets they cover), and the ⌨ button at `toggle` that shows them."""
        shown = self.osk is not None and self.osk.shown
        self.osk = OnScreenKeyboard(self, rect, self.entries[name], layout="text", shown=shown)
        self.button(toggle, "⌨", self.osk.toggle, cls="secondary", name="keyboard")
        self.osk.build()

    def draw_keyboard(self, surface: pygame.Surface) -> None:
        """The keys' panel, over the dialog's own text (call last in draw_scene)."""
        if self.osk is not None:
            self.osk.draw(surface)

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
        if self.osk is not None:
            self.osk.watch(event)  # a tap on the box brings up the keys at a stand
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


def first_line(exc: BaseException) -> str:
    """An error as one short line for a dialog."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
