"""Issue 9, "Done when": corrupt a save's checksum, press Continue (the dialog names the
file), then New game; the corrupt file is still there, byte for byte."""

from __future__ import annotations

import json

import pygame

from game.client.app import App
from game.client.context import AppContext
from game.client.pilot import Pilot
from game.client.scenes.title import TitleScene
from game.client.settings import Settings
from game.play import GameSession, SaveFile
from game.store.saves import save_atomic


def test_changed_checksum_continue_then_new_game_keeps_the_file(tmp_path, monkeypatch):
    from game.census import load_world

    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    world = load_world()
    ctx = AppContext(settings=Settings(), seed=7, threaded=False, animate=False,
                     persist_settings=False, world_loader=lambda _dir: world)  # fmt: skip
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

    ctx.start_loading()
    app = App(ctx, headless=True)
    pilot = Pilot(app)
    try:
        app.stack.push(TitleScene(app))
        pilot.until_scene("title")
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
