"""Shocks: outside events thrown at a game (data/play/shocks.csv), read under the
provenance rule. A class room's teacher throws them (game.room.classroom); they live in the
rules layer because a save's command log names them by id (ThrowShock) and the replay must
find them without the room.

Sizes are shares, so one shock fits any area: jobs as a share of the area's employed
residents in each industry section, migrants as a share of its population, money as a
share of a year's growth fund. `effect` turns them into the engine's own Shock record.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from game.errors import DataError
from game.model.area import AreaProfile
from game.provenance import sourced_rows
from game.resources import data_dir
from game.sim.labour import SECTIONS
from game.sim.records import Shock

# The session arrives as `s` (a game.play.session.GameSession), typed loosely: importing
# it here, even for type checking, would make an import cycle in the rules layer.
GameSession = Any

SHOCKS_FILE = "shocks.csv"
_COLUMNS = (
    "id",
    "name",
    "headline",
    "jobs_share_by_section",
    "migrants_share",
    "money_share",
    "description",
)


class ShockDef(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    name: str
    headline: str  # "{area}" is the area's name
    jobs_share: dict[str, float] = Field(default_factory=dict)
    migrants_share: float = 0.0
    money_share: float = Field(default=0.0, ge=0.0, le=1.0)
    description: str
    source: str
    status: str

    def effect(self, area: AreaProfile) -> Shock:
        jobs = {s: share * float(area.industry.get(s, 0)) for s, share in self.jobs_share.items()}
        migrants = self.migrants_share * float(area.population.total)
        return Shock(id=self.id, name=self.name, jobs_by_section=jobs, migrants=migrants)

    def headline_for(self, area_name: str) -> str:
        return self.headline.replace("{area}", area_name)


def _jobs(path: str, line: int, text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        letter, _, share = part.partition(":")
        if letter not in SECTIONS:
            raise DataError(path, f"no industry section '{letter}'", row=line, column=_COLUMNS[3])
        try:
            out[letter] = float(share)
        except ValueError:
            raise DataError(path, f"bad share '{share}'", row=line, column=_COLUMNS[3]) from None
    return out


def load_shocks(path: Path | None = None) -> dict[str, ShockDef]:
    """Every shock in the file (default: the shipped data/play/shocks.csv); a bad row is a
    DataError naming the file, the row and the column."""
    path = path or data_dir() / "play" / SHOCKS_FILE
    out: dict[str, ShockDef] = {}
    for line, row in sourced_rows(path, _COLUMNS):
        sid = (row.get("id") or "").strip()
        if not sid or sid in out:
            raise DataError(str(path), f"missing or duplicate id '{sid}'", row=line, column="id")
        numbers = {}
        for col in ("migrants_share", "money_share"):
            try:
                numbers[col] = float(row.get(col) or 0)
            except ValueError:
                raise DataError(
                    str(path), f"bad number '{row.get(col)}'", row=line, column=col
                ) from None
        if not 0.0 <= numbers["money_share"] <= 1.0:
            raise DataError(str(path), "must lie in 0..1", row=line, column="money_share")
        out[sid] = ShockDef(
            id=sid,
            name=row["name"].strip(),
            headline=row["headline"].strip(),
            jobs_share=_jobs(str(path), line, row.get("jobs_share_by_section") or ""),
            description=row["description"].strip(),
            source=row["source"].strip(),
            status=row["status"].strip(),
            **numbers,
        )
    return out


@cache
def shipped_shocks() -> dict[str, ShockDef]:
    """The shipped shocks, read once (a save's replay looks shocks up here)."""
    return load_shocks()


def throw(s: GameSession, shock_id: str) -> ShockDef:
    """Throw shock `shock_id` at session `s` (KeyError if it has no such shock) and log it.
    Decisions taken before it can no longer be undone: the world they were taken in has
    changed, and a replay must meet the same money when the shock takes its share."""
    from game.play.actions import ThrowShock

    shock = s.shock_defs()[shock_id]
    s.apply_shock(
        shock.effect(s.area), shock.headline_for(s.area.name), cost=shock.money_share * s.fund
    )
    s.log.append(ThrowShock(shock_id=shock.id))
    s._undo = []
    return shock
