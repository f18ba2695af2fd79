"""The save file: how a game started plus every command since. Replaying it rebuilds the game.

Nothing derived is stored except per-year checksums, which the replay must reproduce —
so a save cannot silently drift from the rules that made it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.play.actions import LogEntry

SAVE_VERSION = 1
MAX_COMMANDS = 10_000  # a 50-year game plays a few hundred


class SaveSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    area_query: str  # what the player chose (LAD/grouping code or name)
    years: int = Field(default=10, ge=1, le=50, strict=True)
    # yearly growth fund, when not sized to the area; bounded like a scenario's budget
    fund_override: float | None = Field(default=None, ge=0, le=1e11, allow_inf_nan=False)
    scenario: dict[str, Any] | None = None  # the scenario as loaded (model_dump), if any
    language: str = "en"


class Branch(BaseModel):
    """A future kept when the player went back to an earlier year ("what if?"): the other
    line's own log from the start (the settings and seed are the save's)."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=80)
    from_turn: int = Field(ge=0, le=50, strict=True)  # years both lines share before they part
    turn: int = Field(ge=0, le=50, strict=True)
    commands: list[LogEntry] = Field(max_length=MAX_COMMANDS)
    checksums: dict[int, str] = Field(max_length=51)


class SaveFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1  # SAVE_VERSION
    settings: SaveSettings
    seed: int = Field(ge=0, lt=2**63, strict=True)  # numpy refuses a negative seed
    area: str  # resolved area code, checked on load
    area_name: str
    turn: int = Field(ge=0, le=50, strict=True)
    commands: list[LogEntry] = Field(max_length=MAX_COMMANDS)
    checksums: dict[int, str] = Field(max_length=51)  # turn -> checksum after that year
    branches: list[Branch] = Field(default_factory=list, max_length=8)  # kept "what if?" lines

    @property
    def finished(self) -> bool:
        """All years played: Continue opens the final report, never another year."""
        return self.turn >= self.settings.years
