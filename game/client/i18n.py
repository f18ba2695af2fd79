"""Translation tables: every visible string comes from assets/i18n/<lang>.json.

Welsh falls back to English key by key, so a half-translated table is still playable.
A missing key shows as the key itself (and the i18n test fails), never as a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.client.assets import I18N_DIR

LANGUAGES = ("en", "cy")


def load_table(lang: str, directory: Path = I18N_DIR) -> dict[str, str]:
    path = directory / f"{lang}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    def __init__(self, lang: str = "en", directory: Path = I18N_DIR) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self.english = load_table("en", directory)
        self.table = self.english if self.lang == "en" else load_table(self.lang, directory)
        self.missing: set[str] = set()

    def has(self, key: str) -> bool:
        return key in self.table or key in self.english

    def __call__(self, key: str, **params: Any) -> str:
        text = self.table.get(key) or self.english.get(key)
        if text is None:
            self.missing.add(key)
            return key
        if params:
            return text.format_map(_Safe(params))
        return text

    def maybe(self, key: str, default: str, **params: Any) -> str:
        """Translate `key` if a table has it, else format the given English default."""
        if self.has(key):
            return self(key, **params)
        return default.format_map(_Safe(params)) if params else default


def sync_welsh(directory: Path = I18N_DIR) -> list[str]:
    """Give cy.json every key en.json has (empty = falls back to English); returns the keys
    added. Run `python -m game.client.i18n` after adding English strings."""
    import json

    en = json.loads((directory / "en.json").read_text(encoding="utf-8"))
    path = directory / "cy.json"
    cy = json.loads(path.read_text(encoding="utf-8"))
    added = [k for k in en if not k.startswith("_") and k not in cy]
    for key in added:
        cy[key] = ""
    if added:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(cy, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
    return added


if __name__ == "__main__":  # pragma: no cover - maintenance command
    for key in sync_welsh():
        print(f"added to cy.json (untranslated): {key}")
