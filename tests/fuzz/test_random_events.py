"""Random keys, clicks, wheel turns and typed (or pasted) text in every scene, headless.

Seeded. From each entry point (title, area choice, settings, credits, a running game, its
help, charts and consultation, the newspaper, the final report) the same budget of random
events is sent through the app's real event path; wherever the events lead -- a year
advanced, a dialog, back to the title -- they keep coming, and nothing may raise. Half the
clicks land on a visible button so the walk gets somewhere. 1,000 events in the default
run, 10,000 in the long run (`pytest -m fuzz` or CIVIC_FUZZ_LONG=1).
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

import pygame
import pytest
from fuzzlib import LONG, weird_text

from game.client.app import App
from game.client.context import AppContext
from game.client.pilot import Pilot
from game.client.scene import H, W
from game.client.settings import Settings

EVENTS = 10_000 if LONG else 1_000
KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_SPACE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_F1,
    pygame.K_F11,
    pygame.K_a,
    pygame.K_z,
    pygame.K_1,
    pygame.K_KP_ENTER,
]
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT]


def random_events(rng: Random, scene) -> list[pygame.event.Event]:
    kind = rng.random()
    if kind < 0.35:
        buttons = [b for b in scene.buttons() if b.visible] if scene is not None else []
        if buttons and rng.random() < 0.5:
            pos = buttons[rng.randrange(len(buttons))].rect.center
        else:
            pos = (rng.randrange(-5, W + 5), rng.randrange(-5, H + 5))
        button = rng.choice([1, 1, 1, 3])
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos),
            pygame.event.Event(pygame.MOUSEBUTTONUP, button=button, pos=pos),
        ]
    if kind < 0.7:
        key, mod = rng.choice(KEYS), rng.choice(MODS)
        return [
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0),
        ]
    if kind < 0.85:
        text = weird_text(rng) if rng.random() < 0.5 else rng.choice(["York", "Caerdydd", "a"])
        return [pygame.event.Event(pygame.TEXTINPUT, text=text)]
    if kind < 0.93:
        pos = (rng.randrange(W), rng.randrange(H))
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))]
    return [
        pygame.event.Event(
            pygame.MOUSEWHEEL,
            x=0,
            y=rng.choice([-3, -1, 1, 3]),
            flipped=False,
            precise_x=0.0,
            precise_y=1.0,
        )
    ]


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _title(app: App, pilot: Pilot) -> None:
    from game.client.scenes.title import TitleScene

    app.stack.reset(TitleScene(app))
    pilot.until_scene("title")


def _via_title(button: str, scene: str) -> Callable[[App, Pilot], None]:
    def enter(app: App, pilot: Pilot) -> None:
        _title(app, pilot)
        pilot.click(button)
        pilot.until_scene(scene)

    return enter


def _game(then: str | None = None) -> Callable[[App, Pilot], None]:
    def enter(app: App, pilot: Pilot) -> None:
        from game.client.scenes.year import YearScene
        from game.play import GameSession

        app.ctx.session = GameSession.new(app.ctx.world, "Hartlepool", seed=7)
        app.stack.reset(YearScene(app))
        pilot.until_scene("year")
        if then == "newspaper":
            pilot.end_year()
            pilot.until_scene("newspaper")
        elif then == "consult":
            pilot.click(f"consult_{app.ctx.session.proposals[0].id}")
            pilot.frame(2)
        elif then is not None:
            pilot.click(then)
            pilot.frame(2)

    return enter


def _report(kind: str) -> Callable[[App, Pilot], None]:
    def enter(app: App, pilot: Pilot) -> None:
        from game.client.scenes.report import ReportScene
        from game.play import GameSession

        session = GameSession.new(app.ctx.world, "Hartlepool", seed=7)
        while not session.finished and (kind == "final" or session.turn < 5):
            session.advance_year()
        app.ctx.session = session
        app.stack.reset(ReportScene(app, kind))
        pilot.frame(3)

    return enter


def _corrupt_continue(app: App, pilot: Pilot) -> None:
    app.ctx.save_path.parent.mkdir(parents=True, exist_ok=True)
    app.ctx.save_path.write_bytes(b'{"version": 1, "seed": ')
    _via_title("continue", "message")(app, pilot)


ENTRIES: dict[str, Callable[[App, Pilot], None]] = {
    "title": _title,
    "area choice": _via_title("new", "area_choice"),
    "settings": _via_title("settings", "settings"),
    "credits": _via_title("credits", "credits"),
    "year": _game(),
    "help": _game("help"),
    "charts": _game("charts"),
    "consult": _game("consult"),
    "newspaper": _game("newspaper"),
    "midterm report": _report("midterm"),
    "final report": _report("final"),
    "continue (corrupt save)": _corrupt_continue,
}


def walk(world, events: int, seed: int = 9) -> set[str]:
    """Send `events` random events, an equal share from each entry point; returns the
    scenes reached. Raises (naming entry, scene and events) if anything raises."""
    ctx = AppContext(
        settings=Settings(),
        seed=7,
        threaded=False,
        animate=False,
        persist_settings=False,
        world_loader=lambda _dir: world,
    )
    ctx.start_loading()
    app = App(ctx, headless=True)
    pilot = Pilot(app)
    rng = Random(seed)
    seen: set[str] = set()
    per_entry = events // len(ENTRIES)
    try:
        for name, enter in ENTRIES.items():
            enter(app, pilot)
            if app.stack.top is not None:
                seen.add(app.stack.top.name)
            for sent in range(per_entry):
                if not app.running or app.stack.top is None:  # Quit pressed: start again
                    app.running = True
                    enter(app, pilot)
                batch = random_events(rng, app.stack.top)
                try:
                    app.step(events=batch)
                except Exception as exc:
                    top = app.stack.top
                    where = top.name if top is not None else None
                    raise AssertionError(
                        f"entry '{name}', scene '{where}', event {sent}: {batch}"
                    ) from exc
                if app.stack.top is not None:
                    seen.add(app.stack.top.name)
    finally:
        app.close()
    return seen


def test_random_events_in_every_scene_raise_nothing(world, tmp_path, monkeypatch):
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    seen = walk(world, EVENTS)
    # every entry point was reached, and the walk went further than them
    want = {
        "title",
        "area_choice",
        "settings",
        "credits",
        "year",
        "help",
        "charts",
        "consult",
        "newspaper",
        "midterm_report",
        "final_report",
        "message",
    }
    assert want <= seen, want - seen
