"""Player settings, kept in the user's data folder (game.userdirs) as settings.json."""

from __future__ import annotations

import contextlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.atomic import atomic_write_text
from game.inputs import InputError, read_bounded
from game.userdirs import user_data_dir

# 160% and 200% are the projector sizes (fewer, wider cards; nothing under ~20 px at 1080p)
TEXT_SCALES = (1.0, 1.15, 1.3, 1.6, 2.0)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str = "en"
    fullscreen: bool = False
    sound: bool = False  # off by default: town fairs and classrooms are noisy enough
    text_scale: float = Field(default=1.0, ge=0.8, le=2.0)
    seen_how_to_play: bool = False  # the three how-to-play panels open before a first game

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or user_data_dir() / "settings.json"
        try:
            # bounded, regular files only: a FIFO or a /dev/zero link named settings.json
            # would otherwise hang the game at start or fill its memory
            return cls.model_validate_json(read_bounded(path, 64 * 1024))
        except (InputError, ValidationError, ValueError):
            # Unreadable settings are not worth stopping the game for: use defaults.
            return cls()

    def save(self, path: Path | None = None) -> None:
        # A settings file that cannot be written is not worth stopping the game for.
        with contextlib.suppress(OSError):
            atomic_write_text(
                path or user_data_dir() / "settings.json", self.model_dump_json(indent=2)
            )
