"""One user-data-folder rule for settings, saves and the log; the log file is written by
the command line, rotates, and survives an unwritable folder."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from game.cli import main
from game.client.settings import Settings
from game.logs import configure_logging, log_path
from game.store import autosave_path, default_save_dir
from game.userdirs import user_data_dir

ROOT = Path(__file__).resolve().parents[1]


def test_the_environment_variable_moves_every_user_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    assert user_data_dir() == tmp_path
    assert default_save_dir() == tmp_path / "saves"
    assert autosave_path() == tmp_path / "saves" / "autosave.json"
    assert log_path() == tmp_path / "logs" / "civic-futures.log"
    Settings(language="cy").save()
    assert Settings.load().language == "cy"
    assert (tmp_path / "settings.json").is_file()


def test_without_the_variable_the_platform_user_data_folder_is_used(monkeypatch) -> None:
    monkeypatch.delenv("CIVIC_FUTURES_DATA_DIR", raising=False)
    expected = Path(platformdirs.user_data_dir("civic-futures", appauthor=False))
    assert user_data_dir() == expected
    assert default_save_dir() == expected / "saves"
    assert log_path().parent == expected / "logs"


def test_an_empty_variable_counts_as_unset(monkeypatch) -> None:
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", "")
    assert user_data_dir() == Path(platformdirs.user_data_dir("civic-futures", appauthor=False))


@pytest.fixture
def restore_root_logger():
    root, game = logging.getLogger(), logging.getLogger("game")
    handlers, level, game_level = list(root.handlers), root.level, game.level
    yield
    for h in root.handlers:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    game.setLevel(game_level)


def test_a_command_writes_the_log_file_in_the_user_folder(
    tmp_path, monkeypatch, capsys, restore_root_logger
) -> None:
    monkeypatch.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path))
    assert main(["profile", "Nowhere-on-earth"]) == 2
    capsys.readouterr()
    text = (tmp_path / "logs" / "civic-futures.log").read_text(encoding="utf-8")
    assert "civic-futures" in text and ": profile Nowhere-on-earth\n" in text
    assert "WARNING" in text and "Nowhere-on-earth" in text.split("WARNING", 1)[1]


def test_configuring_twice_does_not_write_records_twice(tmp_path, restore_root_logger) -> None:
    first = configure_logging(path=tmp_path / "a.log")
    second = configure_logging(path=tmp_path / "b.log")
    logging.getLogger("game.test").info("only once")
    for h in logging.getLogger().handlers:
        h.flush()
    assert first and second
    assert "only once" not in first.read_text(encoding="utf-8")
    assert second.read_text(encoding="utf-8").count("only once") == 1


def test_the_game_logs_its_info_other_libraries_only_their_warnings(
    tmp_path, restore_root_logger
) -> None:
    path = configure_logging(path=tmp_path / "civic-futures.log")
    assert path is not None
    logging.getLogger("game.client.scenes.loading").info("census loaded")
    logging.getLogger("alembic.runtime").info("setup plugin chatter")
    logging.getLogger("alembic.runtime").warning("a real problem")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "census loaded" in text and "a real problem" in text
    assert "chatter" not in text


def test_the_log_rotates_and_keeps_three_old_files(tmp_path, restore_root_logger) -> None:
    path = configure_logging(path=tmp_path / "civic-futures.log")
    assert path is not None
    for i in range(1000):  # about 5 MB: more than the file and its three backups hold
        logging.getLogger("game.test").info("line %d %s", i, "x" * 5000)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"civic-futures.log{s}" for s in ("", ".1", ".2", ".3")]
    assert all(p.stat().st_size <= 1_000_000 + 6000 for p in tmp_path.iterdir())
    assert "line 999 " in path.read_text(encoding="utf-8")  # the newest is in the live file


def test_an_unwritable_folder_means_no_log_not_no_game(tmp_path, restore_root_logger) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    assert configure_logging(path=blocker / "logs" / "civic-futures.log") is None


def test_importing_the_game_configures_no_logging() -> None:
    probe = (
        "import logging, game.cli, game.logs, game.census, game.sim.engine;"
        "print(len(logging.getLogger().handlers))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "0"
