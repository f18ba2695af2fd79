"""Finished games kept at a stand: each in a new file, never overwritten.

A kiosk records every game that reaches the final census, so the stand's results can be
gathered later (or sent to a room). Names are `<area>-<stamp>-<n>.json`; the file is written
atomically under a temporary name and then hard-linked into place, which refuses to replace
an existing file, so two games finishing in the same second both survive.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import BaseModel

from game.atomic import atomic_write_bytes
from game.store.saves import default_save_dir

RECORDS_DIR = "finished"


def records_dir(base: Path | str | None = None) -> Path:
    """Where finished games go: next to the saves (…/saves/finished)."""
    return default_save_dir(base) / RECORDS_DIR


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "game"


def record_finished(save: BaseModel, folder: Path, area: str, stamp: str) -> Path:
    """Write `save` as a new file in `folder`; returns its path. `stamp` is supplied by the
    caller (a clock is never read here), e.g. "20261203T091500"."""
    folder.mkdir(parents=True, exist_ok=True)
    data = save.model_dump_json(indent=1).encode("utf-8")
    tmp = atomic_write_bytes(folder / f".{_slug(area)}-{_slug(stamp)}.tmp", data, private=True)
    try:
        n = 1
        while True:
            target = folder / f"{_slug(area)}-{_slug(stamp)}-{n}.json"
            try:
                os.link(tmp, target)  # never replaces an existing file
                return target
            except FileExistsError:
                n += 1
    finally:
        tmp.unlink(missing_ok=True)


def list_records(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []
