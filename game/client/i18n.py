"""Translation catalogues: every visible word comes from a gettext catalogue,
assets/i18n/<lang>/LC_MESSAGES/civic.po, keyed by message key ("year.fund").

The .po files are the source; Babel reads each one and compiles it in memory to the .mo form
Python's gettext reads (nothing is written, so it works the same from a checkout and from an
installed wheel). Plural entries carry one text per plural form of the language (English
two, Welsh six), chosen by the catalogue's own Plural-Forms rule.

A language is any folder with a catalogue: adding one needs no code. A key missing from the
player's language falls back to English; a key missing from English shows as the key itself
(and the i18n tests fail), never as a crash.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from game.resources import assets_dir

I18N_DIR = assets_dir() / "i18n"  # no pygame here: the command line asks for languages()
DOMAIN = "civic"
ENGLISH = "en"


def catalogue_path(lang: str, directory: Path = I18N_DIR) -> Path:
    return directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages(directory: Path = I18N_DIR) -> tuple[str, ...]:
    """Every language with a catalogue, English first."""
    found = sorted(
        p.name for p in directory.iterdir() if catalogue_path(p.name, directory).is_file()
    )
    return tuple(sorted(found, key=lambda lang: lang != ENGLISH))


@lru_cache(maxsize=8)
def _compile(lang: str, directory: Path) -> tuple[bytes, dict[str, bool]]:
    """The language's .po compiled by Babel to gettext's .mo bytes (in memory), and every
    key it translates with whether it is a plural entry."""
    with catalogue_path(lang, directory).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    found: dict[str, bool] = {}
    for m in catalog:
        texts = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.id and all(texts):  # an untranslated entry falls back to English
            found[str(m.id[0] if isinstance(m.id, (tuple, list)) else m.id)] = not isinstance(
                m.id, str
            )
    return buf.getvalue(), found


def load_catalogue(lang: str, directory: Path = I18N_DIR) -> gettext.GNUTranslations:
    """A fresh gettext catalogue for the language (fresh: add_fallback changes it)."""
    return gettext.GNUTranslations(io.BytesIO(_compile(lang, directory)[0]))


def keys(lang: str, directory: Path = I18N_DIR) -> dict[str, bool]:
    """Every key a catalogue translates, and whether it is a plural entry (tests, tools)."""
    return dict(_compile(lang, directory)[1])


class _Safe(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    """t(key, **params) for a message; t.plural(key, n, **params) for a counted one."""

    def __init__(self, lang: str = ENGLISH, directory: Path = I18N_DIR) -> None:
        self.lang = lang if catalogue_path(lang, directory).is_file() else ENGLISH
        self.english = keys(ENGLISH, directory)
        self.own = self.english if self.lang == ENGLISH else keys(self.lang, directory)
        self.catalogue = load_catalogue(self.lang, directory)
        if self.lang != ENGLISH:
            self.catalogue.add_fallback(load_catalogue(ENGLISH, directory))
        self.missing: set[str] = set()

    def has(self, key: str) -> bool:
        return key in self.own or key in self.english

    def __call__(self, key: str, **params: Any) -> str:
        if not self.has(key):
            self.missing.add(key)
            return key
        if self._is_plural(key):
            return self.plural(key, _count(params.get("n", 1)), **params)
        return _format(self.catalogue.gettext(key), params)

    def plural(self, key: str, count: int, **params: Any) -> str:
        """A counted message: the text for `count` in this language's plural forms; `count`
        is also its {n} unless params give their own n (a formatted number, say)."""
        if not self.has(key):
            self.missing.add(key)
            return key
        params.setdefault("n", count)
        if not self._is_plural(key):
            return _format(self.catalogue.gettext(key), params)
        return _format(self.catalogue.ngettext(key, key, count), params)

    def maybe(self, key: str, default: str, **params: Any) -> str:
        """Translate `key` if a catalogue has it, else format the given English default."""
        if self.has(key):
            return self(key, **params)
        return _format(default, params)

    def _is_plural(self, key: str) -> bool:
        return self.own.get(key, self.english.get(key, False))


def _count(value: Any) -> int:
    """The number a plural form is chosen by: an int, or a formatted one ("1,260")."""
    try:
        return abs(int(round(float(str(value).replace(",", "")))))
    except ValueError:
        return 1


def _format(text: str, params: dict[str, Any]) -> str:
    return text.format_map(_Safe(params)) if params else text
