"""Scenes and the scene stack.

A scene owns its own pygame_gui manager, so a modal dialog's widgets sit above the scene
below and only the top scene receives input. Stack changes are queued and applied between
frames, never in the middle of event dispatch. Modal scenes return a result to the caller
through the `on_result` callback given to `push` (Textual's dismiss pattern).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.client import palette
from game.client.assets import BUTTON_SIZES, SMALLEST_PX, button_class, button_sizes
from game.client.context import AppContext
from game.client.focus import Focusable, FocusRing
from game.play import YearSummary

W, H = 1280, 720  # the design resolution; the window scales this
SCREEN = pygame.Rect(0, 0, W, H)


@dataclass(frozen=True)
class TextBox:
    """Where a piece of drawn text landed and the box it was meant to stay inside (the
    layout test checks every one at the largest text size)."""

    text: str
    rect: pygame.Rect
    box: pygame.Rect
    cut: bool = False  # shortened with an ellipsis to fit
    size: int = 0  # the text size it was drawn at (0: unknown), so a check can find its ink
    bold: bool = False


class Screens(Protocol):
    """How one screen opens another without importing it: each call builds a new scene
    (game.client.registry implements this; scenes never import each other)."""

    def title(self) -> Scene: ...
    def attract(self) -> Scene: ...
    def still_there(self) -> Scene: ...
    def staff_pin(self) -> Scene: ...
    def area_choice(self) -> Scene: ...
    def start_game(self, area_code: str, area_name: str) -> Scene: ...
    def continue_game(self) -> Scene: ...
    def year(self) -> Scene: ...
    def advance(self) -> Scene: ...
    def newspaper(self, summary: YearSummary) -> Scene: ...
    def report(self, kind: str) -> Scene: ...
    def charts(self, tab: str = "population", group: str | None = None) -> Scene: ...
    def consult(self, card_id: str) -> Scene: ...
    def go_back(self) -> Scene: ...
    def futures(self) -> Scene: ...
    def menu(self) -> Scene: ...
    def help(self) -> Scene: ...
    def how_to_play(self) -> Scene: ...
    def settings(self) -> Scene: ...
    def credits(self) -> Scene: ...
    # rooms (issue 11)
    def join_room(self) -> Scene: ...
    def about_you(self) -> Scene: ...
    def room_ideas(self) -> Scene: ...
    def you_and_room(self) -> Scene: ...
    # class games (issue 12)
    def class_lobby(self) -> Scene: ...
    def class_year(self) -> Scene: ...


class Host(Protocol):
    """What a scene may ask of the application that shows it (game.client.app.App)."""

    ctx: AppContext
    stack: SceneStack
    screens: Screens

    def new_manager(self) -> pygame_gui.UIManager: ...
    def release_manager(self, manager: pygame_gui.UIManager) -> None: ...
    def dim_surface(self) -> pygame.Surface: ...
    def toggle_fullscreen(self) -> None: ...
    def save_settings(self) -> None: ...
    def apply_language_and_scale(self) -> None: ...
    def quit(self) -> None: ...


class Scene:
    opaque = True
    name = "scene"

    def __init__(self, app: Host) -> None:
        self.app = app
        self.ctx = app.ctx
        self.t = app.ctx.tr
        self.fonts = app.ctx.fonts
        self.ui: pygame_gui.UIManager = None  # type: ignore[assignment]  # set on enter
        self.focus = FocusRing()
        self._actions: dict[object, Callable[[], None]] = {}
        self.drawn_text: list[str] = []  # text drawn outside pygame_gui in the last frame
        self.text_boxes: list[TextBox] = []  # and where it went (layout checks)
        self._boxes: list[pygame.Rect] = []
        self.result: Any = None

    # -- lifecycle ----------------------------------------------------------------------
    def on_enter(self) -> None:
        if self.ui is None:
            self.ui = self.app.new_manager()
        self.build()

    def on_exit(self) -> None:
        if self.ui is not None:
            self.app.release_manager(self.ui)
            self.ui = None  # type: ignore[assignment]

    def on_pause(self) -> None:
        pass

    def on_resume(self) -> None:
        pass

    def build(self) -> None:
        """Create widgets. Called on enter and whenever the scene must be rebuilt."""

    def rebuild(self, keep_focus: bool = True) -> None:
        name = self.focus.current.name if (keep_focus and self.focus.current) else None
        self.ui.clear_and_reset()
        self._actions.clear()
        self.focus.clear()
        self.build()
        if name:
            self.focus.set_by_name(name, notify=False)  # keep what the last action said
        self.focus.ensure_usable()

    # -- widgets ------------------------------------------------------------------------
    def button(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        text: str,
        action: Callable[[], None],
        *,
        cls: str | None = None,
        name: str = "",
        enabled: bool = True,
        container: pygame_gui.core.UIContainer | None = None,
        tooltip: str | None = None,
        focusable: bool = True,
        on_focus: Callable[[], None] | None = None,
        size: str | None = None,
    ) -> pygame_gui.elements.UIButton:
        rect = pygame.Rect(rect)
        obj = ObjectID(
            class_id=self._fit_class(cls, text, rect.width, size),
            object_id=f"#{name}" if name else None,
        )
        b = pygame_gui.elements.UIButton(
            rect,
            text,
            self.ui,
            container=container,
            object_id=obj,
            tool_tip_text=tooltip,
        )
        if not enabled:
            b.disable()
        self._actions[b] = action
        if focusable:
            self.focus.add(
                Focusable(
                    rect_of=lambda: b.rect,
                    activate=action,
                    enabled=lambda: bool(b.is_enabled and b.visible),
                    name=name or text,
                    element=b,
                    on_focus=on_focus,
                )
            )
        return b

    def fit_button_size(self, text: str, width: int, start: str = "normal") -> str:
        """The largest button text size (a BUTTON_SIZES name) from `start` down whose label
        fits; a row of buttons takes the smallest of its labels' sizes, so it reads as one."""
        sizes = button_sizes(self.fonts.text_scale, start)
        for candidate in sizes:
            if self.fonts.size(text, BUTTON_SIZES[candidate], bold=True)[0] <= width - 14:
                return candidate
        return sizes[-1]

    def _fit_class(self, cls: str | None, text: str, width: int, start: str | None = None) -> str:
        """The theme class for a button: its colours, at the largest text size whose label
        fits (Welsh labels and the bigger text settings are often longer)."""
        colour, size = {
            None: ("plain", "normal"),
            "big": ("plain", "big"),
            "small": ("plain", "small"),
            "toggle_on": ("toggle_on", "small"),
            "toggle_off": ("toggle_off", "small"),
        }.get(cls, (cls or "plain", "normal"))
        return button_class(colour, self.fit_button_size(text, width, start or size))

    def buttons(self) -> list[pygame_gui.elements.UIButton]:
        return [e for e in self._actions if isinstance(e, pygame_gui.elements.UIButton)]

    def find_button(self, name_or_text: str) -> pygame_gui.elements.UIButton | None:
        for b in self.buttons():
            if b.text == name_or_text or f"#{name_or_text}" in b.object_ids:
                return b
        return None

    # -- text drawn outside pygame_gui -------------------------------------------------
    @contextmanager
    def within(self, rect: pygame.Rect) -> Iterator[pygame.Rect]:
        """Text drawn inside this block belongs to `rect` (a panel, a chart, a dialog)."""
        self._boxes.append(pygame.Rect(rect))
        try:
            yield self._boxes[-1]
        finally:
            self._boxes.pop()

    def _record(
        self, text: str, rect: pygame.Rect, cut: bool = False, size: int = 0, bold: bool = False
    ) -> None:
        box = self._boxes[-1] if self._boxes else SCREEN
        self.text_boxes.append(TextBox(text, pygame.Rect(rect), box, cut, size, bold))

    def text(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        size: int = 20,
        colour: tuple[int, int, int] = palette.INK,
        bold: bool = False,
        anchor: str = "topleft",
        max_width: int | None = None,
        box: pygame.Rect | None = None,
    ) -> pygame.Rect:
        shown = text
        if max_width is not None:
            # shrink (to a floor still readable from the back of a room: 13 px on the
            # 1280x720 design), then cut with an ellipsis: long Welsh words, bigger text
            floor = min(size, math.ceil(13 / self.fonts.text_scale))
            while size > floor and self.fonts.size(text, size, bold)[0] > max_width:
                size -= 1
            while len(shown) > 1 and self.fonts.size(shown, size, bold)[0] > max_width:
                shown = shown[:-2].rstrip() + "…"
        img = self.fonts.render(shown, size, colour, bold)
        r = img.get_rect(**{anchor: pos})
        surface.blit(img, r)
        self.drawn_text.append(text)
        if box is not None:
            self._boxes.append(pygame.Rect(box))
        self._record(shown, r, shown != text, size, bold)
        if box is not None:
            self._boxes.pop()
        return r

    def fit_size(
        self, text: str, size: int, max_width: int, bold: bool = False, floor: int = 12
    ) -> int:
        """The largest size up to `size` at which `text` fits `max_width` (not below floor)."""
        while size > floor and self.fonts.size(text, size, bold)[0] > max_width:
            size -= 1
        return size

    def paragraph_size(self, text: str, size: int, rect: pygame.Rect, bold: bool = False) -> int:
        """The largest size up to `size` whose wrapped lines fit `rect`, never under ~20 px
        at 1080p (the projector sizes' floor): long Welsh and 200% text step down."""
        floor = math.ceil(SMALLEST_PX / self.fonts.text_scale)
        lines = self.wrapped_lines
        while (
            size > floor
            and lines(text, size, rect.width, bold) * self.fonts.line_height(size, bold)
            > rect.height
        ):
            size -= 1
        return size

    def paragraph(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        size: int = 20,
        colour: tuple[int, int, int] = palette.INK,
        bold: bool = False,
        max_lines: int | None = None,
    ) -> int:
        """Word-wrapped text in a box; returns the y just below the last line."""
        lines = self.fonts.wrap(text, size, rect.width, bold)
        cut = False
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1].rstrip(" .,") + "…"
            cut = True
        y = rect.top
        lh = self.fonts.line_height(size, bold)
        for line in lines:
            img = self.fonts.render(line, size, colour, bold)
            surface.blit(img, (rect.left, y))
            self._record(line, img.get_rect(topleft=(rect.left, y)), cut, size, bold)
            y += lh
        self.drawn_text.append(text)
        return y

    def wrapped_lines(self, text: str, size: int, width: int, bold: bool = False) -> int:
        return len(self.fonts.wrap(text, size, width, bold))

    # -- frame ---------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Return True if the event was consumed."""
        if event.type == pygame.KEYDOWN:
            if self.on_key(event):
                return True
            if event.key == pygame.K_TAB:
                self.focus.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.focus.current is not None and self.focus.current.enabled():
                    self.ctx.play_sound("click")
                return self.focus.activate()
            if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
                self.focus.move(1)
                return True
            if event.key in (pygame.K_UP, pygame.K_LEFT):
                self.focus.move(-1)
                return True
            if event.key == pygame.K_ESCAPE:
                return self.on_back()
        consumed = self.ui.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self._actions.get(event.ui_element)
            if action is not None:
                self.focus.set(event.ui_element)
                self.ctx.play_sound("click")
                action()
                return True
        return consumed

    def on_key(self, event: pygame.event.Event) -> bool:
        """Scene-specific keys, checked before the focus keys."""
        return False

    def on_back(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Fixed-step logic (animations, polling workers)."""

    def draw(self, surface: pygame.Surface) -> None:
        self.drawn_text = []
        self.text_boxes = []
        self._boxes = []
        self.draw_scene(surface)
        self.ui.draw_ui(surface)
        self.draw_over(surface)
        self.focus.draw(surface)

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn above the widgets (tooltips, hover boxes)."""

    def visible_text(self) -> list[str]:
        """Every string on screen: widget labels and drawn text (tests assert on this)."""
        out = [b.text for b in self.buttons() if b.visible]
        root = self.ui.get_root_container()
        for el in root.elements if isinstance(root, pygame_gui.core.UIContainer) else ():
            # labels and text boxes carry a `text`; other elements have none
            txt = getattr(el, "text", None)
            if isinstance(txt, str) and txt not in out:
                out.append(txt)
            if isinstance(el, pygame_gui.elements.UITextEntryLine):
                out.append(el.get_text())
        return out + self.drawn_text

    # -- helpers -------------------------------------------------------------------------
    def close(self, result: Any = None) -> None:
        self.app.stack.pop(result)


class Modal(Scene):
    """A dialog over the scene below, which stays visible but dimmed."""

    opaque = False
    box = pygame.Rect(240, 110, 800, 500)

    def draw_scene(self, surface: pygame.Surface) -> None:
        dim = self.app.dim_surface()
        surface.blit(dim, (0, 0))
        pygame.draw.rect(surface, palette.CARD, self.box, border_radius=14)
        pygame.draw.rect(surface, palette.INK, self.box, width=3, border_radius=14)

    def on_back(self) -> bool:
        self.close(None)
        return True


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._pending: list[Callable[[], None]] = []
        self._callbacks: dict[int, Callable[[Any], None] | None] = {}

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene, on_result: Callable[[Any], None] | None = None) -> None:
        def op() -> None:
            if self.top:
                self.top.on_pause()
            self.scenes.append(scene)
            self._callbacks[id(scene)] = on_result
            scene.on_enter()

        self._pending.append(op)

    def pop(self, result: Any = None) -> None:
        def op() -> None:
            if not self.scenes:
                return
            scene = self.scenes.pop()
            scene.on_exit()
            callback = self._callbacks.pop(id(scene), None)
            if self.top:
                self.top.on_resume()
            if callback:
                callback(result)

        self._pending.append(op)

    def replace(self, scene: Scene) -> None:
        def op() -> None:
            if self.scenes:
                old = self.scenes.pop()
                old.on_exit()
                self._callbacks.pop(id(old), None)
            self.scenes.append(scene)
            scene.on_enter()

        self._pending.append(op)

    def reset(self, scene: Scene) -> None:
        """Clear the whole stack, then show `scene` (e.g. back to the title)."""

        def op() -> None:
            while self.scenes:
                self.scenes.pop().on_exit()
            self._callbacks.clear()
            self.scenes.append(scene)
            scene.on_enter()

        self._pending.append(op)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def apply_pending(self) -> None:
        # Ops may queue further ops (a callback that pushes a dialog): run until quiet.
        guard = 0
        while self._pending and guard < 50:
            ops, self._pending = self._pending, []
            for op in ops:
                op()
            guard += 1

    def visible(self) -> list[Scene]:
        """Scenes to draw: from the topmost opaque one upwards."""
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        return self.scenes[start:]
