"""Player actions. Every change to a game goes through one of these (check, then act)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fund(_Action):
    kind: Literal["fund"] = "fund"
    card_id: str


class Reject(_Action):
    kind: Literal["reject"] = "reject"
    card_id: str


class Defer(_Action):
    kind: Literal["defer"] = "defer"
    card_id: str


class Consult(_Action):
    kind: Literal["consult"] = "consult"
    card_id: str
    group_id: str


class AdvanceYear(_Action):
    """Only appears in the command log: the player ended the year."""

    kind: Literal["advance"] = "advance"


class ThrowShock(_Action):
    """Only appears in the command log: an outside event (data/play/shocks.csv, by id) was
    thrown at the game, e.g. by a class room's teacher between rounds."""

    kind: Literal["shock"] = "shock"
    shock_id: str = Field(pattern=r"^[a-z0-9_]{1,40}$")


Action = Annotated[Fund | Reject | Defer | Consult, Field(discriminator="kind")]
LogEntry = Annotated[
    Fund | Reject | Defer | Consult | AdvanceYear | ThrowShock, Field(discriminator="kind")
]
