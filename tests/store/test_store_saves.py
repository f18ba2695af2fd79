"""Saves are written atomically, and a bad save is reported and kept, never overwritten."""

from __future__ import annotations

import json
import os

import pytest

from game.errors import SaveError
from game.play import SaveFile, SaveSettings
from game.store import autosave_path, default_save_dir, list_saves, load, save_atomic


def _save(turn: int = 3) -> SaveFile:
    return SaveFile(
        settings=SaveSettings(area_query="E06000001"),
        seed=7,
        area="E06000001",
        area_name="Hartlepool",
        turn=turn,
        commands=[{"kind": "fund", "card_id": "c01"}, {"kind": "advance"}],
        checksums={1: "abc"},
    )


def test_round_trip(tmp_path):
    path = save_atomic(_save(), tmp_path / "game.json")
    assert load(path, SaveFile) == _save()
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]  # no temp file left


def test_save_replaces_atomically(tmp_path):
    path = tmp_path / "game.json"
    save_atomic(_save(1), path)
    save_atomic(_save(2), path)
    assert load(path, SaveFile).turn == 2


def test_failed_write_keeps_old_file(tmp_path, monkeypatch):
    path = save_atomic(_save(1), tmp_path / "game.json")
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_atomic(_save(2), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]


def test_data_dir_override(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    assert default_save_dir() == tmp_path / "saves"
    assert autosave_path() == tmp_path / "saves" / "autosave.json"
    assert default_save_dir(tmp_path / "x") == tmp_path / "x" / "saves"
    p = save_atomic(_save())  # default target is the autosave
    assert p == tmp_path / "saves" / "autosave.json"
    assert list_saves() == [p]


def test_platformdirs_default(monkeypatch):
    monkeypatch.delenv("CIVIC_FUTURES_DATA_DIR", raising=False)
    import platformdirs

    want = platformdirs.user_data_dir("civic-futures", appauthor=False)
    assert str(default_save_dir()).startswith(want)


good = _save().model_dump_json().encode()
BAD = {
    "truncated": good[: len(good) // 2],
    "garbage": bytes(range(256)) * 3,
    "empty": b"",
    "wrong_version": json.dumps({**json.loads(good), "version": 99}).encode(),
    "not_object": b"[1, 2, 3]",
    "bad_field": json.dumps({**json.loads(good), "seed": "seven"}).encode(),
    "bad_command": json.dumps({**json.loads(good), "commands": [{"kind": "bribe"}]}).encode(),
}
WHY = {
    "truncated": "malformed JSON at line 1",
    "garbage": "not UTF-8 text",
    "empty": "empty",
    "wrong_version": "version 99 is not supported",
    "not_object": "expected a JSON object",
    "bad_field": "invalid at 'seed'",
    "bad_command": "invalid at 'commands.0'",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_corrupt_save_is_reported_and_kept(tmp_path, case):
    path = tmp_path / "saves" / "autosave.json"
    path.parent.mkdir()
    path.write_bytes(BAD[case])
    with pytest.raises(SaveError) as err:
        load(path, SaveFile)
    msg = str(err.value)
    assert str(path) in msg and WHY[case] in msg and "autosave.json.corrupt-1" in msg
    aside = path.with_name("autosave.json.corrupt-1")
    assert aside.read_bytes() == BAD[case]  # byte-identical
    assert not path.exists()
    # the next autosave writes a fresh file and leaves the bad one alone
    save_atomic(_save(), path)
    assert aside.read_bytes() == BAD[case]
    assert load(path, SaveFile) == _save()
    assert list_saves(tmp_path) == [path]  # set-aside files are not offered as saves


def test_second_corrupt_file_never_overwrites_the_first(tmp_path):
    path = tmp_path / "autosave.json"
    path.write_bytes(b"{first")
    with pytest.raises(SaveError):
        load(path, SaveFile)
    path.write_bytes(b"{second")
    with pytest.raises(SaveError, match=r"corrupt-2"):
        load(path, SaveFile)
    assert (tmp_path / "autosave.json.corrupt-1").read_bytes() == b"{first"
    assert (tmp_path / "autosave.json.corrupt-2").read_bytes() == b"{second"


def test_missing_save_is_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="no saved game there"):
        load(tmp_path / "nope.json", SaveFile)
    assert list(tmp_path.iterdir()) == []
