"""What if? Going back to an earlier year, choosing differently and keeping the first game.

A game is its settings, seed and command log, so any earlier year can be rebuilt by
replaying the log up to that year's end (`replay_to`). `WhatIf` holds the line being
played and the lines kept from before (`Branch` records in the save); each kept line is
rebuilt on demand by the same replay, so nothing derived is stored and a save cannot drift.
"""

from __future__ import annotations

from typing import Any

from game.errors import SaveError
from game.play.actions import AdvanceYear
from game.play.savefile import Branch, SaveFile
from game.play.session import GameSession

MAX_BRANCHES = 8


def truncated(save: SaveFile, turn: int) -> SaveFile:
    """The save as it stood when year `turn` had just been played (before any choice of
    the next year): the log up to and including the turn-th year end."""
    if not 0 <= turn <= save.turn:
        raise SaveError(f"cannot go back to turn {turn}: the game has played {save.turn}")
    commands, seen = [], 0
    for entry in save.commands:
        if seen == turn:
            break
        commands.append(entry)
        if isinstance(entry, AdvanceYear):
            seen += 1
    return save.model_copy(
        update={
            "turn": turn,
            "commands": commands,
            "checksums": {t: c for t, c in save.checksums.items() if t <= turn},
            "branches": [],
        }
    )


def replay_to(world: Any, session: GameSession, turn: int) -> GameSession:
    """A new session at the end of year `turn` of `session` (which is left untouched)."""
    return GameSession.from_save(world, truncated(session.to_save(), turn))


class WhatIf:
    """The game being played (`current`) and the futures kept from earlier choices."""

    def __init__(self, world: Any, current: GameSession, kept: list[Branch] | None = None):
        self.world = world
        self.current = current
        self.kept: list[Branch] = list(kept or [])

    def go_back(self, turn: int, label: str = "First game") -> GameSession:
        """Keep the current line as a branch and continue from the end of year `turn`."""
        if len(self.kept) >= MAX_BRANCHES:
            raise SaveError(f"at most {MAX_BRANCHES} earlier futures can be kept")
        save = self.current.to_save()
        self.kept.append(
            Branch(label=label, from_turn=turn, turn=save.turn, commands=save.commands,
                   checksums=save.checksums)
        )  # fmt: skip
        self.current = replay_to(self.world, self.current, turn)
        return self.current

    def branch_session(self, index: int = -1) -> GameSession:
        """A kept line, rebuilt by replaying its log (checksums verified)."""
        b = self.kept[index]
        save = self.current.to_save().model_copy(
            update={"turn": b.turn, "commands": b.commands, "checksums": b.checksums,
                    "branches": []}
        )  # fmt: skip
        return GameSession.from_save(self.world, save)

    def to_save(self) -> SaveFile:
        return self.current.to_save().model_copy(update={"branches": list(self.kept)})

    @classmethod
    def from_save(cls, world: Any, save: SaveFile) -> WhatIf:
        """Continue a save: the line being played is replayed now, the kept ones on demand
        (each is checked when rebuilt)."""
        current = GameSession.from_save(world, save.model_copy(update={"branches": []}))
        return cls(world, current, list(save.branches))
