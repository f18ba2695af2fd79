"""What a room records, as pydantic models: one schema for the API, the store and the game.

The models that validate an HTTP body are the ones the game builds from a finished session
(game.room.plans) and the ones the report reads, so the OpenAPI schema is generated from
exactly what is stored. Everything a player types is bounded and filtered here, once.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from game.scenarios.models import Category

Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
"""An idempotency key or a player key: random, made by the game, never personal."""
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,60}$")]
"""A project type, category or citizen group id from the game's own data."""
RoomCode = Annotated[str, StringConstraints(pattern=r"^[A-HJ-NP-Z2-9]{6}$")]
RoomKind = Literal["stand", "class", "consultation"]
DecisionKind = Literal["funded", "rejected", "deferred", "consulted"]
Ending = Literal["parade", "mob", "mixed"]
AgeBand = Literal["under_16", "16_24", "25_44", "45_64", "65_plus"]
AreaLink = Literal["live", "work", "study", "none"]
ModerationStatus = Literal["pending", "approved", "rejected"]

LABEL_MAX = 40
IDEA_MAX = 280
_LABEL_CHARS = re.compile(r"^[\w .,'&#()+-]+$")
_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d[\d ()-]{6,}\d")  # a phone number, not "Table 7"
_BLOCKED = frozenset({"fuck", "shit", "cunt", "bitch", "wanker", "twat", "slut", "nigger", "paki"})


def _no_controls(text: str) -> str:
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n" for ch in text):
        raise ValueError("must not contain control characters")
    return text


def clean_label(value: str) -> str:
    """A team or seat label ("Table 3", "Blue team"): never a person's contact details or
    rude words; letters, digits, spaces and a little punctuation; at most 40 characters."""
    text = " ".join(value.split())
    if not text:
        raise ValueError("must not be empty")
    if len(text) > LABEL_MAX:
        raise ValueError(f"must be at most {LABEL_MAX} characters")
    if not _LABEL_CHARS.match(text):
        raise ValueError("may use only letters, digits, spaces and . , ' & # ( ) + -")
    if _EMAIL.search(text) or _LONG_NUMBER.search(text):
        raise ValueError("must not be an email address or phone number")
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & _BLOCKED:
        raise ValueError("is not allowed (please choose another name)")
    return text


def clean_idea(value: str) -> str:
    """Idea text: stored as typed (escaped wherever shown), trimmed, 1..280 characters."""
    text = _no_controls(value.strip())
    if not text:
        raise ValueError("must not be empty")
    if len(text) > IDEA_MAX:
        raise ValueError(f"must be at most {IDEA_MAX} characters")
    return text


Label = Annotated[str, AfterValidator(clean_label)]
IdeaText = Annotated[str, AfterValidator(clean_idea)]
ShortText = Annotated[str, StringConstraints(max_length=120), AfterValidator(_no_controls)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Decision(Strict):
    """One decision a player took on one proposal card in one year."""

    year: int = Field(ge=2000, le=2100)
    kind: DecisionKind
    type_id: Ident
    category: Category
    name: ShortText  # the project type's English name ("Business park")
    scale: float = Field(ge=0, le=1e7)
    cost: float = Field(ge=0, le=1e12)  # capital, £
    group_id: Ident | None = None  # the group consulted (consulted only)


class GroupOutcome(Strict):
    group_id: Ident
    approval: float = Field(ge=0, le=100)


class Outcome(Strict):
    """Where the game ended (the final census report's headline figures)."""

    population: float = Field(ge=0, le=1e9)
    net_additional_jobs: float = Field(ge=-1e7, le=1e7)
    cost_per_net_job: float | None = Field(default=None, ge=-1e12, le=1e12)
    money_spent: float = Field(ge=0, le=1e13)
    approval_overall: float = Field(ge=0, le=100)
    approvals: list[GroupOutcome] = Field(default_factory=list, max_length=60)
    score: float | None = Field(default=None, ge=0, le=100)
    ending: Ending | None = None


class AboutYou(Strict):
    """Asked once, every answer optional: nothing else about a person is ever asked."""

    age_band: AgeBand | None = None
    area_link: list[AreaLink] = Field(default_factory=list, max_length=4)


class PlanIn(Strict):
    """A finished game, as submitted (the plan_key is its idempotency key)."""

    plan_key: Key
    player_key: Key
    label: Label | None = None
    area_code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9:_-]{1,40}$")]
    area_name: ShortText
    years: int = Field(ge=1, le=30)
    seed: int = Field(ge=0, le=2**63 - 1)
    decisions: list[Decision] = Field(default_factory=list, max_length=600)
    outcome: Outcome
    about: AboutYou | None = None


class IdeaIn(Strict):
    """'What would you build here?' (idea_key is its idempotency key)."""

    idea_key: Key
    player_key: Key
    text: IdeaText
    category: Category
    groups: list[Ident] = Field(default_factory=list, max_length=12)
    label: Label | None = None


class JoinIn(Strict):
    player_key: Key
    label: Label | None = None


class SupportIn(Strict):
    player_key: Key


class ModerateIn(Strict):
    status: ModerationStatus


class RoomCreate(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    kind: RoomKind = "stand"


class RoomInfo(Strict):
    code: RoomCode
    name: str
    kind: RoomKind
    created_at: datetime
    players: int = 0
    plans: int = 0
    ideas: int = 0


class Idea(Strict):
    """An idea as stored and shown (text always escaped when rendered)."""

    id: int
    text: str
    category: str
    groups: list[str]
    label: str | None
    status: ModerationStatus
    supports: int
    created_at: datetime


class Submitted(Strict):
    """The reply to a write: the row id, and whether this key had arrived before."""

    id: int
    duplicate: bool
