"""Player settings and where the client keeps its files.

CIVIC_FUTURES_DATA_DIR overrides the platformdirs user data directory (tests use it).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

TEXT_SCALES = (1.0, 1.15, 1.3)


def data_dir() -> Path:
    """Settings live here; saves in its `saves` folder (game.store decides that)."""
    override = os.environ.get("CIVIC_FUTURES_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("civic-futures", appauthor=False))


def autosave_path() -> Path:
    from game.store.saves import autosave_path as store_autosave

    return Path(store_autosave())


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str = "en"
    fullscreen: bool = False
    sound: bool = False  # off by default: town fairs and classrooms are noisy enough
    text_scale: float = Field(default=1.0, ge=0.8, le=1.6)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or data_dir() / "settings.json"
        try:
            return cls.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            # Unreadable settings are not worth stopping the game for: use defaults.
            return cls()

    def save(self, path: Path | None = None) -> None:
        path = path or data_dir() / "settings.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.model_dump_json(indent=2), encoding="utf-8")
        with contextlib.suppress(OSError):
            os.replace(tmp, path)
