"""Replaying a save's command log onto a fresh session (GameSession.from_save): each year
end is checked against the save's checksum, each decision must still apply, and each shock
must still be defined, so a save cannot silently drift from the rules that made it."""

from __future__ import annotations

from typing import Any

from game.errors import SaveError
from game.play.actions import AdvanceYear, ThrowShock
from game.play.savefile import SaveFile

# The session arrives as `s` (a game.play.session.GameSession), typed loosely: importing
# it here, even for type checking, would make an import cycle in the rules layer.
GameSession = Any


def replay(s: GameSession, save: SaveFile) -> None:
    """Play `save.commands` onto `s` (a new session with the save's settings and seed)."""
    if s.area.code != save.area:
        raise SaveError(
            f"save is for area {save.area}, but '{save.settings.area_query}' "
            f"now resolves to {s.area.code}"
        )
    for i, entry in enumerate(save.commands):
        if isinstance(entry, AdvanceYear):
            s.advance_year()
            want = save.checksums.get(s.turn)
            if want is not None and want != s.checksums[s.turn]:
                raise SaveError(
                    f"replay differs from the save at year {s.year} (turn {s.turn}): "
                    "the game data or rules changed since it was saved"
                )
        elif isinstance(entry, ThrowShock):
            if entry.shock_id not in s.shock_defs():
                raise SaveError(
                    f"command {i + 1} throws shock '{entry.shock_id}', which the shocks "
                    "file no longer has"
                )
            if s.finished:
                raise SaveError(f"command {i + 1} throws a shock after the game ended")
            s.throw_shock(entry.shock_id)
        else:
            res = s.act(entry)
            if not res.ok:
                raise SaveError(f"command {i + 1} ({entry.kind}) no longer applies: {res.reason}")
    if s.turn != save.turn:
        raise SaveError(f"save says turn {save.turn} but its log replays to turn {s.turn}")
