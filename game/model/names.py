"""Matching typed place names: case, accents and spacing do not matter.

Welsh names carry circumflexes ("Ynys Môn"), and a player at a fair types "ynys mon".
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case, accents removed, runs of spaces collapsed: "  Ynys  Môn" -> "ynys mon"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
