"""The one strict, bounded reader for files a user hands the program (standard library only).

Every JSON input (scenarios, saves, map.json) and every CSV input is opened through here, so
each gets the same guarantees:

- only a regular file is read, and never more than a stated size (a FIFO, a directory or a
  link to /dev/zero is refused at once, before anything blocks or fills memory);
- JSON is parsed strictly: duplicate keys, NaN/Infinity, numbers too long or too large for
  a float, nesting deeper than a stated limit, lone surrogates and control characters in
  strings are all refused; a UTF-8 byte-order mark is accepted;
- every problem is an InputError (a DataError): one line naming the file, and the line and
  column where the JSON parser knows them.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

from game.errors import DataError

__all__ = [
    "InputError",
    "MAX_CSV_BYTES",
    "MAX_JSON_BYTES",
    "MAX_JSON_DEPTH",
    "check_text",
    "load_json",
    "parse_json",
    "read_bounded",
]

MAX_JSON_BYTES = 20 * 1024 * 1024  # a save of a 50-year game is < 1 MB; map.json ~0.4 MB
MAX_CSV_BYTES = 200 * 1024 * 1024  # Nomis's full commuting download is ~60 MB
MAX_JSON_DEPTH = 64  # our deepest file nests 6 levels
MAX_NUMBER_CHARS = 40  # longer than any float repr; a 5,000-digit integer is refused
# C0 and C1 control characters other than tab, newline and carriage return: never
# legitimate in a name or a description, and an ESC would reach the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class InputError(DataError):
    """A file a user supplied cannot be read safely; one line naming the file."""


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def read_bounded(path: Path | str, limit: int, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else InputError at once.

    Opened non-blocking so a FIFO cannot hang the open; the type is checked on the open
    descriptor (no race with a rename), and at most limit + 1 bytes are ever read."""
    path = Path(path)
    where = name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(where, "file not found") from None
    except OSError as exc:
        raise InputError(where, f"cannot open it ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(where, f"{kind}; expected a file")
        if info.st_size > limit:
            raise InputError(
                where, f"file is {_mib(info.st_size)}, above the limit of {_mib(limit)}"
            )
        with contextlib.suppress(AttributeError, OSError):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(where, f"cannot read it ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if total > limit:  # it grew while we read
        raise InputError(where, f"file is above the limit of {_mib(limit)}")
    return b"".join(chunks)


def _depth(raw: bytes) -> int:
    """Deepest bracket nesting outside strings (no recursion, linear time)."""
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    if not brackets:
        return 0
    return max(accumulate(1 if b in b"[{" else -1 for b in brackets))


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(f"a number {len(text)} characters long ({text[:12]}...)")
    value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"number {text} is too large")
    return value


def _constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed (JSON numbers must be finite)")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {shown(key)}")
        out[key] = value
    return out


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a one-line message: escapes for anything unprintable, cut short."""
    cut = text if len(text) <= limit else text[:limit] + "..."
    return repr(cut.encode("utf-8", "backslashreplace").decode("utf-8"))


def check_text(text: str) -> str | None:
    """Why a string from a file cannot be used (lone surrogate, control character), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"string {shown(text)} holds a lone surrogate at character {exc.start + 1}"
    m = _CONTROL.search(text)
    if m:
        return f"string {shown(text)} holds control character U+{ord(m.group()):04X}"
    return None


def _strings(obj: Any) -> Iterator[str]:
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def parse_json(raw: bytes, name: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Strictly parse JSON bytes (UTF-8, BOM allowed); InputError names `name`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (byte {exc.start + 1})") from None
    if not text.strip():
        raise InputError(name, "the file is empty")
    depth = _depth(raw)
    if depth > max_depth:
        raise InputError(name, f"JSON nested {depth} deep, above the limit of {max_depth}")
    try:
        obj = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=_number,
            parse_float=_number,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            name, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(name, f"malformed JSON: {exc}") from None
    for s in _strings(obj):
        problem = check_text(s)
        if problem:
            raise InputError(name, problem)
    return obj


def load_json(path: Path | str, limit: int = MAX_JSON_BYTES, name: str | None = None) -> Any:
    """read_bounded + parse_json."""
    where = name or str(path)
    return parse_json(read_bounded(path, limit, where), where)
