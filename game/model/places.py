"""Names people use for places: everyday town names, spellings, and councils that replaced
2021 districts (data/census/aliases.csv, validated by the census loader).

The search itself lives on World (find / search / suggest), so the command line and the
game window answer a typed name the same way, "did you mean" included.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.model.names import fold

AliasKind = Literal["spelling", "town", "council_2023"]
ALIAS_GROUPING = "council_2023"  # World grouping kind for a council of several 2021 districts

_PUNCT = re.compile(r"[.'’,()]")
# a UK postcode or its district ("TS24", "TS24 8AA", "sw1a1aa"): one or two letters, a digit,
# then a letter or digit, and optionally the inward part (a digit and two letters)
_POSTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?(\s*[0-9][a-z]{2})?$", re.IGNORECASE)
_DASH = re.compile(r"[-‐–—/]")


def loose(text: str) -> str:
    """fold() plus punctuation people leave out: "St. Helens" and "st helens" agree,
    "Stockton-on-Tees" matches "stockton on tees", "&" reads "and"."""
    t = fold(text).replace("&", " and ")
    t = _DASH.sub(" ", _PUNCT.sub("", t))
    return " ".join(t.split())


def postcode_shaped(text: str) -> bool:
    """True for text shaped like a postcode or a postcode district. No postcode-to-council
    lookup is shipped (none with a clear licence is in the sources), so the search answers
    these with a line saying so rather than "no match" or a misleading "did you mean"."""
    return bool(_POSTCODE.match(text.strip()))


class PlaceAlias(BaseModel):
    """One row of aliases.csv: a name people type and the 2021 district(s) it means."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    alias: str = Field(min_length=2)
    kind: AliasKind
    code: str = Field(pattern=r"^[EW]\d{8}$")  # the area the name means (2023 code for a council)
    members: tuple[str, ...] = Field(min_length=1)  # its 2021 districts (LAD21 codes)
    note: str = Field(min_length=3)  # the line shown beside the match, saying what it is
    source: str = Field(min_length=3)
    status: Literal["verified", "derived", "assumption"]


class PlaceMatch(BaseModel):
    """One answer to a typed name: the area to play, and why it matched."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str  # a LAD21 code, a grouping code, or a 2023 council code
    name: str  # the area's own name
    alias: str | None = None  # the name typed, when it matched an alias
    note: str = ""  # e.g. "Grimsby is in North East Lincolnshire"
