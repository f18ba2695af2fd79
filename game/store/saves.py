"""Saved games on disk: atomic writes, and loads that never lose a player's file.

A save that cannot be read is renamed aside to `<name>.corrupt-N` (never overwritten,
never deleted) and reported with SaveError, so the next autosave cannot clobber it.

game.store is independent of game.play (import-linter sibling layers), so the schema to
validate against is passed in: `load(path, SaveFile)` with SaveFile from game.play.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from game.atomic import atomic_write_bytes
from game.errors import SaveError
from game.inputs import InputError, parse_json, read_bounded, shown
from game.userdirs import user_data_dir

AUTOSAVE_NAME = "autosave.json"
MAX_SAVE_BYTES = 20 * 1024 * 1024  # a 50-year game with every card played is < 1 MB

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def default_save_dir(base: Path | str | None = None) -> Path:
    """Where saves live: the `saves` folder of `base`, else of the user's data folder
    (game.userdirs). Not created here."""
    return Path(base if base is not None else user_data_dir()) / "saves"


def autosave_path(base: Path | str | None = None) -> Path:
    return default_save_dir(base) / AUTOSAVE_NAME


def save_atomic(save: BaseModel, path: Path | str | None = None) -> Path:
    """Write `save` as JSON to `path` (default: the autosave) via a temp file in the same
    directory and os.replace, so a crash leaves either the old file or the new one."""
    target = Path(path) if path is not None else autosave_path()
    # Saves stay private to the user (0600), unlike exported tables.
    return atomic_write_bytes(target, save.model_dump_json(indent=1).encode("utf-8"), private=True)


def set_aside(path: Path) -> Path:
    """Rename a bad save to the first free `<name>.corrupt-N`; never replaces a file."""
    n = 1
    while True:
        dest = path.with_name(f"{path.name}.corrupt-{n}")
        try:
            # link() refuses to overwrite, so two processes cannot clobber each other.
            os.link(path, dest)
        except FileExistsError:
            n += 1
            continue
        except OSError:
            if dest.exists():
                n += 1
                continue
            os.rename(path, dest)  # file systems without hard links
            return dest
        os.unlink(path)
        return dest


def _expected_version(schema: type[BaseModel]) -> object:
    field = schema.model_fields.get("version")
    return None if field is None else field.default


def _problem(raw: bytes, schema: type[M], name: str) -> tuple[M | None, str]:
    try:
        obj = parse_json(raw, name)
    except InputError as exc:
        return None, exc.problem
    if not isinstance(obj, dict):
        return None, "not a saved game (expected a JSON object)"
    want = _expected_version(schema)
    got = obj.get("version")
    if want is not None and (got != want or type(got) is not type(want)):  # true is not 1
        return None, (
            f"save version {repr(obj.get('version'))[:40]} is not supported "
            f"(this game reads version {want})"
        )
    try:
        return schema.model_validate(obj), ""
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "top level"
        extra = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return None, f"invalid at {shown(loc)}: {err['msg']}{extra}"


def reject(path: Path | str, problem: str) -> SaveError:
    """Set a save that cannot be used aside (bytes intact) and return the SaveError that
    names it; used for unreadable files and for valid files whose replay fails."""
    path = Path(path)
    try:
        aside = set_aside(path)
        kept = f"kept as {aside.name}"
    except OSError as exc:
        kept = f"could not rename it aside ({exc.strerror}); it was left untouched"
    return SaveError(f"{path}: saved game cannot be opened, {problem}; {kept}")


def _read(path: Path, schema: type[M]) -> tuple[M | None, str]:
    """(the save, "") or (None, what is wrong with the file). A path that is missing or
    not a regular file is a SaveError at once: there is no save there to set aside."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SaveError(f"{path}: no saved game there") from None
    except OSError as exc:
        raise SaveError(f"{path}: cannot read it ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(f"{path}: not a regular file, so not a saved game; it was left untouched")
    try:
        raw = read_bounded(path, MAX_SAVE_BYTES)
    except InputError as exc:
        if not path.is_file():  # replaced by something else since the stat: leave it be
            raise SaveError(str(exc)) from None
        return None, exc.problem
    return _problem(raw, schema, str(path))


def load(path: Path | str, schema: type[M]) -> M:
    """Read and validate a save. Anything wrong -> SaveError naming the file and the
    problem; the bad file is renamed aside (kept byte-identical) before raising.

    Only a regular file of at most MAX_SAVE_BYTES is read: a FIFO or a link to /dev/zero
    is refused at once (and, not being a save, left where it is)."""
    path = Path(path)
    model, problem = _read(path, schema)
    if model is not None:
        return model
    raise reject(path, problem)


def read_save(path: Path | str, schema: type[M]) -> M:
    """load() for a file the user names (`report --save FILE`): the same strict, bounded
    reading, but a bad file is only reported, never renamed -- it is not our autosave."""
    path = Path(path)
    model, problem = _read(path, schema)
    if model is not None:
        return model
    raise SaveError(f"{path}: not a readable saved game, {problem}")


def load_and_replay(path: Path | str, schema: type[M], replay: Callable[[M], T]) -> T:
    """load() a save and rebuild the game from it with `replay` (GameSession.from_save,
    passed in: game.store does not import game.play). A save that parses but cannot be
    replayed -- a changed checksum, a seed of -1, more years than the game has -- is set
    aside exactly like an unreadable one, so New game can never overwrite it."""
    save = load(path, schema)
    try:
        return replay(save)
    except Exception as exc:  # noqa: BLE001 - any replay failure: keep the file, say so
        detail = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise reject(path, f"its replay fails ({shown(detail, 200)[1:-1]})") from None


def clean_temporaries(folder: Path | str, older_than_s: float = 60.0) -> list[Path]:
    """Delete temporary files left in `folder` by saves killed before their rename
    (`.<name>.XXXX.tmp`, see game.atomic); returns what was removed. Files younger than
    `older_than_s` may belong to a save in progress in another window and are kept."""
    folder = Path(folder)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for tmp in folder.glob(".*.tmp"):
        try:
            if tmp.is_file() and now - tmp.stat().st_mtime >= older_than_s:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # gone already, or not ours to delete
    return removed


def list_saves(base: Path | str | None = None) -> list[Path]:
    """Saves in the save directory (newest first), excluding set-aside corrupt files."""
    folder = default_save_dir(base)
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.json") if p.is_file()]
    return sorted(files, key=lambda p: (-p.stat().st_mtime_ns, p.name))
