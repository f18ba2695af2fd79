"""Logging: a rotating log file in the user's data folder, so an error in a worker thread
at an unattended kiosk is kept, not lost with the window.

Nothing is configured on import: the command-line entry (game.cli.main) calls
`configure_logging()` once it knows which command runs; modules only ever do
`logging.getLogger(__name__)`. The file is `logs/civic-futures.log` under the user data
folder (game.userdirs), rotated at 1 MB with three old files kept.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from game.userdirs import user_data_dir

LOG_NAME = "civic-futures.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
_HANDLER_NAME = "civic-futures-file"


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_NAME


def configure_logging(level: int = logging.INFO, path: Path | None = None) -> Path | None:
    """Send records at `level` and above to the rotating log file; returns its path, or
    None when the folder cannot be created (a read-only kiosk account): the game then runs
    without a log rather than not at all. Calling it again replaces the earlier file
    handler, so records are never written twice."""
    target = path or log_path()
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
        old.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target,
            maxBytes=MAX_BYTES,
            backupCount=BACKUPS,
            encoding="utf-8",
            # a lone surrogate (non-UTF-8 bytes in argv or a file name) is logged as an
            # escape, not a "--- Logging error ---" traceback on the user's terminal
            errors="backslashreplace",
        )
    except OSError:
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    # The game's own records from `level` up; other libraries' (alembic, pygame_gui...) only
    # from the root's level (WARNING by default), so their start-up chatter stays out.
    logging.getLogger("game").setLevel(level)
    return target
