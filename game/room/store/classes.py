"""ClassStore: a class room's teams, rounds and decisions, beside the room's plans.

A thin layer on RoomStore (same engine, same one-writer-at-a-time rule). Each team's
final outcome goes in as an ordinary plan (RoomStore.add_plan, labelled with the team
name), so the listening report and the export see a class game like any other room.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from game.room.store.store import RoomStore
from game.room.store.tables import ClassDecision, ClassRound, ClassTeam


class TeamRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int
    name: str
    player_key: str


class DecisionRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    team: str
    round_number: int
    year: int
    kind: str
    card_id: str
    type_id: str
    category: str
    name: str
    scale: float
    cost: float
    group_id: str | None = None
    auto: bool = False


class RoundRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    number: int
    year: int
    started_at: datetime
    ended_at: datetime | None
    ended_by: str | None
    shock_id: str | None


def _now() -> datetime:
    return datetime.now(UTC)


class ClassStore:
    def __init__(self, store: RoomStore, code: str) -> None:
        self.store, self.code = store, store.room(code).code

    def add_team(self, name: str, player_key: str) -> TeamRow:
        """A new team, or the existing one of that name (any case): how a team rejoins."""
        with self.store._write() as s:
            room = self.store._room(s, self.code)
            key = name.casefold()
            old = s.scalar(
                select(ClassTeam).where(ClassTeam.room_id == room.id, ClassTeam.name_key == key)
            )
            if old is None:
                old = ClassTeam(
                    room_id=room.id,
                    name=name,
                    name_key=key,
                    player_key=player_key,
                    joined_at=_now(),
                )
                s.add(old)
                s.flush()
            return TeamRow(id=old.id, name=old.name, player_key=old.player_key)

    def teams(self) -> list[TeamRow]:
        with self.store._read() as s:
            room = self.store._room(s, self.code)
            rows = s.scalars(
                select(ClassTeam).where(ClassTeam.room_id == room.id).order_by(ClassTeam.id)
            )
            return [TeamRow(id=t.id, name=t.name, player_key=t.player_key) for t in rows]

    def save_team(self, team_id: int, save: dict) -> None:
        self.save_teams({team_id: save})

    def save_teams(self, saves: dict[int, dict]) -> None:
        """Every given team's game as it is now, in one transaction (a shock reaches all)."""
        with self.store._write() as s:
            for team_id, save in saves.items():
                s.execute(update(ClassTeam).where(ClassTeam.id == team_id).values(save=save))

    def saves(self) -> dict[int, dict | None]:
        """Each team's last saved game (team id -> SaveFile JSON), to resume a class."""
        with self.store._read() as s:
            room = self.store._room(s, self.code)
            rows = s.execute(
                select(ClassTeam.id, ClassTeam.save).where(ClassTeam.room_id == room.id)
            )
            return {team_id: save for team_id, save in rows}

    def add_decisions(self, team_id: int, rows: list[DecisionRow]) -> None:
        self.record(team_id, rows, None)

    def record(self, team_id: int, rows: list[DecisionRow], save: dict | None) -> None:
        """A team's decisions and its game after them, in one transaction: a hub stopped
        at any moment resumes with its decision rows and its save in step."""
        with self.store._write() as s:
            self._record(s, team_id, rows, save)

    def _record(self, s: Session, team_id: int, rows: list[DecisionRow], save: dict | None) -> None:
        for r in rows:
            s.add(ClassDecision(team_id=team_id, **r.model_dump(exclude={"team"})))
        if save is not None:
            s.execute(update(ClassTeam).where(ClassTeam.id == team_id).values(save=save))

    # -- the class's own settings and round clock (the room's settings JSON) ---------------
    def settings(self) -> dict:
        with self.store._read() as s:
            return dict(self.store._room(s, self.code).settings or {})

    def update_settings(self, **values: object) -> None:
        with self.store._write() as s:
            room = self.store._room(s, self.code)
            room.settings = {**(room.settings or {}), **values}  # a new dict: JSON change seen

    def decisions(self) -> list[DecisionRow]:
        """Every team's decisions in the order taken."""
        with self.store._read() as s:
            room = self.store._room(s, self.code)
            rows = s.execute(
                select(ClassDecision, ClassTeam.name)
                .join(ClassTeam, ClassTeam.id == ClassDecision.team_id)
                .where(ClassTeam.room_id == room.id)
                .order_by(ClassDecision.id)
            )
            return [
                DecisionRow(
                    team=name,
                    round_number=d.round_number,
                    year=d.year,
                    kind=d.kind,
                    card_id=d.card_id,
                    type_id=d.type_id,
                    category=d.category,
                    name=d.name,
                    scale=d.scale,
                    cost=d.cost,
                    group_id=d.group_id,
                    auto=d.auto,
                )
                for d, name in rows
            ]

    def start_round(self, number: int, year: int, shock_id: str | None) -> None:
        with self.store._write() as s:
            room = self.store._room(s, self.code)
            s.add(
                ClassRound(
                    room_id=room.id,
                    number=number,
                    year=year,
                    started_at=_now(),
                    shock_id=shock_id,
                )
            )

    def end_round(
        self,
        number: int,
        ended_by: str,
        teams: dict[int, tuple[list[DecisionRow], dict]] | None = None,
    ) -> None:
        """The round's end, with each team's time-up decisions and year-end save (team id
        -> (rows, save)), in one transaction: a stopped hub never resumes half a year end."""
        with self.store._write() as s:
            room = self.store._room(s, self.code)
            for team_id, (rows, save) in (teams or {}).items():
                self._record(s, team_id, rows, save)
            s.execute(
                update(ClassRound)
                .where(ClassRound.room_id == room.id, ClassRound.number == number)
                .values(ended_at=_now(), ended_by=ended_by)
            )

    def rounds(self) -> list[RoundRow]:
        with self.store._read() as s:
            room = self.store._room(s, self.code)
            rows = s.scalars(
                select(ClassRound).where(ClassRound.room_id == room.id).order_by(ClassRound.number)
            )
            return [
                RoundRow(
                    number=r.number,
                    year=r.year,
                    started_at=r.started_at,
                    ended_at=r.ended_at,
                    ended_by=r.ended_by,
                    shock_id=r.shock_id,
                )
                for r in rows
            ]

    def count_decisions(self) -> int:
        with self.store._read() as s:
            room = self.store._room(s, self.code)
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(ClassDecision)
                    .join(ClassTeam, ClassTeam.id == ClassDecision.team_id)
                    .where(ClassTeam.room_id == room.id)
                )
                or 0
            )
