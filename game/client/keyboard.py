"""An on-screen keyboard for a touch screen with no physical keys (a public stand).

pygame_gui has no on-screen keyboard, so this one is made of its buttons: a panel of keys
that types into one UITextEntryLine. A scene makes it in build() (`OnScreenKeyboard(...)`,
then `.build()`), passes every event through `.watch()` first (a tap on the text box shows
it at a stand, or wherever a finger did the tapping), and keeps its own taps off whatever
lies under the panel with `.covers()`.

The keys are at least 48 px at 1080p (32 px on the 1280x720 design). Place names need only
letters, space, the apostrophe, the hyphen and the full stop ("St. Helens", "Stoke-on-Trent",
"King's Lynn"); names are matched ignoring accents, so no Welsh letters are needed there.
The free-text layout (the room's ideas box) adds digits and a little more punctuation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Literal

import pygame
import pygame_gui

from game.client import palette
from game.client.assets import BUTTON_SIZES
from game.client.scene import Scene

Layout = Literal["place", "text"]
MIN_KEY = 32  # design px: 48 px at 1080p
GAP = 6
PAD = 8
_ROWS: dict[str, tuple[str, ...]] = {
    "place": ("qwertyuiop", "asdfghjkl'", "zxcvbnm-."),
    "text": ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-.,?"),
}
_SENTENCE_ENDS = (". ", "? ", "! ")


def rows_of(layout: Layout) -> tuple[str, ...]:
    return _ROWS[layout]


def panel_height(layout: Layout, key_h: int = 44) -> int:
    """The panel's height for a layout: its character rows and the Space/Done row."""
    n = len(_ROWS[layout]) + 1
    return 2 * PAD + n * key_h + (n - 1) * GAP


def in_kiosk(scene: object) -> bool:
    """A public stand (play --kiosk): its text boxes show the keys when tapped."""
    return getattr(getattr(scene, "ctx", None), "kiosk", None) is not None


class OnScreenKeyboard:
    """Keys in `rect` of `scene` typing into `entry`; `on_change(text)` after each key."""

    def __init__(
        self,
        scene: Scene,
        rect: pygame.Rect,
        entry: pygame_gui.elements.UITextEntryLine,
        on_change: Callable[[str], None] = lambda _text: None,
        layout: Layout = "place",
        shown: bool = False,
    ) -> None:
        self.scene = scene
        self.rect = pygame.Rect(rect)
        self.entry = entry
        self.on_change = on_change
        self.layout: Layout = layout
        self.shown = shown
        self.keys: list[pygame_gui.elements.UIButton] = []
        self._covered: list[pygame_gui.elements.UIButton] = []  # hidden under the keys

    # -- widgets ------------------------------------------------------------------------------
    def build(self) -> None:
        """Make the key buttons (hidden unless shown). Call from the scene's build()."""
        r = self.rect
        rows = _ROWS[self.layout]
        n = len(rows) + 1
        key_h = (r.height - 2 * PAD - (n - 1) * GAP) // n
        widest = max(len(row) for row in rows) + 1  # the last row has room for Delete
        key_w = (r.width - 2 * PAD - (widest - 1) * GAP) // widest
        assert min(key_w, key_h) >= MIN_KEY, "on-screen keys must be finger-sized"
        self.keys = []
        y = self._character_rows(rows, widest, key_w, key_h)
        self._bottom_row(y, key_w, key_h)
        self._show_keys(self.shown)

    def _character_rows(self, rows: tuple[str, ...], widest: int, key_w: int, key_h: int) -> int:
        """The letter rows, centred, with Delete closing the last; returns the next row's y.
        Every key takes one text size (the one the widest label fits), so W is no smaller
        than I."""
        r = self.rect
        labels = [ch.upper() if ch.isalpha() else ch for row in rows for ch in row] + ["⌫"]
        order = list(BUTTON_SIZES)
        size = max((self.scene.fit_button_size(lab, key_w) for lab in labels), key=order.index)
        y = r.top + PAD
        for i, row in enumerate(rows):
            last = i == len(rows) - 1
            x = r.left + PAD + (widest - len(row) - int(last)) * (key_w + GAP) // 2
            for ch in row:
                label = ch.upper() if ch.isalpha() else ch
                self._key((x, y, key_w, key_h), label, functools.partial(self.type, ch), ch, size)
                x += key_w + GAP
            if last:  # Delete closes the last row, as on a real keyboard
                self._key((x, y, r.right - PAD - x, key_h), "⌫", self.backspace, "delete", size)
            y += key_h + GAP
        return y

    def _bottom_row(self, y: int, key_w: int, key_h: int) -> None:
        """Clear, Space and Done, Clear and Done as wide as their words need (Welsh, big
        text), Space taking the rest."""
        t, r, f = self.scene.t, self.rect, self.scene.fonts
        clear, space, done = t("keyboard.clear"), t("keyboard.space"), t("keyboard.done")
        inner = r.width - 2 * PAD
        clear_w = max(inner // 5, f.size(clear, BUTTON_SIZES["small"], True)[0] + 24)
        done_w = max(inner // 4, f.size(done, BUTTON_SIZES["normal"], True)[0] + 24)
        space_w = max(2 * key_w, inner - clear_w - done_w - 2 * GAP)
        fit = self.scene.fit_button_size
        size = max(fit(clear, clear_w), fit(space, space_w), key=list(BUTTON_SIZES).index)
        x = r.left + PAD
        self._key((x, y, clear_w, key_h), clear, self.clear, "clear", size)
        x += clear_w + GAP
        type_space = functools.partial(self.type, " ")
        self._key((x, y, space_w, key_h), space, type_space, "space", size)
        x += space_w + GAP
        self._key((x, y, r.right - PAD - x, key_h), done, self.hide, "done", cls="big")

    def _key(
        self,
        rect: tuple[int, int, int, int],
        label: str,
        action: Callable[[], None],
        name: str,
        size: str | None = None,
        cls: str = "secondary",
    ) -> None:
        # not in the Tab ring: a keyboard user types on the real keys
        b = self.scene.button(
            rect, label, action, cls=cls, name=f"osk_{name}", focusable=False, size=size
        )
        self.keys.append(b)

    def _show_keys(self, shown: bool) -> None:
        """Show or hide the keys, and hide the scene's own buttons under them meanwhile
        (two buttons in one place would both answer a tap)."""
        if shown:
            self._covered = [
                b
                for b in self.scene.buttons()
                if b.visible and b not in self.keys and b.rect.colliderect(self.rect)
            ]
        for b in self.keys + self._covered:
            if shown == (b in self.keys):
                b.show()
            else:
                b.hide()
        if not shown:
            self._covered = []

    # -- showing ------------------------------------------------------------------------------
    def show(self) -> None:
        if not self.shown:
            self.shown = True
            self._show_keys(True)
        self._keep_cursor()

    def hide(self) -> None:
        if self.shown:
            self.shown = False
            self._show_keys(False)

    def toggle(self) -> None:
        if self.shown:
            self.hide()
        else:
            self.show()

    def covers(self, pos: tuple[int, int]) -> bool:
        """True when a tap at `pos` lands on the keyboard (not on what lies under it)."""
        return self.shown and self.rect.collidepoint(pos)

    def watch(self, event: pygame.event.Event) -> None:
        """A tap on the text box shows the keyboard at a stand (or when a finger tapped)."""
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and getattr(event, "button", 1) == 1
            and self.entry.alive()
            and self.entry.rect.collidepoint(event.pos)
            and (in_kiosk(self.scene) or getattr(event, "touch", False))
        ):
            self.show()

    # -- typing -------------------------------------------------------------------------------
    def type(self, ch: str) -> None:
        text = self.entry.get_text()
        if ch.isalpha() and (not text.strip() or text.endswith(_SENTENCE_ENDS)):
            ch = ch.upper()  # a capital to start, as a phone keyboard does
        limit = self.entry.length_limit
        if limit is None or len(text) < limit:
            self._set(text + ch)
        else:
            self._keep_cursor()

    def backspace(self) -> None:
        self._set(self.entry.get_text()[:-1])

    def clear(self) -> None:
        self._set("")

    def _set(self, text: str) -> None:
        self.entry.set_text(text)
        self._keep_cursor()
        self.on_change(text)

    def _keep_cursor(self) -> None:
        """The key tapped took pygame_gui's focus: give it back to the box, so the cursor
        shows where the next letter goes (always the end: keys type at the end)."""
        ui = self.scene.ui
        if ui is not None and self.entry.alive():
            self.scene.focus.set(self.entry)  # the box's place in the Tab ring, if it has one
            ui.set_focus_set(self.entry)

    def draw(self, surface: pygame.Surface) -> None:
        """The panel behind the keys (call before the widgets are drawn)."""
        if self.shown:
            pygame.draw.rect(surface, palette.PAPER, self.rect, border_radius=10)
            pygame.draw.rect(surface, palette.INK, self.rect, 2, border_radius=10)
