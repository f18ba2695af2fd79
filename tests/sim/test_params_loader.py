"""The one parameter loader: every row of every engine parameter file needs a source and a
status (verified / derived / assumption), checked the same way for every file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from game.errors import DataError
from game.provenance import STATUSES, named_values
from game.resources import data_dir
from game.sim.params_bundle import load_parameters, read_specs, read_variants


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text("name,value,source,status\n" + body, encoding="utf-8")
    return path


def test_a_row_without_a_source_fails_with_file_and_row(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv", "inertia,0.35,Democracy-style,assumption\nx,1,,verified\n")
    with pytest.raises(DataError, match=r"p\.csv, row 3, column 'source': needs a source"):
        named_values(path)


def test_unknown_status_bad_value_and_duplicates_fail(tmp_path: Path) -> None:
    bad_status = _write(tmp_path, "s.csv", "x,1,A source,guess\n")
    with pytest.raises(DataError, match=r"s\.csv, row 2, column 'status'.*'guess'"):
        named_values(bad_status)
    bad_value = _write(tmp_path, "v.csv", "x,one,A source,verified\n")
    with pytest.raises(DataError, match=r"v\.csv, row 2, column 'value'"):
        named_values(bad_value)
    dup = _write(tmp_path, "d.csv", "x,1,A source,verified\nx,2,A source,derived\n")
    with pytest.raises(DataError, match=r"d\.csv, row 3.*duplicate name 'x'"):
        named_values(dup)


def test_shipped_files_pass_and_keep_their_values() -> None:
    params = load_parameters(data_dir())
    assert params.appraisal["discount_rate"] == pytest.approx(0.035)
    assert params.approval["inertia"] == pytest.approx(0.35)
    assert params.links.household_size == pytest.approx(2.36)
    assert set(params.variants) == {"low", "central", "high"}
    assert params.schedules.migrant_profile.sum() == pytest.approx(1.0)
    assert not params.activity.flags.writeable  # the bundle is read-only


def test_indicator_and_variant_tables_also_need_a_source(tmp_path: Path) -> None:
    shipped_dir = data_dir()
    for shipped, loader in (
        (shipped_dir / "params" / "approval_indicators.csv", read_specs),
        (shipped_dir / "projects" / "uncertainty.csv", read_variants),
    ):
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


@pytest.mark.parametrize(
    "name",
    [
        "params/demography.csv",
        "params/national_mortality.csv",
        "params/activity_rates.csv",
        "params/migration_links.csv",
        "params/pooled_areas.csv",
        "params/additionality.csv",
        "params/approval_weights.csv",
        "projects/appraisal_params.csv",
        "params/household_size.csv",
        "params/housing_types.csv",
        "params/housing_ages.csv",
    ],
)
def test_every_engine_file_gets_the_same_rule(tmp_path: Path, name: str) -> None:
    """A status outside the one list fails in every file the bundle reads, naming it."""
    data = tmp_path / "data"
    shutil.copytree(shipped := data_dir(), data, ignore=shutil.ignore_patterns("census"))
    path = data / name
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[0]["status"] = "guess"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError, match=rf"{Path(name).name}, row 2, column 'status'"):
        load_parameters(data)
    assert "derived" in STATUSES and shipped.is_dir()
