"""The window, the frame loop and global keys.

Logic runs in fixed 1/60 s steps (at most MAX_STEPS per frame, so a slow frame cannot
snowball); drawing happens once per frame; the loop is capped at 60 fps. Tests and the
screenshot/bench tools drive `App.step()` directly with injected events.
"""

from __future__ import annotations

import gc
import os
import time
import warnings
from collections.abc import Iterable
from contextlib import ExitStack

import pygame
import pygame_gui
from pygame_gui.core.resource_loaders import BlockingThreadedResourceLoader

from game.client.context import AppContext, frame_loop_tuning
from game.client.countdown import draw_corner
from game.client.registry import SceneFactory
from game.client.scene import H, Scene, SceneStack, Screens, W
from game.client.stand import Stand
from game.client.typed import typed_text
from game.store.records import RECORDS_DIR

FPS = 60
STEP = 1.0 / FPS
MAX_STEPS = 5
POOL_SIZE = 4
INPUT_EVENTS = {
    pygame.KEYDOWN,
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEMOTION,
    pygame.FINGERDOWN,
    pygame.TEXTINPUT,
    pygame.MOUSEWHEEL,
}


def _is_paste(event: pygame.event.Event) -> bool:
    """Ctrl/Cmd+V, as a key (or, on some Macs, as typed text, as pygame_gui also reads it)."""
    paste_mods = pygame.KMOD_CTRL | pygame.KMOD_META
    if event.type == pygame.KEYDOWN:
        return event.key == pygame.K_v and bool(event.mod & paste_mods)
    return (
        event.type == pygame.TEXTINPUT
        and event.text == "v"
        and bool(pygame.key.get_mods() & paste_mods)
    )


def _clean_clipboard() -> None:
    """Drop invisible characters from the clipboard before a paste: pygame_gui cannot lay
    out a pasted U+200B on its own ("Text has zero width")."""
    from pygame_gui.core.utility import clipboard_copy, clipboard_paste

    try:
        text = clipboard_paste()
    except pygame.error:  # no clipboard on this system: nothing will be pasted either
        return
    clean = typed_text(text)
    if clean != text:
        clipboard_copy(clean)


class App:
    def __init__(self, ctx: AppContext, *, headless: bool | None = None) -> None:
        self.ctx = ctx
        if headless is None:
            headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
        self.headless = headless
        # GIL switch interval and garbage collection tuned for the frame loop while this
        # app lives; close() puts them back (tests and tools make apps inside a process).
        self._tuning = ExitStack()
        self._tuning.enter_context(frame_loop_tuning())
        pygame.init()
        pygame.key.set_repeat(400, 40)
        self.window = self._open_window(ctx.settings.fullscreen)
        pygame.display.set_caption(ctx.tr("app.title"))
        # Everything is drawn at the design size; SCALED lets SDL stretch it to a window,
        # and in full screen draw() scales it to the desktop-sized window.
        self.surface: pygame.Surface = self.window
        self._place_surface()
        self.stack = SceneStack()
        self.screens: Screens = SceneFactory(self)
        self.running = True
        self._acc = 0.0
        self._dim: pygame.Surface | None = None
        self.frames = 0
        self.idle = 0.0  # seconds since the last key, click or touch
        self._managers: list[pygame_gui.UIManager] = []
        self.warm_pool()
        pygame.key.start_text_input()
        self.stand: Stand | None = None
        if ctx.kiosk is not None:
            # finished games go beside the autosave, each in a new file
            self.stand = Stand(self, ctx.kiosk, ctx.clock, ctx.save_path.parent / RECORDS_DIR)

    def _open_window(self, fullscreen: bool) -> pygame.Surface:
        flags, size = 0, (W, H)
        if not self.headless:
            flags = pygame.SCALED | pygame.RESIZABLE
            if fullscreen:
                # Full screen is a borderless window the size of the desktop, and the design
                # surface is scaled into it (draw): SDL's SCALED full screen relies on a
                # window manager to grow the window, and a kiosk's X session often has none
                # (under Xvfb at 1920x1080 it showed a 1280x720 crop of the picture).
                flags, size = pygame.FULLSCREEN | pygame.NOFRAME, (0, 0)
        with warnings.catch_warnings():
            # SDL warns when it falls back to a software renderer; that is fine for us.
            warnings.simplefilter("ignore")
            try:
                return pygame.display.set_mode(size, flags)
            except pygame.error:
                return pygame.display.set_mode((W, H))

    def _place_surface(self) -> None:
        """Draw straight into the window when it is the design size, else into a design
        surface that draw() scales to the window."""
        if self.window.get_size() == (W, H):
            self.surface = self.window
        elif getattr(self, "surface", None) is None or self.surface is self.window:
            self.surface = pygame.Surface((W, H))

    def to_design(self, event: pygame.event.Event) -> pygame.event.Event:
        """A mouse position in a window that is not the design size, in design pixels."""
        if self.surface is self.window or not hasattr(event, "pos"):
            return event
        ww, wh = self.window.get_size()
        x, y = event.pos
        pos = (min(W - 1, x * W // max(1, ww)), min(H - 1, y * H // max(1, wh)))
        return pygame.event.Event(event.type, {**event.dict, "pos": pos})

    # -- services for scenes --------------------------------------------------------------
    def new_manager(self) -> pygame_gui.UIManager:
        """A widget manager for a scene. Building one takes 30-150 ms (pygame_gui parses the
        theme and starts loader threads), far too long for a frame, so they are pooled:
        a scene returns its manager on exit, emptied, for the next scene to reuse."""
        if self._managers:
            return self._managers.pop()
        return self._create_manager()

    def _create_manager(self) -> pygame_gui.UIManager:
        loader = BlockingThreadedResourceLoader()
        loader.num_loading_threads = 1  # a few bundled fonts; threads only cost time here
        manager = pygame_gui.UIManager(
            (W, H), self.ctx.theme, enable_live_theme_updates=False, resource_loader=loader
        )
        # A manager given its own loader does not start it: without this the theme's
        # fonts never load and every widget silently falls back to pygame_gui's default.
        loader.start()
        loader.update()
        return manager

    def release_manager(self, manager: pygame_gui.UIManager) -> None:
        manager.clear_and_reset()
        if len(self._managers) < POOL_SIZE + 2:
            self._managers.append(manager)

    def warm_pool(self) -> None:
        while len(self._managers) < POOL_SIZE:
            self._managers.append(self._create_manager())

    def dim_surface(self) -> pygame.Surface:
        if self._dim is None:
            self._dim = pygame.Surface((W, H), pygame.SRCALPHA)
            self._dim.fill((10, 12, 30, 150))
        return self._dim

    def toggle_fullscreen(self) -> None:
        self.ctx.settings.fullscreen = not self.ctx.settings.fullscreen
        if not self.headless:
            self.window = self._open_window(self.ctx.settings.fullscreen)
            self._place_surface()
        self.save_settings()

    def save_settings(self) -> None:
        if self.ctx.persist_settings:
            self.ctx.settings.save()

    def apply_language_and_scale(self) -> None:
        """Settings changed: reload tables, fonts and theme, and rebuild every scene."""
        self.ctx.apply_settings()
        pygame.display.set_caption(self.ctx.tr("app.title"))
        self._managers.clear()  # pooled managers carry the old theme
        for scene in self.stack.scenes:
            scene.t = self.ctx.tr
            scene.fonts = self.ctx.fonts
            scene.ui = self._create_manager()
            scene.rebuild()

    @property
    def top(self) -> Scene | None:
        return self.stack.top

    # -- the frame --------------------------------------------------------------------------
    def step(self, dt: float = STEP, events: Iterable[pygame.event.Event] = ()) -> None:
        """One frame: events (injected first, then the queue), fixed updates, draw."""
        self.stack.apply_pending()
        for event in [*events, *pygame.event.get()]:
            if event.type in INPUT_EVENTS:
                self.idle = 0.0
            for ev in touch_as_mouse(self.to_design(event)):
                self.dispatch(ev)
                self.stack.apply_pending()
        self.idle += dt
        if self.stand is not None:
            self.stand.tick()
            self.stack.apply_pending()
        if self.ctx.class_game is not None:  # a class game: polls, and moves with the class
            self.ctx.class_game.tick(self)
            self.stack.apply_pending()
        top = self.stack.top
        self._acc += dt
        steps = 0
        while self._acc >= STEP and steps < MAX_STEPS:
            if top:
                top.update(STEP)
            self._acc -= STEP
            steps += 1
        if steps == MAX_STEPS:
            self._acc = 0.0
        self.stack.apply_pending()
        for scene in self.stack.visible():
            scene.ui.update(dt)
        self.draw()
        self.frames += 1
        if self.frames % 300 == 0:
            gc.collect(0)  # the youngest generation only: about a millisecond

    def dispatch(self, event: pygame.event.Event) -> None:
        if self.stand is not None and self.stand.filter(event):
            return  # a public stand: close and F11 need staff (game.client.stand)
        if event.type == pygame.QUIT:
            self.request_close()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if _is_paste(event):
            _clean_clipboard()  # pygame_gui pastes from it while handling this event
        if event.type == pygame.TEXTINPUT:
            text = typed_text(event.text)
            if not text:
                return  # only invisible characters: nothing to type
            event = pygame.event.Event(pygame.TEXTINPUT, text=text)
        top = self.stack.top
        if top is not None:
            top.handle_event(event)

    def request_close(self) -> None:
        """The window's close button: mid-game, ask first (the decisions made so far are
        already in the autosave, so Continue finds the year as it was left)."""
        session = self.ctx.session
        top = self.stack.top
        if session is None or session.finished or top is None or top.name == "confirm_close":
            self.running = False
            return
        from game.client.dialogs import ConfirmDialog

        t = self.ctx.tr
        dialog = ConfirmDialog(
            self, t("close.title"), t("close.body"), t("close.yes"), t("close.no")
        )
        dialog.name = "confirm_close"
        self.ctx.autosave()
        self.stack.push(dialog, on_result=lambda yes: self.quit() if yes else None)

    def draw(self) -> None:
        for scene in self.stack.visible():
            scene.draw(self.surface)
        self._class_clock()
        if self.surface is not self.window:
            pygame.transform.smoothscale(self.surface, self.window.get_size(), self.window)
        pygame.display.flip()

    def _class_clock(self) -> None:
        """In a class game, the round's countdown stays in sight over every screen opened
        from the year (the year screen and the lobby draw their own)."""
        play, top = self.ctx.class_game, self.stack.top
        if play is None or top is None or top.name in ("class_year", "class_lobby"):
            return
        if play.phase in ("playing", "paused") and "class_year" in [
            s.name for s in self.stack.scenes
        ]:
            draw_corner(top, self.surface, play.clock_phase, play.remaining())

    def run(self) -> int:
        clock = pygame.time.Clock()
        while self.running and (self.stack.scenes or self.stack.has_pending):
            dt = clock.tick(FPS) / 1000.0
            self.step(min(dt, 0.25))
        self.close()
        pygame.quit()
        return 0

    def close(self) -> None:
        """Hand garbage collection and the switch interval back as they were."""
        for scene in list(self.stack.scenes):
            scene.on_exit()
        self.stack.scenes.clear()
        if self.ctx.room is not None:  # stop its outbox thread; unsent plans stay on disk
            self.ctx.room.close()
            self.ctx.room = None
        if self.ctx.class_game is not None:  # the hub keeps the team's game: rejoin by name
            self.ctx.class_game.close()
            self.ctx.class_game = None
        self._tuning.close()

    def quit(self) -> None:
        self.running = False


def touch_as_mouse(event: pygame.event.Event) -> list[pygame.event.Event]:
    """A finger on a touch screen works every control: SDL finger events (x, y as 0..1 of
    the window) become the left-button mouse events the widgets answer, at the same place
    on the 1280x720 design. SDL's own touch-to-mouse copies are turned off (run_game) so a
    tap is one click, not two; real mouse events pass through."""
    kind = {
        pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN,
        pygame.FINGERUP: pygame.MOUSEBUTTONUP,
        pygame.FINGERMOTION: pygame.MOUSEMOTION,
    }.get(event.type)
    if kind is None:
        return [event]
    pos = (min(W - 1, max(0, round(event.x * W))), min(H - 1, max(0, round(event.y * H))))
    if kind == pygame.MOUSEMOTION:
        return [event, pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(1, 0, 0), touch=True)]
    # pygame_gui hovers before it presses: move there first
    move = pygame.event.Event(
        pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=True
    )
    return [event, move, pygame.event.Event(kind, button=1, pos=pos, touch=True)]


def run_game(ctx: AppContext | None = None) -> int:
    ctx = ctx or AppContext()
    ctx.start_loading()
    # taps arrive as finger events only (touch_as_mouse), not also as SDL's mouse copies
    os.environ.setdefault("SDL_TOUCH_MOUSE_EVENTS", "0")
    app = App(ctx)
    app.stack.push(app.screens.title())
    return app.run()


def now() -> float:
    return time.perf_counter()
