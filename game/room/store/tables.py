"""The room store's tables (SQLAlchemy 2). The migrations in ./migrations build exactly this
schema (a test compares them), so an old database upgrades to what the code expects.

Plans are stored twice over on purpose: the submitted body as JSON (what arrived, kept
verbatim for export) and the parts the page and the report query, as columns and rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Room(Base):
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # "stand" | "class" | "consultation"; a class room keeps its rounds/teams set-up in
    # settings (and its own tables, added by a later migration) - see issue 12.
    kind: Mapped[str] = mapped_column(String(20), server_default="stand")
    settings: Mapped[dict | None] = mapped_column(JSON)


class Player(Base):
    __tablename__ = "players"
    __table_args__ = (UniqueConstraint("room_id", "player_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    player_key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(40))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("room_id", "plan_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    plan_key: Mapped[str] = mapped_column(String(64))
    player_key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(40))
    area_code: Mapped[str] = mapped_column(String(40))
    area_name: Mapped[str] = mapped_column(String(120))
    years: Mapped[int] = mapped_column(Integer)
    population: Mapped[float] = mapped_column(Float)
    net_additional_jobs: Mapped[float] = mapped_column(Float)
    cost_per_net_job: Mapped[float | None] = mapped_column(Float)
    money_spent: Mapped[float] = mapped_column(Float)
    approval_overall: Mapped[float] = mapped_column(Float)
    score: Mapped[float | None] = mapped_column(Float)
    ending: Mapped[str | None] = mapped_column(String(10))
    age_band: Mapped[str | None] = mapped_column(String(10))
    area_link: Mapped[str | None] = mapped_column(String(40))  # "live,work"
    body: Mapped[dict] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PlanDecision(Base):
    __tablename__ = "plan_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    type_id: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(120))
    scale: Mapped[float] = mapped_column(Float)
    cost: Mapped[float] = mapped_column(Float)
    group_id: Mapped[str | None] = mapped_column(String(60))


class PlanApproval(Base):
    __tablename__ = "plan_approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[str] = mapped_column(String(60))
    approval: Mapped[float] = mapped_column(Float)


class IdeaRow(Base):
    __tablename__ = "ideas"
    __table_args__ = (UniqueConstraint("room_id", "idea_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    idea_key: Mapped[str] = mapped_column(String(64))
    player_key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(30))
    groups: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # added in revision 0002 (moderation): nothing shows on a shared screen until approved
    status: Mapped[str] = mapped_column(String(10), server_default="pending")


class Support(Base):
    """One support per player per idea (revision 0002)."""

    __tablename__ = "idea_supports"
    __table_args__ = (UniqueConstraint("idea_id", "player_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    player_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# -- class rooms (revision 0003, issue 12) --------------------------------------------------
class ClassTeam(Base):
    """A team of pupils in a class room: its name (unique per room, any case) is how it
    rejoins; `save` is the team's game as last saved (settings, seed, command log)."""

    __tablename__ = "class_teams"
    __table_args__ = (UniqueConstraint("room_id", "name_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    name_key: Mapped[str] = mapped_column(String(40))  # lower case: "Blue" rejoins "blue"
    player_key: Mapped[str] = mapped_column(String(64))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    save: Mapped[dict | None] = mapped_column(JSON)


class ClassRound(Base):
    """One timed year of a class game: when it started and ended, and how (time, teacher)."""

    __tablename__ = "class_rounds"
    __table_args__ = (UniqueConstraint("room_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_by: Mapped[str | None] = mapped_column(String(10))  # "time" | "teacher"
    shock_id: Mapped[str | None] = mapped_column(String(40))  # thrown before this round


class ClassDecision(Base):
    """Every decision a team took, as taken (auto = deferred for it when time ran out)."""

    __tablename__ = "class_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(
        ForeignKey("class_teams.id", ondelete="CASCADE"), index=True
    )
    round_number: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    card_id: Mapped[str] = mapped_column(String(10))
    type_id: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(120))
    scale: Mapped[float] = mapped_column(Float)
    cost: Mapped[float] = mapped_column(Float)
    group_id: Mapped[str | None] = mapped_column(String(60))
    auto: Mapped[bool] = mapped_column(Boolean, server_default=false())
