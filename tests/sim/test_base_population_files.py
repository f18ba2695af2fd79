"""--base-population files: single years, 5-year bands, and clear errors."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from game.census import load_world
from game.errors import DataError
from game.model.world import World
from game.sim.base_population import load_base_population, parse_age, split_band

CODES = ("E06000001", "W06000001")
BANDS = [(a, a + 4) for a in range(0, 90, 5)] + [(90, 90)]


@pytest.fixture(scope="module")
def world() -> World:
    return load_world()


def write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["area_code", "sex", "age", "count"])
        w.writerows(rows)
    return path


def single_rows(P: np.ndarray) -> list[list[object]]:
    return [
        [code, sex, age, int(P[k, s, age])]
        for k, code in enumerate(CODES)
        for s, sex in enumerate(("male", "female"))
        for age in range(91)
    ]


def band_rows(P: np.ndarray, shift: int = 7) -> list[list[object]]:
    rows: list[list[object]] = []
    for k, code in enumerate(CODES):
        for s, sex in enumerate(("male", "female")):
            for lo, hi in BANDS:
                label = "90+" if lo == 90 else f"{lo}-{hi}"
                rows.append([code, sex, label, int(P[k, s, lo : hi + 1].sum()) + shift])
    return rows


def test_single_year_file_round_trips(world: World, tmp_path: Path) -> None:
    P = world.population_array()[[world.index[c] for c in CODES]]
    got, codes = load_base_population(write(tmp_path / "b.csv", single_rows(P)), world)
    assert codes == CODES
    np.testing.assert_array_equal(got, P)


def test_five_year_bands_give_the_same_totals_as_single_years(world: World, tmp_path: Path) -> None:
    P = world.population_array()[[world.index[c] for c in CODES]]
    banded, _ = load_base_population(write(tmp_path / "bands.csv", band_rows(P)), world)
    # build the single-year version of the same (shifted) band counts and compare totals
    for k in range(2):
        for s in range(2):
            for lo, hi in BANDS:
                expected = int(P[k, s, lo : hi + 1].sum()) + 7
                assert banded[k, s, lo : hi + 1].sum() == pytest.approx(expected)
    assert banded.sum() == pytest.approx(sum(r[3] for r in band_rows(P)))  # type: ignore[misc]
    # bands cut from the shipped single years split back into exactly those single years
    same, _ = load_base_population(write(tmp_path / "b0.csv", band_rows(P, shift=0)), world)
    single, _ = load_base_population(write(tmp_path / "s0.csv", single_rows(P)), world)
    np.testing.assert_allclose(same, single, atol=1e-9)
    np.testing.assert_allclose(same.sum(axis=(1, 2)), single.sum(axis=(1, 2)))
    # the split follows the area's own single-year shape inside each band
    k, s = 0, 1
    share = P[k, s, 20:25] / P[k, s, 20:25].sum()
    np.testing.assert_allclose(banded[k, s, 20:25] / banded[k, s, 20:25].sum(), share)


def test_split_band_is_even_without_reference() -> None:
    np.testing.assert_allclose(split_band(10.0, np.zeros(5)), [2.0] * 5)
    np.testing.assert_allclose(split_band(10.0, np.array([1.0, 3.0])), [2.5, 7.5])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", (0, 0)),
        ("90", (90, 90)),
        ("0-4", (0, 4)),
        ("85-89", (85, 89)),
        ("90+", (90, 90)),
        ("85+", (85, 90)),
        ("91", None),
        ("5-3", None),
        ("old", None),
        ("", None),
    ],
)
def test_parse_age(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (["E99999999", "male", "3", "10"], "area_code", "unknown area code 'E99999999'"),
        (["E06000001", "male", "3", "-5"], "count", "negative"),
        (["E06000001", "man?", "3", "10"], "sex", "bad sex"),
        (["E06000001", "male", "3-1", "10"], "age", "bad age"),
        (["E06000001", "male", "3", "ten"], "count", "not a number"),
    ],
)
def test_bad_rows_name_file_row_and_column(
    world: World, tmp_path: Path, row: list[str], column: str, words: str
) -> None:
    path = write(tmp_path / "bad.csv", [["E06000001", "male", "0", "1"], row])
    with pytest.raises(DataError) as err:
        load_base_population(path, world)
    msg = str(err.value)
    assert "bad.csv" in msg and "row 3" in msg and f"column '{column}'" in msg and words in msg


def test_gaps_overlaps_and_missing_columns_are_errors(world: World, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no row covering age 1"):
        load_base_population(write(tmp_path / "gap.csv", [["E06000001", "male", "0", "1"]]), world)
    overlap = [["E06000001", "male", "0-4", "10"], ["E06000001", "male", "3", "1"]]
    with pytest.raises(DataError, match="row 3.*overlap"):
        load_base_population(write(tmp_path / "ov.csv", overlap), world)
    (tmp_path / "cols.csv").write_text("code,sex,age,count\nE06000001,male,0,1\n")
    with pytest.raises(DataError, match="missing column"):
        load_base_population(tmp_path / "cols.csv", world)
    with pytest.raises(DataError, match="not found"):
        load_base_population(tmp_path / "nope.csv", world)


def test_an_extra_field_is_reported_at_its_row_not_as_a_shifted_column(
    world: World, tmp_path: Path
) -> None:
    P = world.population_array()[[world.index[c] for c in CODES]]
    rows = single_rows(P)
    rows[3] = [*rows[3], "9"]
    path = write(tmp_path / "extra.csv", rows)
    with pytest.raises(DataError) as err:
        load_base_population(path, world)
    msg = str(err.value)
    assert "extra.csv, row 5" in msg and "5 fields but the header has 4" in msg
    assert "unknown area code" not in msg


def test_every_message_names_the_file(world: World, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("area_code,sex,age,count\nE06000001,m\xe2le,0,1\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.csv: not UTF-8 text"):
        load_base_population(bad, world)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n")
    with pytest.raises(DataError, match=r"empty\.csv: empty file"):
        load_base_population(empty, world)
    cols = tmp_path / "cols.csv"
    cols.write_text("area,sex,age,count\nE06000001,male,0,1\n")
    with pytest.raises(DataError, match=r"cols\.csv, row 1: missing column\(s\) area_code"):
        load_base_population(cols, world)
