"""RoomStore: every read and write the hub, the kiosk and the report make.

Writes are one transaction each (a plan, its decisions and approvals land together or not
at all) and idempotent: a plan or idea key that arrived before returns the first row's id
with duplicate=True, so a game can resend until it hears back and the plan counts once.
On SQLite, write transactions start with BEGIN IMMEDIATE (take the write lock first, so
two writers queue on busy_timeout instead of failing on a lock upgrade), the journal is
WAL (the page reads while games write) and synchronous=FULL (a killed hub keeps every
committed plan).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, delete, event, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from game.errors import CivicError
from game.room.models import (
    Idea,
    IdeaIn,
    JoinIn,
    ModerationStatus,
    PlanIn,
    RoomInfo,
    RoomKind,
    Submitted,
)
from game.room.store.tables import (
    Base,
    ClassDecision,
    ClassRound,
    ClassTeam,
    IdeaRow,
    Plan,
    PlanApproval,
    PlanDecision,
    Player,
    Room,
    Support,
)
from game.userdirs import user_data_dir

DB_FILE = "rooms.sqlite3"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud safely


_DECISIONS = Table("plan_decisions", Base.metadata)  # the mapped tables, as Core tables
_APPROVALS = Table("plan_approvals", Base.metadata)


class RoomNotFound(CivicError):
    """No room with that code or name."""


def default_db_url(base: Path | str | None = None) -> str:
    """A SQLite file in `base`, else in the user's Civic Futures folder (game.userdirs)."""
    return f"sqlite:///{Path(base or user_data_dir()) / DB_FILE}"


def new_room_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _sqlite_engine(url: str) -> Engine:
    path = url.removeprefix("sqlite:///")
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's begin event issues BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("room_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class RoomStore:
    """One database of rooms. `RoomStore(url)` opens it and upgrades its schema to head."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True) -> None:
        self.url = url or default_db_url()
        if self.url.startswith("sqlite"):
            self.engine = _sqlite_engine(self.url)
        else:
            self.engine = create_engine(self.url, pool_size=10, max_overflow=20, pool_pre_ping=True)
        self._writer = self.engine.execution_options(room_write=True)
        self._plan_cache: dict[int, dict[int, PlanIn]] = {}  # room id -> plan id -> plan
        self._cache_lock = threading.Lock()
        sqlite = self.url.startswith("sqlite")
        self._write_lock: Any = threading.Lock() if sqlite else contextlib.nullcontext()
        if upgrade:
            self.migrate("head")

    def close(self) -> None:
        self.engine.dispose()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to `revision` with the migrations shipped in the package."""
        from alembic import command
        from alembic.config import Config

        with as_file(files("game.room.store") / "migrations") as where:
            cfg = Config()
            cfg.set_main_option("script_location", str(where))
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    # -- sessions -------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Session]:
        # SQLite has one writer at a time. Writers of this process queue on a Python lock
        # (handed over at once) rather than on SQLite's busy handler, which sleeps and
        # retries with growing pauses: under 60 games at once that added 100s of ms.
        with self._write_lock, Session(self._writer, expire_on_commit=False) as s, s.begin():
            yield s

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine) as s:
            yield s

    def _room(self, s: Session, code_or_name: str) -> Room:
        key = code_or_name.strip()
        room = s.scalar(select(Room).where(Room.code == key.upper()))
        if room is None:
            room = s.scalar(select(Room).where(func.lower(Room.name) == key.lower()))
        if room is None:
            raise RoomNotFound(f"no room '{code_or_name}' (room list shows every room)")
        return room

    # -- rooms ----------------------------------------------------------------------------
    def create_room(
        self, name: str, kind: RoomKind = "stand", settings: dict | None = None
    ) -> tuple[RoomInfo, str]:
        """A new room and its facilitator token (shown once; only its hash is kept)."""
        token = secrets.token_urlsafe(18)
        for _ in range(20):
            try:
                with self._write() as s:
                    if s.scalar(select(Room.id).where(func.lower(Room.name) == name.lower())):
                        raise CivicError(f"a room named '{name}' exists already")
                    room = Room(
                        code=new_room_code(),
                        name=name,
                        token_hash=_hash(token),
                        created_at=_now(),
                        kind=kind,
                        settings=settings or {},
                    )
                    s.add(room)
                return self.room(room.code), token
            except IntegrityError:
                continue  # the random code was taken: draw again
        raise RuntimeError("could not draw a free room code")

    def new_token(self, code: str) -> str:
        """Issue a fresh facilitator token for a room (the old one stops working): how a
        stand's room, made by a kiosk with nobody to give a token to, gets a facilitator."""
        token = secrets.token_urlsafe(18)
        with self._write() as s:
            self._room(s, code).token_hash = _hash(token)
        return token

    def check_token(self, code: str, token: str | None) -> bool:
        if not token:
            return False
        with self._read() as s:
            room = self._room(s, code)
            return hmac.compare_digest(room.token_hash, _hash(token))

    def room(self, code_or_name: str) -> RoomInfo:
        with self._read() as s:
            return self._info(s, self._room(s, code_or_name))

    def rooms(self) -> list[RoomInfo]:
        with self._read() as s:
            return [self._info(s, r) for r in s.scalars(select(Room).order_by(Room.created_at))]

    def _info(self, s: Session, room: Room) -> RoomInfo:
        def count(col: Any) -> int:
            return int(s.scalar(select(func.count()).where(col == room.id)) or 0)

        return RoomInfo(
            code=room.code,
            name=room.name,
            kind=room.kind,
            created_at=_utc(room.created_at),
            players=count(Player.room_id),
            plans=count(Plan.room_id),
            ideas=count(IdeaRow.room_id),
        )

    def delete_room(self, code_or_name: str) -> dict[str, int]:
        """Erase a room and every row of it (plans, decisions, ideas, supports, players)."""
        with self._write() as s:
            room = self._room(s, code_or_name)
            plan_ids = select(Plan.id).where(Plan.room_id == room.id)
            idea_ids = select(IdeaRow.id).where(IdeaRow.room_id == room.id)
            team_ids = select(ClassTeam.id).where(ClassTeam.room_id == room.id)
            counts = {}
            for name, stmt in (
                (
                    "class_decisions",
                    delete(ClassDecision).where(ClassDecision.team_id.in_(team_ids)),
                ),
                ("class_rounds", delete(ClassRound).where(ClassRound.room_id == room.id)),
                ("class_teams", delete(ClassTeam).where(ClassTeam.room_id == room.id)),
                ("decisions", delete(PlanDecision).where(PlanDecision.plan_id.in_(plan_ids))),
                ("approvals", delete(PlanApproval).where(PlanApproval.plan_id.in_(plan_ids))),
                ("supports", delete(Support).where(Support.idea_id.in_(idea_ids))),
                ("ideas", delete(IdeaRow).where(IdeaRow.room_id == room.id)),
                ("plans", delete(Plan).where(Plan.room_id == room.id)),
                ("players", delete(Player).where(Player.room_id == room.id)),
                ("rooms", delete(Room).where(Room.id == room.id)),
            ):
                counts[name] = s.execute(stmt).rowcount  # type: ignore[attr-defined]
            with self._cache_lock:
                self._plan_cache.pop(room.id, None)
            return counts

    # -- writes from games ----------------------------------------------------------------
    def join(self, code: str, body: JoinIn, _again: bool = True) -> Submitted:
        try:
            with self._write() as s:
                room = self._room(s, code)
                old = s.scalar(
                    select(Player).where(
                        Player.room_id == room.id, Player.player_key == body.player_key
                    )
                )
                if old is not None:
                    return Submitted(id=old.id, duplicate=True)
                row = Player(
                    room_id=room.id, player_key=body.player_key, label=body.label, joined_at=_now()
                )
                s.add(row)
                s.flush()
                return Submitted(id=row.id, duplicate=False)
        except IntegrityError:  # the same player joined twice at once (PostgreSQL)
            if not _again:
                raise
            return self.join(code, body, _again=False)

    def add_plan(self, code: str, plan: PlanIn, _again: bool = True) -> Submitted:
        try:
            with self._write() as s:
                room = self._room(s, code)
                old = s.scalar(
                    select(Plan.id).where(Plan.room_id == room.id, Plan.plan_key == plan.plan_key)
                )
                if old is not None:
                    return Submitted(id=old, duplicate=True)
                row = _plan_row(room.id, plan)
                s.add(row)
                s.flush()
                # Core executemany, not ORM objects: a 10-year plan is ~30 decisions and a
                # row per citizen group, and this is the hub's hottest write.
                decisions = _decision_rows(row.id, plan)
                conn = s.connection()
                if decisions:
                    conn.execute(insert(_DECISIONS), decisions)
                approvals = [
                    {"plan_id": row.id, "group_id": a.group_id, "approval": a.approval}
                    for a in plan.outcome.approvals
                ]
                if approvals:
                    conn.execute(insert(_APPROVALS), approvals)
                return Submitted(id=row.id, duplicate=False)
        except IntegrityError:  # a concurrent resend of the same key won the race
            if not _again:
                raise
            return self.add_plan(code, plan, _again=False)

    def add_idea(self, code: str, idea: IdeaIn, _again: bool = True) -> Submitted:
        try:
            with self._write() as s:
                room = self._room(s, code)
                old = s.scalar(
                    select(IdeaRow.id).where(
                        IdeaRow.room_id == room.id, IdeaRow.idea_key == idea.idea_key
                    )
                )
                if old is not None:
                    return Submitted(id=old, duplicate=True)
                row = IdeaRow(
                    room_id=room.id,
                    idea_key=idea.idea_key,
                    player_key=idea.player_key,
                    label=idea.label,
                    text=idea.text,
                    category=idea.category,
                    groups=list(idea.groups),
                    created_at=_now(),
                    status="pending",
                )
                s.add(row)
                s.flush()
                return Submitted(id=row.id, duplicate=False)
        except IntegrityError:
            if not _again:
                raise
            return self.add_idea(code, idea, _again=False)

    def support(self, code: str, idea_id: int, player_key: str, _again: bool = True) -> Submitted:
        """One support per player per idea; only approved ideas can be supported."""
        try:
            with self._write() as s:
                room = self._room(s, code)
                idea = s.get(IdeaRow, idea_id)
                if idea is None or idea.room_id != room.id or idea.status != "approved":
                    raise KeyError(idea_id)
                old = s.scalar(
                    select(Support.id).where(
                        Support.idea_id == idea_id, Support.player_key == player_key
                    )
                )
                if old is not None:
                    return Submitted(id=old, duplicate=True)
                row = Support(idea_id=idea_id, player_key=player_key, created_at=_now())
                s.add(row)
                s.flush()
                return Submitted(id=row.id, duplicate=False)
        except IntegrityError:
            if not _again:
                raise
            return self.support(code, idea_id, player_key, _again=False)

    def moderate(self, code: str, idea_id: int, status: ModerationStatus) -> Idea:
        with self._write() as s:
            room = self._room(s, code)
            idea = s.get(IdeaRow, idea_id)
            if idea is None or idea.room_id != room.id:
                raise KeyError(idea_id)
            idea.status = status
        return next(i for i in self.ideas(code) if i.id == idea_id)

    # -- reads ----------------------------------------------------------------------------
    def plans(self, code: str) -> list[PlanIn]:
        """Every plan of the room, in arrival order. Plans never change once stored, so
        bodies already parsed are kept; each call reads only the list of ids and the
        bodies it has not seen (safe whatever order concurrent writers commit in)."""
        with self._read() as s:
            room = self._room(s, code)
            ids = list(s.scalars(select(Plan.id).where(Plan.room_id == room.id).order_by(Plan.id)))
            with self._cache_lock:
                cache = self._plan_cache.setdefault(room.id, {})
                missing = [i for i in ids if i not in cache]
            for chunk in range(0, len(missing), 500):
                part = missing[chunk : chunk + 500]
                rows = s.execute(select(Plan.id, Plan.body).where(Plan.id.in_(part)))
                parsed = {i: PlanIn.model_validate(b) for i, b in rows}
                with self._cache_lock:
                    cache.update(parsed)
            with self._cache_lock:
                return [cache[i] for i in ids]

    def plan_rows(self, code: str) -> list[dict[str, Any]]:
        """Each plan's id, key and received time (for exports), in arrival order."""
        with self._read() as s:
            room = self._room(s, code)
            rows = s.execute(
                select(Plan.id, Plan.plan_key, Plan.received_at)
                .where(Plan.room_id == room.id)
                .order_by(Plan.id)
            )
            return [
                {"id": r.id, "plan_key": r.plan_key, "received_at": _utc(r.received_at)}
                for r in rows
            ]

    def ideas(self, code: str, status: ModerationStatus | None = None) -> list[Idea]:
        """Ideas with their support counts, most supported first (then oldest first)."""
        with self._read() as s:
            room = self._room(s, code)
            supports = (
                select(Support.idea_id, func.count().label("n"))
                .join(IdeaRow, IdeaRow.id == Support.idea_id)
                .where(IdeaRow.room_id == room.id)
                .group_by(Support.idea_id)
                .subquery()
            )
            cols = (
                IdeaRow.id,
                IdeaRow.text,
                IdeaRow.category,
                IdeaRow.groups,
                IdeaRow.label,
                IdeaRow.status,
                IdeaRow.created_at,
            )
            stmt = (
                select(*cols, func.coalesce(supports.c.n, 0).label("n"))
                .outerjoin(supports, supports.c.idea_id == IdeaRow.id)
                .where(IdeaRow.room_id == room.id)
            )
            if status is not None:
                stmt = stmt.where(IdeaRow.status == status)
            # model_construct: these rows were validated on the way in (IdeaIn)
            out = [
                Idea.model_construct(
                    id=r.id,
                    text=r.text,
                    category=r.category,
                    groups=list(r.groups),
                    label=r.label,
                    status=r.status,
                    supports=int(r.n),
                    created_at=_utc(r.created_at),
                )
                for r in s.execute(stmt)
            ]
        return sorted(out, key=lambda i: (-i.supports, i.id))

    def players(self, code: str) -> int:
        return self.room(code).players


def _plan_row(room_id: int, plan: PlanIn) -> Plan:
    o, about = plan.outcome, plan.about
    return Plan(
        room_id=room_id,
        plan_key=plan.plan_key,
        player_key=plan.player_key,
        label=plan.label,
        area_code=plan.area_code,
        area_name=plan.area_name,
        years=plan.years,
        population=o.population,
        net_additional_jobs=o.net_additional_jobs,
        cost_per_net_job=o.cost_per_net_job,
        money_spent=o.money_spent,
        approval_overall=o.approval_overall,
        score=o.score,
        ending=o.ending,
        age_band=about.age_band if about else None,
        area_link=",".join(about.area_link) if about and about.area_link else None,
        body=plan.model_dump(mode="json"),
        received_at=_now(),
    )


def _decision_rows(plan_id: int, plan: PlanIn) -> list[dict[str, Any]]:
    return [
        {
            "plan_id": plan_id,
            "seq": i,
            "year": d.year,
            "kind": d.kind,
            "type_id": d.type_id,
            "category": d.category,
            "name": d.name,
            "scale": d.scale,
            "cost": d.cost,
            "group_id": d.group_id,
        }
        for i, d in enumerate(plan.decisions)
    ]
