"""Rebuilding the extracts from the raw data reproduces the committed files byte for byte."""

from __future__ import annotations

from pathlib import Path

from game.census.build import main
from game.census.paths import DEFAULT_CENSUS_DIR


def test_rebuild_is_byte_identical_to_committed(raw_dir: Path, tmp_path: Path) -> None:
    assert main(["--raw", str(raw_dir), "--out", str(tmp_path)]) == 0
    built = sorted(p.name for p in tmp_path.iterdir())
    assert "areas.csv" in built and "map.json" in built and len(built) >= 15
    for name in built:
        committed = DEFAULT_CENSUS_DIR / name
        assert committed.is_file(), f"{name} is built but not committed"
        assert (tmp_path / name).read_bytes() == committed.read_bytes(), f"{name} differs"
    # The committed files came from an earlier run, so this also shows two runs agree.


def test_data_folder_is_under_15_mb() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_CENSUS_DIR.rglob("*") if p.is_file())
    assert size < 15_000_000


def test_build_reports_missing_raw_folder(tmp_path: Path) -> None:
    assert main(["--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
