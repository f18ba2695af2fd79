"""Citizen groups: overlapping sets of people (or households) defined from census tables.

The definitions live in data/census/groups.csv; this module only describes their shape.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.model.area import Frozen


class GroupDefinition(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_cy: str
    source: str  # census table id, e.g. "TS066"
    file: str  # extract file in data/census holding that table
    categories: tuple[str, ...] = Field(min_length=1)  # category keys, ranges like male_0-4
    unit: Literal["people", "households"]
    description: str
    # What a share of this group is a share of: the census table's own population (all
    # residents 16+, people in work, households) or the mid-2021 estimate for MYE groups.
    universe: str = ""  # e.g. "residents 16+ (Census 2021)"; "" = the table's total
    universe_excludes: tuple[str, ...] = ()  # "does not apply" keys taken off the total
    note: str = ""  # a caveat to print beside the number, e.g. what a proxy really counts
