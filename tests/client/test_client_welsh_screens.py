"""Issue 10, point 6: every screen rendered in Welsh, checked against the English catalogue.

Any English sentence from the English file that shows up on a Welsh screen (a key missing
from the Welsh file, a string built in code, a PLAY text passed through untranslated) fails
the test, naming the screen and the string. The stand's screens and how to play are
included; so are 200% text and the Welsh place names."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from babel.messages.pofile import read_po

from game.client.i18n import catalogue_path
from game.play.kiosk import KioskConfig, StandSettings

SHOTS = Path("/tmp/kiosk-shots")
_FIELD = re.compile(r"\{[^}]*\}")


def _texts(lang: str) -> dict[str, str]:
    with catalogue_path(lang).open("rb") as fh:
        cat = read_po(fh, locale=lang)
    out = {}
    for m in cat:
        if m.id and not isinstance(m.id, tuple):
            out[m.id] = m.string
    return out


def english_only() -> list[str]:
    """Pieces of English text that can only come from the English catalogue: each entry
    whose Welsh differs, split at its {fields}, keeping pieces long enough to be sure
    (names of places, numbers and symbols are the same in both languages)."""
    en, cy = _texts("en"), _texts("cy")
    welsh = "\n".join(cy.values())  # names the Welsh file itself uses (Civic Futures)
    pieces = set()
    for key, text in en.items():
        if not text or cy.get(key) == text:
            continue
        for chunk in _FIELD.split(text):
            chunk = chunk.strip(" .,:;()–-·▶◀?!\n")
            words = [w for w in chunk.split() if w.isalpha()]
            if len(chunk) >= 12 and len(words) >= 2 and chunk not in welsh:
                pieces.add(chunk)
    return sorted(pieces, key=len, reverse=True)


def _leaks(scene, pieces: list[str]) -> list[str]:
    shown = [t for t in scene.visible_text() if t]
    return sorted({p for p in pieces for t in shown if p in t})


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_screen_in_welsh_shows_no_english(title, tmp_path, scale):
    from game.client.screenshots import render_all

    pieces = english_only()
    assert len(pieces) > 300  # the check has teeth: most of the English file
    found: dict[str, list[str]] = {}
    seen: list[str] = []

    def check(name: str, scene) -> None:
        seen.append(name)
        leaks = _leaks(scene, pieces)
        if leaks:
            found[name] = leaks

    render_all(tmp_path, area="Hartlepool", seed=7, text_scale=scale, language="cy", check=check)
    assert len(seen) >= 25 and "04b_how_to_play_1" in seen and "05_year_proposals" in seen
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_class_game_screens_in_welsh_show_no_english(world, tmp_path, scale):
    """The class game's lobby (waiting, after a shock, after the last round) and the year
    with its countdown (running, the last half minute, paused), in Welsh."""
    from game.client.screenshots import render_class

    pieces = english_only()
    found: dict[str, list[str]] = {}
    seen: list[str] = []

    def check(name: str, scene) -> None:
        seen.append(name)
        leaks = _leaks(scene, pieces)
        if leaks:
            found[name] = leaks

    render_class(
        tmp_path, text_scale=scale, language="cy", check=check, world_loader=lambda _d: world
    )
    assert len(seen) == 7 and "c4_class_year_paused" in seen
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


class _Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def test_the_stand_in_welsh_shows_no_english(make_app, tmp_path):
    pieces = english_only()
    clock = _Clock()
    cfg = KioskConfig(
        idle_s=30, countdown_s=10, pin="2468", stand=StandSettings(language="cy", text_scale=1.0)
    )
    from game.client.settings import Settings

    app, pilot = make_app(
        kiosk=cfg,
        clock=clock,
        settings=Settings(language="cy"),
        save_path=tmp_path / "saves" / "autosave.json",
    )
    app.stack.push(app.screens.title())
    pilot.until_scene("attract")
    pilot.until(lambda: pilot.scene.current() is not None, "the census facts")
    found = {}
    SHOTS.mkdir(exist_ok=True)
    for _ in range(6):  # several facts in turn, several areas
        pilot.frame()
        found.update({f"attract: {pilot.scene.current()[1]}": _leaks(pilot.scene, pieces)})
        pilot.scene.elapsed += 6.0
    pilot.frame()
    pilot.screenshot(SHOTS / "attract_cy.png")
    pilot.app.step(events=[pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(300, 300))])
    pilot.until_scene("area_choice")
    clock.t += 31
    pilot.frame(2)
    assert pilot.scene.name == "still_there"
    found["still_there"] = _leaks(pilot.scene, pieces)
    pilot.press(pygame.K_s, mod=pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT)
    pilot.until_scene("staff_pin")
    found["staff_pin"] = _leaks(pilot.scene, pieces)
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_welsh_place_names_mutate_after_yn(make_app):
    """The attract screen says "yng Nghaerdydd" for Cardiff, never "yn Caerdydd"."""
    from game.client.settings import Settings

    cfg = KioskConfig(idle_s=30, pin="2468", stand=StandSettings(language="cy"))
    app, pilot = make_app(kiosk=cfg, settings=Settings(language="cy"))
    app.stack.push(app.screens.title())
    pilot.until_scene("attract")
    scene = pilot.scene
    scene._areas = lambda: ["W06000015", "W06000023"]  # Cardiff, Powys
    scene._facts = []
    texts = [t for _, t in scene._fact_list()]
    assert any(t.endswith("yn byw yng Nghaerdydd") for t in texts), texts
    assert any(t.endswith("yn byw ym Mhowys") for t in texts), texts
    assert not any("yn Caerdydd" in t or "yn Powys" in t for t in texts)


def test_the_stands_keys_and_tap_hints_in_welsh(make_app, tmp_path):
    """The on-screen keys' words (Space, Clear, Done) and the tap hints come from the Welsh
    catalogue at a Welsh stand; no English catalogue text shows."""
    from game.client.settings import Settings

    pieces = english_only()
    cfg = KioskConfig(idle_s=300, pin="2468", stand=StandSettings(language="cy"))
    app, pilot = make_app(kiosk=cfg, settings=Settings(language="cy"))
    app.stack.push(app.screens.area_choice())
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    entry = pilot.scene.entry.rect.center
    app.step(events=[pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=entry)])
    app.step(events=[pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=entry)])
    pilot.frame()
    texts = pilot.texts()
    assert {"Bylchwr", "Clirio", "Gorffen"} <= set(texts)
    assert not {"Space", "Clear", "Done"} & set(texts)
    assert any(t.startswith("Tapiwch le ar y map") for t in texts)
    assert not _leaks(pilot.scene, pieces)
    pilot.type("TS24")
    pilot.frame()
    assert any("cod post" in t for t in pilot.texts()) and not _leaks(pilot.scene, pieces)
    pilot.screenshot(SHOTS / "area_keyboard_cy.png")


def test_the_stands_menu_in_welsh_fits_and_shows_no_english(make_app):
    from game.client import layout
    from game.client.settings import Settings

    cfg = KioskConfig(idle_s=300, pin="2468", stand=StandSettings(language="cy"))
    app, pilot = make_app(kiosk=cfg, settings=Settings(language="cy"))
    app.stack.push(app.screens.menu())
    pilot.until_scene("menu")
    pilot.frame()
    assert "Rhoi'r gorau i chwarae" in pilot.texts()
    assert not layout.problems(pilot.scene) and not _leaks(pilot.scene, english_only())


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_welsh_census_report_says_its_last_column_is_against_no_projects(
    make_app, world, scale
):
    """Review of issue 10: the column "vs no projects" read "gwahaniaeth" (the difference),
    so a Welsh reader saw 157,197 -> 156,990 with a "difference" of 0. It says whose
    effect it is, and the table still fits at 200%."""
    from game.client import layout
    from game.client.settings import Settings
    from game.play import GameSession

    app, pilot = make_app(settings=Settings(language="cy", text_scale=scale))
    session = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(5):
        session.advance_year()
    app.ctx.session = session
    app.stack.push(app.screens.report("midterm"))
    pilot.until_scene("midterm_report")
    pilot.frame()
    texts = pilot.texts()
    assert "gwahaniaeth" not in texts
    assert app.ctx.tr("report.col.vs_baseline") == "eich effaith" and "eich effaith" in texts
    assert not layout.problems(pilot.scene)
