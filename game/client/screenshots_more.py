"""The screens the scripted game (game/client/screenshots.py) does not pass through: the
menu, "What if?" and the two futures, a message, the year's progress and loading screens,
the stand's attract, "Still there?" and staff PIN, and the rooms' join, about you, ideas and
"You and the room" (on a room kept in a local file). With render_all, every screen the
registry (game/client/registry.py) can build is drawn, so the layout checker sees them all
at every text size and language; the `screenshots` command saves these too."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pygame

from game.client.app import App
from game.client.dialogs import MessageDialog
from game.client.pilot import Pilot
from game.client.scene import Scene
from game.client.scenes.stand import AttractScene
from game.client.screenshots import best_card, make_context
from game.play import Fund, GameSession
from game.play.branches import go_back
from game.play.kiosk import KioskConfig, StandSettings

# the registry's screens each shot shows (tests check none is left out)
SHOWN = {
    "20_menu": "menu",
    "21_go_back": "go_back",
    "22_futures": "futures",
    "22b_futures_charts": "futures",
    "24_advance": "advance",
    "25_loading": "start_game",
    "26_continue": "continue_game",
    "27_attract": "attract",
    "28_still_there": "still_there",
    "29_staff_pin": "staff_pin",
    "30_room_join": "join_room",
    "31_room_about": "about_you",
    "32_room_ideas": "room_ideas",
    "33_you_and_room": "you_and_room",
}


class _Clock:
    """The stand's clock, moved by the script (no waiting)."""

    t = 0.0

    def __call__(self) -> float:
        return self.t


def _played(app: App, area: str, seed: int) -> GameSession:
    """A whole game played by the engine: the cheapest fundable card each year."""
    s = GameSession.new(app.ctx.world, area, seed=seed)
    while not s.finished:
        card = best_card(s)
        if card is not None:
            s.act(Fund(card_id=card.id))
        s.advance_year()
    return s


class _More:
    def __init__(self, out: Path, check: Callable[[str, Scene], None] | None) -> None:
        self.out, self.check = out, check
        self.written: list[Path] = []

    def shot(
        self, pilot: Pilot, name: str, scene_name: str | None = None, still: bool = False
    ) -> None:
        """Save the screen; `still`: draw the new scene without running its update, so a
        screen that waits on work (the year's progress, loading) is caught while it waits."""
        if still:
            pilot.app.stack.apply_pending()
            pilot.app.draw()
        else:
            if scene_name is not None:
                pilot.until_scene(scene_name)
            pilot.frame(2)
        path = self.out / f"{name}.png"
        pilot.screenshot(path)
        self.written.append(path)
        if self.check is not None:
            self.check(name, pilot.scene)

    def in_game(self, app: App, pilot: Pilot, area: str, seed: int, tmp: Path) -> None:
        from game.room.client import RoomLink

        ctx = app.ctx
        ctx.room = RoomLink.local("Hartlepool library", f"sqlite:///{tmp / 'room.sqlite3'}")
        first = _played(app, area, seed)
        ctx.session = first
        app.stack.reset(app.screens.report("final"))
        pilot.until_scene("final_report")
        app.stack.push(app.screens.menu())
        self.shot(pilot, "20_menu", "menu")
        app.stack.pop()
        app.stack.push(app.screens.go_back())
        self.shot(pilot, "21_go_back", "go_back")
        again = go_back(ctx.world, first, 3, ctx.tr("whatif.first_game"))
        while not again.finished:
            again.advance_year()
        ctx.session = again
        app.stack.reset(app.screens.futures())
        self.shot(pilot, "22_futures", "futures")
        if pilot.scene.find_button("more"):  # the projector sizes: the charts in turn
            pilot.click("more")
            self.shot(pilot, "22b_futures_charts", "futures")
        detail = str(tmp / "census" / "a folder with a long name" / "areas.csv") + ": row 12"
        body = ctx.tr("data.error_body", detail=detail)
        app.stack.push(MessageDialog(app, ctx.tr("data.error_title"), body))
        self.shot(pilot, "23_message", "message")
        app.stack.reset(app.screens.you_and_room())
        self.shot(pilot, "33_you_and_room", None)
        app.stack.reset(app.screens.room_ideas())
        self.shot(pilot, "32_room_ideas", "room_ideas")
        app.stack.reset(app.screens.about_you())
        self.shot(pilot, "31_room_about", "room_about")
        ctx.room = None
        app.stack.reset(app.screens.join_room())
        self.shot(pilot, "30_room_join", "room_join")

    def year_end(self, app: App, pilot: Pilot, area: str, seed: int) -> None:
        """The year's progress and the loading screen, caught on their first frame."""
        ctx = app.ctx
        ctx.session = GameSession.new(ctx.world, area, seed=seed)
        app.stack.reset(app.screens.year())
        pilot.until_scene("year")
        app.stack.push(app.screens.advance())
        self.shot(pilot, "24_advance", still=True)
        app.stack.reset(app.screens.start_game("E06000001", area))
        self.shot(pilot, "25_loading", still=True)
        app.stack.reset(app.screens.continue_game())
        self.shot(pilot, "26_continue", still=True)

    def stand(self, tmp: Path, seed: int, text_scale: float, language: str) -> None:
        clock = _Clock()
        stand = StandSettings(language=language, text_scale=text_scale)
        cfg = KioskConfig(idle_s=30, countdown_s=10, pin="2468", stand=stand)
        ctx = make_context(seed, tmp / "stand", text_scale, language, kiosk=cfg, clock=clock)
        ctx.start_loading()
        app = App(ctx, headless=True)
        pilot = Pilot(app)
        app.stack.push(app.screens.title())
        pilot.until_scene("attract")
        pilot.until(lambda: pilot.scene_as(AttractScene).current() is not None, "the census facts")
        self.shot(pilot, "27_attract")
        tap = pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(300, 300))
        app.step(events=[tap])
        pilot.until_scene("area_choice")
        clock.t += cfg.idle_s + 1  # the visitor walks away
        pilot.frame(2)
        self.shot(pilot, "28_still_there", "still_there")
        pilot.press(pygame.K_s, mod=pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT)
        self.shot(pilot, "29_staff_pin", "staff_pin")
        app.close()


def render_more(
    out: Path,
    area: str = "Hartlepool",
    seed: int = 7,
    text_scale: float = 1.0,
    language: str = "en",
    check: Callable[[str, Scene], None] | None = None,
) -> list[Path]:
    """Draw the screens render_all does not reach; `check(name, scene)` sees each one."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    more = _More(out, check)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "stand").mkdir()
        ctx = make_context(seed, tmp, text_scale, language)
        ctx.start_loading()
        app = App(ctx, headless=True)
        pilot = Pilot(app)
        pilot.until(lambda: ctx.world_ready, "the census")
        more.in_game(app, pilot, area, seed, tmp)
        more.year_end(app, pilot, area, seed)
        app.close()
        more.stand(tmp, seed, text_scale, language)
    return more.written
