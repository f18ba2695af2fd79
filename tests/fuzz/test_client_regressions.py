"""Client regressions from issue 9: a save whose replay fails, invisible characters in the
area search, and a malformed map.json when New game is pressed."""

from __future__ import annotations

import json

import pygame
import pytest

from game.client.app import App
from game.client.context import AppContext
from game.client.pilot import Pilot
from game.client.scenes.title import TitleScene
from game.client.settings import Settings
from game.play import GameSession, SaveFile
from game.store.saves import save_atomic


def _context(tmp_path, monkeypatch, **overrides) -> AppContext:
    from game.census import load_world

    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    world = load_world()
    options = dict(
        settings=Settings(seen_how_to_play=True),  # a returning player
        seed=7,
        threaded=False,
        animate=False,
        persist_settings=False,
        world_loader=lambda _dir: world,
    )
    options.update(overrides)
    return AppContext(**options)


def _title(ctx: AppContext) -> tuple[App, Pilot]:
    ctx.start_loading()
    app = App(ctx, headless=True)
    pilot = Pilot(app)
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    return app, pilot


def test_changed_checksum_continue_then_new_game_keeps_the_file(tmp_path, monkeypatch):
    """Issue 9, "Done when": corrupt a save's checksum, press Continue (the dialog names
    the file), then New game; the corrupt file is still there, byte for byte."""
    ctx = _context(tmp_path, monkeypatch)
    world = ctx.world_loader(None)
    save = ctx.save_path
    game = GameSession.new(world, "Hartlepool", seed=7)
    game.advance_year()
    game.advance_year()
    save_atomic(game.to_save(), save)
    doc = json.loads(save.read_bytes())
    doc["checksums"]["2"] = "0" * 32  # valid JSON, valid shape: only the replay can tell
    corrupt = json.dumps(doc).encode()
    save.write_bytes(corrupt)
    SaveFile.model_validate_json(corrupt)  # the file itself still parses

    app, pilot = _title(ctx)
    try:
        pilot.click("continue")
        pilot.until_scene("message")
        body = next(t for t in pilot.texts() if t.startswith("Nothing is lost"))
        assert str(save) in body and "autosave.json.corrupt-1" in body
        assert "replay differs from the save at year" in body
        kept = save.with_name("autosave.json.corrupt-1")
        assert kept.read_bytes() == corrupt and not save.exists()
        pilot.click("ok")
        pilot.until_scene("title")
        assert not pilot.scene.find_button("continue").is_enabled

        pilot.click("new")
        pilot.until_scene("area_choice")
        pilot.until(lambda: pilot.scene.ready, "the map")
        pilot.type("Hartlepool")
        pilot.press(pygame.K_RETURN)
        pilot.click("start")
        pilot.until_scene("year")
        assert save.exists()  # the new game's autosave...
        assert kept.read_bytes() == corrupt  # ...never touched the kept file
    finally:
        app.close()


@pytest.mark.parametrize("text", ["\u200b", "\u202e\u2066", "York\u200b", "\ufeff\x00\u2028"])
def test_invisible_characters_in_the_area_search(tmp_path, monkeypatch, text):
    """U+200B alone used to raise `pygame.error: Text has zero width` in pygame_gui."""
    app, pilot = _title(_context(tmp_path, monkeypatch))
    try:
        pilot.click("new")
        pilot.until_scene("area_choice")
        pilot.until(lambda: pilot.scene.ready, "the map")
        pilot.type(text)
        pilot.frame(2)
        for _ in range(len(text) + 1):
            pilot.press(pygame.K_BACKSPACE)
        pilot.type("York")
        pilot.frame(2)
        assert pilot.scene.query == "York"
        assert pilot.scene.results and pilot.scene.results[0].name == "York"
    finally:
        app.close()


def test_a_malformed_map_on_new_game_is_a_message(tmp_path, monkeypatch):
    from game.census import load_map

    folder = tmp_path / "census"
    folder.mkdir()
    (folder / "map.json").write_text('{"polygons": {"E06000001": [[[1, 2], ', encoding="utf-8")
    ctx = _context(tmp_path, monkeypatch, map_loader=lambda _dir: load_map(folder))
    app, pilot = _title(ctx)
    try:
        pilot.click("new")
        pilot.until_scene("message")
        assert any(str(folder / "map.json") in t for t in pilot.texts())
        pilot.click("ok")
        pilot.until_scene("title")  # the game goes on
        assert pilot.scene.find_button("new").is_enabled
    finally:
        app.close()


@pytest.mark.parametrize("text", ["\u200b", "Yo\u200brk\u202e"])
def test_pasting_invisible_characters_into_the_area_search(tmp_path, monkeypatch, text):
    """Ctrl+V of a lone U+200B raised `pygame.error: Text has zero width` in pygame_gui."""
    from pygame_gui.core.utility import clipboard_copy

    app, pilot = _title(_context(tmp_path, monkeypatch))
    try:
        pilot.click("new")
        pilot.until_scene("area_choice")
        pilot.until(lambda: pilot.scene.ready, "the map")
        clipboard_copy(text)
        pilot.press(pygame.K_v, mod=pygame.KMOD_CTRL)
        pilot.frame(2)
        assert pilot.scene.entry.get_text() == text.replace("\u200b", "").replace("\u202e", "")
    finally:
        app.close()
