"""The shared parameter loader: every row needs a source and a status (approval, appraisal)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from game.errors import DataError
from game.sim import appraisal, approval
from game.sim.params import load_named_values


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text("name,value,source,status\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("loader", [approval.load_params, appraisal.load_params])
def test_a_row_without_a_source_fails_with_file_and_row(tmp_path: Path, loader) -> None:
    path = _write(tmp_path, "p.csv", "inertia,0.35,Democracy-style,assumption\nx,1,,verified\n")
    with pytest.raises(DataError, match=r"p\.csv, row 3, column 'source': needs a source"):
        loader(path)


def test_unknown_status_bad_value_and_duplicates_fail(tmp_path: Path) -> None:
    bad_status = _write(tmp_path, "s.csv", "x,1,A source,guess\n")
    with pytest.raises(DataError, match=r"s\.csv, row 2, column 'status'.*'guess'"):
        load_named_values(bad_status)
    bad_value = _write(tmp_path, "v.csv", "x,one,A source,verified\n")
    with pytest.raises(DataError, match=r"v\.csv, row 2, column 'value'"):
        load_named_values(bad_value)
    dup = _write(tmp_path, "d.csv", "x,1,A source,verified\nx,2,A source,derived\n")
    with pytest.raises(DataError, match=r"d\.csv, row 3.*duplicate name 'x'"):
        load_named_values(dup)


def test_shipped_files_pass_and_keep_their_values() -> None:
    assert appraisal.load_params()["discount_rate"] == pytest.approx(0.035)
    assert approval.load_params()["inertia"] == pytest.approx(0.35)


def test_indicator_and_variant_tables_also_need_a_source(tmp_path: Path) -> None:
    from game.sim.indicators import INDICATORS_CSV, load_specs
    from game.sim.uncertainty import UNCERTAINTY_CSV, load_variants

    for shipped, loader in ((INDICATORS_CSV, load_specs), (UNCERTAINTY_CSV, load_variants)):
        with shipped.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        rows[0]["source"] = ""  # file row 2 loses its source
        path = tmp_path / shipped.name
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        with pytest.raises(DataError, match=rf"{shipped.name}, row 2, column 'source'"):
            loader(path)
