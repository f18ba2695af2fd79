"""Atomic file writes shared by every layer (no game imports, standard library only).

A file is written to a temporary file in the same directory, flushed, given ordinary
permissions and moved over the target with os.replace, so a reader sees the old file or
the new one, never half of one. mkstemp creates its file 0600; exports and tables must be
readable like any file the user creates (0o644 & ~umask), so the mode is set before the
rename. Saved games may stay private (`private=True`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text", "current_umask"]


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux /proc);
    elsewhere by setting and restoring it."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as fh,
    ):
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_bytes(
    path: Path | str, data: bytes, *, private: bool = False, fsync: bool = True
) -> Path:
    """Write `data` to `path` atomically; returns the path. Creates the parent folder."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        if not private:
            os.chmod(tmp, 0o644 & ~current_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def atomic_write_text(
    path: Path | str,
    text: str,
    *,
    encoding: str = "utf-8",
    private: bool = False,
    fsync: bool = True,
) -> Path:
    """Write `text` to `path` atomically (no newline translation); returns the path."""
    return atomic_write_bytes(path, text.encode(encoding), private=private, fsync=fsync)
