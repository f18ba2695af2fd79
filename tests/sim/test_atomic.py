"""game.atomic: one atomic writer with ordinary permissions (saves may stay private)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from game.atomic import atomic_write_bytes, atomic_write_text, current_umask
from game.sim.outputs import write_csv_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_files_get_0644_less_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        assert current_umask() == mask
        path = atomic_write_text(tmp_path / "sub" / "a.csv", "x,y\n1,2\n")
        assert path.read_text() == "x,y\n1,2\n" and _mode(path) == 0o644 & ~mask
        private = atomic_write_bytes(tmp_path / "save.json", b"{}", private=True)
        assert _mode(private) == 0o600
        write_csv_atomic(pd.DataFrame({"a": [1.5]}), tmp_path / "t.csv")
        assert _mode(tmp_path / "t.csv") == 0o644 & ~mask
    finally:
        os.umask(old)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = atomic_write_text(tmp_path / "a.txt", "old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(path, "new")
    monkeypatch.undo()
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
