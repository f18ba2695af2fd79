"""The fuzz harness: cases, the contract every input surface must keep, and the tally.

The contract for a file a user hands the program: it is either used (a successful run), or
refused with one clean line -- a CivicError (exit status 2 at the command line) whose
message is a single line naming the file, and for table rows the row or column. Never a
traceback, never a hang, and a case known to be bad is never silently accepted.

Every surface is a name, a list of mutations and a runner. A mutation turns a random
generator and the surface's valid base file into a Case; the runner feeds the case to the
real loader (in process, under a SIGALRM deadline so a hang is caught and reported instead
of stalling the suite) and judges the outcome. The same code serves the hypothesis tests
(which hand a seeded Random to each mutation) and run_long.py's table.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

from game.errors import CivicError

LONG = os.environ.get("CIVIC_FUZZ_LONG") == "1"
DEADLINE_S = 20.0  # far above any legitimate case here (the slowest takes ~0.5 s)
OUTCOMES = ("ok", "clean", "unclear", "traceback", "hang", "accepted", "refused_valid", "lost")


@dataclass
class Case:
    label: str
    data: bytes | None = None  # None: `special` says what to create instead of a file
    bad: bool | None = None  # True: must be refused; False: must be used; None: either
    special: str | None = None  # "fifo", "devzero", "dir", "huge"
    positional: bool = False  # a refusal must name the row, column, line or field
    target: str = ""  # which file of a folder the case replaces (census folder surface)


@dataclass
class Result:
    outcome: str
    detail: str = ""


@dataclass
class Surface:
    name: str
    mutations: list[Callable[[Random, Any], Case]]
    base: Callable[[], Any]  # built once per process (cached by the caller)
    run: Callable[[Case, Path, Any], Result]
    tally_extra: Counter = field(default_factory=Counter)


class Hang(BaseException):
    """Raised by the deadline alarm; a BaseException so `except Exception` cannot eat it."""


@contextlib.contextmanager
def deadline(seconds: float = DEADLINE_S) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_POSITION = re.compile(r"\b(row|column|line|field|item)s?\b|\[\d+\]|\.\d+\b|'[^']+'")


def judge_message(msg: str, case: Case, names: tuple[str, ...]) -> str:
    """'clean' if `msg` is one line naming the file (and a position when the case needs
    one), else 'unclear'."""
    if "\n" in msg or "\r" in msg or not any(n in msg for n in names):
        return "unclear"
    try:
        msg.encode("utf-8")
    except UnicodeEncodeError:
        return "unclear"
    if case.positional and not _POSITION.search(msg.split(": ", 1)[-1] + " " + msg):
        return "unclear"
    return "clean"


def _settle(case: Case, rejected: Result | None) -> Result:
    if rejected is None:
        return Result("accepted" if case.bad else "ok")
    if case.bad is False and rejected.outcome == "clean":
        return Result("refused_valid", rejected.detail)
    return rejected


def call_in_process(fn: Callable[[], Any], case: Case, names: tuple[str, ...]) -> Result:
    """Run a loader call; judge a CivicError's message; anything else is a traceback."""
    try:
        with deadline():
            fn()
    except Hang:
        return Result("hang", case.label)
    except CivicError as exc:
        return _settle(case, Result(judge_message(str(exc), case, names), str(exc)))
    except Exception:  # noqa: BLE001 - this is what the fuzz suite is looking for
        return Result("traceback", traceback.format_exc(limit=-4))
    return _settle(case, None)


def call_cli(argv: list[str], case: Case, names: tuple[str, ...]) -> Result:
    """Run `python main.py ARGV` in process: exit 0 is success, exit 2 must come with one
    clean `error:` line on stderr; a raised exception is a traceback."""
    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with deadline(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except Hang:
        return Result("hang", case.label)
    except SystemExit as exc:  # argparse usage errors: exit 2 with usage text
        code = int(exc.code or 0)
    except Exception:  # noqa: BLE001
        return Result("traceback", traceback.format_exc(limit=-4))
    text = err.getvalue()
    if code == 0:
        return _settle(case, None)
    lines = text.splitlines()
    if code != 2 or len(lines) != 1 or not lines[0].startswith("error: "):
        return _settle(case, Result("unclear", f"exit {code}: {text[:300]!r}"))
    return _settle(case, Result(judge_message(lines[0], case, names), lines[0]))


def materialise(case: Case, path: Path) -> None:
    """Put the case at `path`: its bytes, or a FIFO, a link to /dev/zero, a folder, or a
    sparse file above every size limit."""
    if case.special == "fifo":
        os.mkfifo(path)
    elif case.special == "devzero":
        os.symlink("/dev/zero", path)
    elif case.special == "dir":
        path.mkdir()
    elif case.special == "huge":
        with open(path, "wb") as fh:
            fh.truncate(300 * 1024 * 1024)  # sparse: no disk used, above every limit
    else:
        path.write_bytes(case.data or b"")


def run_case(surface: Surface, case: Case, tmp: Path, base: Any) -> Result:
    return surface.run(case, tmp, base)


def tally(results: list[Result]) -> Counter:
    return Counter(r.outcome for r in results)


# -- byte-level mutations shared by every surface ------------------------------------------


def flip_bytes(rng: Random, data: bytes, n: int | None = None) -> bytes:
    buf = bytearray(data)
    for _ in range(n or rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(rng: Random, data: bytes) -> bytes:
    return data[: rng.randrange(max(1, len(data) - 1))]


def weird_text(rng: Random) -> str:
    """A string people (or a half-copied USB stick) produce: zero-width and bidi marks,
    controls, an ANSI escape, a forged error line, a lone surrogate, emoji, RTL text."""
    parts = [
        "\u200b",
        "\u202e",
        "\u2066",
        "\ufeff",
        "\x1b[31m",
        "\x00",
        "\n",
        "\r\nerror: forged",
        "\ud800",
        "\U0001f600",
        "ÿ",
        "Ynys Môn",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u2028",
        "\t",
        "'",
        '"',
        "\\",
        "%s",
        "{0}",
        "a" * rng.randint(0, 300),
    ]
    return "".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))


def general_mutations(data_of: Callable[[Any], bytes]) -> list[Callable[[Random, Any], Case]]:
    """Mutations every file surface gets: valid, BOM, truncated, flipped, empty, binary,
    and the special files (FIFO, /dev/zero, folder, oversized)."""

    def valid(rng: Random, base: Any) -> Case:
        return Case("valid", data_of(base), bad=False)

    def bom(rng: Random, base: Any) -> Case:
        return Case("utf-8 BOM", b"\xef\xbb\xbf" + data_of(base), bad=False)

    def truncated(rng: Random, base: Any) -> Case:
        return Case("truncated", truncate(rng, data_of(base)))

    def flipped(rng: Random, base: Any) -> Case:
        return Case("flipped bytes", flip_bytes(rng, data_of(base)))

    def empty(rng: Random, base: Any) -> Case:
        return Case("empty", rng.choice([b"", b" \n", b"\n" * 1000]), bad=True)

    def binary(rng: Random, base: Any) -> Case:
        return Case("binary", rng.randbytes(rng.randint(1, 4000)), bad=True)

    def special(rng: Random, base: Any) -> Case:
        kind = rng.choice(["fifo", "devzero", "dir", "huge"])
        return Case(f"special file ({kind})", special=kind, bad=True)

    return [valid, bom, truncated, flipped, empty, binary, special]
