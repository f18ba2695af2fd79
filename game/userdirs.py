"""Where Civic Futures keeps the user's own files: the one rule.

Settings, saved games (`saves/`) and the log (`logs/`) live under one folder:
$CIVIC_FUTURES_DATA_DIR when set (tests, kiosks and classroom machines point it somewhere
writable), else the platform's user data directory (platformdirs: ~/.local/share on Linux,
~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows). Shipped, read-only data
is elsewhere: game/resources.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "civic-futures"
DATA_DIR_ENV = "CIVIC_FUTURES_DATA_DIR"


def user_data_dir() -> Path:
    """The user's Civic Futures folder (not created here: writers create what they need)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
