"""A user's own base population (`--base-population FILE --base-year YEAR`).

CSV columns `area_code, sex, age, count`; one row per area x sex x age. `age` is a single
year 0..90 (90 meaning 90+), a band `a-b` (e.g. `0-4`, `85-89`) or an open band `a+`
(`90+`, `85+`). Bands are split to single years in proportion to the area's own mid-2021
single-year counts for that sex within the band (evenly where those are all zero), so a
band file's totals by area, sex and band equal its single-year version's exactly and the
split keeps each area's real age detail. Every single year of every listed area and both
sexes must be covered exactly once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from game.errors import DataError
from game.inputs import check_text, read_bounded, shown
from game.model.area import N_AGES, SEXES
from game.sim.schedules import FloatArray, WorldLike

COLUMNS = ("area_code", "sex", "age", "count")
MAX_FILE_BYTES = 20 * 1024 * 1024  # all 331 areas in single years are ~2 MB
MAX_ROWS = 331 * 2 * N_AGES  # every area, sex and single year once
# Birmingham, the largest area, has ~1.1 million people and ~20,000 at its largest single
# year of age; no real row or area comes near these bounds.
MAX_ROW_COUNT = 5_000_000
MAX_AREA_TOTAL = 20_000_000
# ASCII digits only: \d would take Arabic-Indic and other Unicode digits, which int() and
# float() then read silently.
_SINGLE = re.compile(r"^\d{1,2}$", re.ASCII)
_BAND = re.compile(r"^(\d{1,2})\s*-\s*(\d{1,2})$", re.ASCII)
_OPEN = re.compile(r"^(\d{1,2})\s*\+$", re.ASCII)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$", re.ASCII)
_SEX_ALIASES = {"male": 0, "m": 0, "males": 0, "female": 1, "f": 1, "females": 1}

__all__ = ["load_base_population", "parse_age", "split_band"]


def parse_age(text: str) -> tuple[int, int] | None:
    """`'7'` -> (7, 7); `'0-4'` -> (0, 4); `'90+'` / `'90'` -> (90, 90); bad -> None."""
    t = text.strip()
    if _SINGLE.match(t):
        a = int(t)
        return (a, a) if a < N_AGES else None
    if m := _BAND.match(t):
        lo, hi = int(m.group(1)), int(m.group(2))
        return (lo, hi) if lo <= hi < N_AGES else None
    if m := _OPEN.match(t):
        lo = int(m.group(1))
        return (lo, N_AGES - 1) if lo < N_AGES else None
    return None


def split_band(count: float, weights: FloatArray) -> FloatArray:
    """Split `count` over the band's single years in proportion to `weights` (even if 0)."""
    w = np.asarray(weights, dtype=np.float64)
    total = w.sum()
    if total <= 0:
        return np.full(w.shape, count / len(w))
    return count * w / total


def _read_table(path: Path, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(lower-cased header, [(line number, fields)]) with blank lines skipped.

    The file is read through the bounded reader (regular file, at most MAX_FILE_BYTES),
    and blank lines are dropped as they stream past, so a file of blank lines costs
    nothing; at most MAX_ROWS data rows are kept."""
    raw = read_bounded(path, MAX_FILE_BYTES, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(name, "not UTF-8 text") from None
    rows: list[tuple[int, list[str]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
        for r in reader:
            fields = [f.strip() for f in r]
            if not any(fields):
                continue
            if len(rows) > MAX_ROWS:
                raise DataError(
                    name,
                    f"more than {MAX_ROWS:,} rows",
                    row=reader.line_num,
                    hint="one row per area, sex and age",
                )
            problem = next((p for f in fields if (p := check_text(f))), None)
            if problem:
                raise DataError(name, problem, row=reader.line_num)
            rows.append((reader.line_num, fields))
    except csv.Error as exc:
        raise DataError(name, f"not a readable CSV ({exc})") from None
    rows = [(i, r) for i, r in rows if any(r)]
    if not rows:
        raise DataError(name, "empty file", hint="need " + ", ".join(COLUMNS))
    header = [c.lower() for c in rows[0][1]]
    return header, rows[1:]


def _parse_row(
    name: str, i: int, rec: Any, known: Mapping[str, int]
) -> tuple[str, int, int, int, float, int]:
    """(area code, sex, first age, last age, count, line) of one row, or DataError."""
    code = str(rec.area_code).strip().upper()
    if code not in known:
        raise DataError(
            name,
            f"unknown area code {shown(str(rec.area_code))}",
            row=i,
            column="area_code",
            hint="use 2021 local authority (LAD21) codes, e.g. E06000001",
        )
    sex = _SEX_ALIASES.get(str(rec.sex).strip().lower())
    if sex is None:
        raise DataError(
            name, f"bad sex {shown(str(rec.sex))}", row=i, column="sex", hint="male or female"
        )
    ages = parse_age(str(rec.age))
    if ages is None:
        raise DataError(
            name,
            f"bad age {shown(str(rec.age))}",
            row=i,
            column="age",
            hint="a single year 0..90 (90 = 90+), a band like 0-4, or 90+",
        )
    text = str(rec.count).replace(",", "")
    if not _NUMBER.match(text):  # float() alone takes "1_000", "nan" and "inf"
        raise DataError(
            name, f"count {shown(str(rec.count))} is not a number", row=i, column="count"
        )
    count = float(text)
    if not np.isfinite(count) or count < 0:
        raise DataError(
            name, f"negative or invalid count {shown(str(rec.count))}", row=i, column="count"
        )
    if count > MAX_ROW_COUNT:
        raise DataError(
            name,
            f"count {shown(str(rec.count))} is beyond any real population",
            row=i,
            column="count",
            hint=f"a row holds at most {MAX_ROW_COUNT:,} people",
        )
    return (code, sex, ages[0], ages[1], count, i)


def load_base_population(
    csv_path: Path | str, world: WorldLike
) -> tuple[np.ndarray, tuple[str, ...]]:
    """(population (n, 2, 91) float64, codes sorted) for the areas listed in the file.

    Raises DataError naming the file, the row (line number, header = 1) and the column for
    an unknown area code, a bad sex or age, a negative or non-numeric count, a repeated or
    overlapping age, or an area whose ages or sexes are incomplete.
    """
    path = Path(csv_path)
    name = str(path)
    if not path.exists():
        raise DataError(name, "file not found", hint="check --base-population")
    header, data = _read_table(path, name)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataError(
            name,
            f"missing column(s) {', '.join(missing)}",
            row=1,
            hint="need " + ", ".join(COLUMNS),
        )
    if not data:
        raise DataError(name, "no data rows")
    # Explicit columns: a row with an extra or missing field is an error at that row, never
    # a silent shift of the columns (pandas would take an extra first field as the index).
    for line, fields in data:
        if len(fields) != len(header):
            raise DataError(
                name,
                f"{len(fields)} fields but the header has {len(header)}",
                row=line,
                hint="one row per area, sex and age: " + ",".join(COLUMNS),
            )
    frame = pd.DataFrame([f for _, f in data], columns=header, dtype=str)
    lines = [line for line, _ in data]

    known = world.index
    rows = [
        _parse_row(name, i, rec, known)
        for i, rec in zip(lines, frame[list(COLUMNS)].itertuples(index=False), strict=True)
    ]

    codes = tuple(sorted({r[0] for r in rows}))
    row_of = {c: k for k, c in enumerate(codes)}
    reference = np.asarray(world.population_array(), dtype=np.float64)
    out = np.zeros((len(codes), 2, N_AGES))
    covered = np.zeros((len(codes), 2, N_AGES), dtype=np.int64)
    for code, sex, lo, hi, count, line in rows:
        k = row_of[code]
        if covered[k, sex, lo : hi + 1].any():
            raise DataError(
                name,
                f"ages {lo}-{hi} for {code} {SEXES[sex]} overlap an earlier row",
                row=line,
                column="age",
            )
        covered[k, sex, lo : hi + 1] = 1
        if lo == hi:
            out[k, sex, lo] = count
        else:
            out[k, sex, lo : hi + 1] = split_band(count, reference[known[code], sex, lo : hi + 1])
    gaps = np.argwhere(covered == 0)
    if gaps.size:
        k, sex, age = (int(v) for v in gaps[0])
        raise DataError(
            name,
            f"{codes[k]} {SEXES[sex]} has no row covering age {age}",
            hint="give every single year 0..90 or every band 0-4 .. 85-89, 90+ for both sexes",
        )
    totals = out.sum(axis=(1, 2))
    for k, total in enumerate(totals):
        if total <= 0 or total > MAX_AREA_TOTAL:
            raise DataError(
                name,
                f"{codes[k]} has {total:,.0f} people in all",
                column="count",
                hint=f"an area's base population must be above 0 and at most {MAX_AREA_TOTAL:,}",
            )
    return out, codes
