"""Persistence: saved games (atomic JSON) in the user data directory. No pygame."""

from game.store.saves import (
    autosave_path,
    default_save_dir,
    list_saves,
    load,
    save_atomic,
    set_aside,
)

__all__ = ["autosave_path", "default_save_dir", "list_saves", "load", "save_atomic", "set_aside"]
