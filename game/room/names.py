"""Display names for the ids a plan carries: citizen groups (from the census group
definitions, read through game.resources) and project categories."""

from __future__ import annotations

import csv
from functools import cache

from game.resources import data_dir


@cache
def group_names() -> dict[str, str]:
    with open(data_dir() / "census" / "groups.csv", encoding="utf-8", newline="") as fh:
        return {row["id"]: row["name"] for row in csv.DictReader(fh)}


def group_name(group_id: str) -> str:
    return group_names().get(group_id, group_id.replace("_", " ").capitalize())


def category_name(category: str) -> str:
    """'green_space' -> 'Green space', 'culture_tourism' -> 'Culture and tourism'."""
    return category.replace("culture_tourism", "culture_and_tourism").replace("_", " ").capitalize()


# The game's three endings (game.play.report_data.ending_for), as a room's pages name and
# explain them: "Mob" alone reads as an insult to the players, not a game result.
ENDINGS = {
    "parade": ("Parade", "a good score and most people approve"),
    "mixed": ("Mixed reception", "some groups gained, others lost out"),
    "mob": ("Angry mob", "too many people felt left out, or the money bought too few jobs"),
}


def ending_name(ending: str | None) -> str:
    return ENDINGS[ending][0] if ending in ENDINGS else (ending or "–").capitalize()
