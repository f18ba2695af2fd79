"""What people type or paste, cleaned of characters no one means to type (a leaf module)."""

from __future__ import annotations

import unicodedata

# Controls, format characters (zero-width spaces, bidi overrides, BOM), line/paragraph
# separators, private use, surrogates and unassigned code points. pygame_gui cannot lay
# out a text made only of them ("Text has zero width"), and none is part of a place name.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
MAX_TYPED = 200  # longer than any area name; a huge paste is cut, not laid out


def typed_text(text: str) -> str:
    """`text` as typed or pasted, without invisible characters, at most MAX_TYPED long."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)[:MAX_TYPED]
