"""One validated reader for census tables in the ONS/Nomis bulk CSV layout.

Layout: `date, geography, geography code, <total>, <categories...>`. Column headers are
`<table title>: <category label>` (Nomis may append `; measures: Value`); a column is matched
on its category label, ignoring the title, case and spacing, so an analyst's own Nomis
download reads the same way as the shipped extract. Extra columns (Nomis subtotals) are
ignored. Every problem is raised as game.errors.DataError naming file, row and column.

Row numbers are the line numbers a spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from game.errors import DataError
from game.inputs import MAX_CSV_BYTES, shown

ID_COLUMNS = ("date", "geography", "geography code")

# areas.csv, as the build writes it and the loader requires it.
AREAS_COLUMNS = (
    "code",
    "name",
    "name_cy",
    "region_code",
    "region",
    "country",
    "lep1_code",
    "lep1_name",
    "lep2_code",
    "lep2_name",
    "ca_code",
    "ca_name",
    "lon",
    "lat",
)
# No count in any census table can exceed the population of England and Wales (59.6
# million in 2021); 100 million leaves room and still refuses 1e20.
MAX_COUNT = 100_000_000


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    sign: int  # +1 or -1 in the "parts add up to the total" identity; 0 for the total itself
    negative_ok: bool


def normalise_label(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().lower()


def header_label(header: str) -> str:
    """The category part of a column header: drop the table title and Nomis's suffix."""
    text = header.strip().removesuffix("; measures: Value")
    _, sep, rest = text.partition(": ")
    return normalise_label(rest if sep else text)


def read_csv_text(path: Path, text_columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Read a CSV; a missing or unreadable file is a DataError.

    With text_columns, only those (matched case-insensitively) are kept as text and the rest
    are left to pandas' fast number parsing; to_counts() re-checks them. Otherwise every
    column is text.
    """
    check_file(path, MAX_CSV_BYTES)
    try:
        dtype: type[str] | dict[str, type[str]] = str
        if text_columns is not None:
            wanted = {c.lower() for c in text_columns}
            header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
            dtype = {str(c): str for c in header if str(c).strip().lower() in wanted}
        return pd.read_csv(path, dtype=dtype, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise DataError(str(path), f"not a readable CSV file ({detail})") from None
    except (OSError, ValueError, MemoryError) as exc:
        raise DataError(str(path), f"not a readable CSV file ({type(exc).__name__})") from None


def check_file(path: Path, limit: int) -> None:
    """A file found, regular (not a FIFO, folder or device) and at most `limit` bytes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError(
            str(path), "file not found", hint="copy it from data/census or rebuild the extracts"
        ) from None
    except OSError as exc:
        raise DataError(str(path), f"cannot open it ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(str(path), "not a regular file (a folder, pipe or device?)")
    if info.st_size > limit:
        raise DataError(
            str(path),
            f"file is {info.st_size / 2**20:.1f} MB, above the limit of {limit / 2**20:g} MB",
        )


def require_columns(path: Path, df: pd.DataFrame, columns: tuple[str, ...] | list[str]) -> None:
    have = {c.strip().lower() for c in df.columns}
    for col in columns:
        if col.lower() not in have:
            raise DataError(
                str(path),
                "missing column",
                column=col,
                hint=f"the header must contain: {', '.join(columns)}",
            )


def to_counts(
    path: Path, df: pd.DataFrame, columns: list[str], negative_ok: list[bool] | None = None
) -> np.ndarray:
    """Parse cells to int64; report the first cell that is not a whole number, is negative
    (unless allowed) or is beyond MAX_COUNT (more people than England and Wales hold)."""
    if df.empty:
        raise DataError(str(path), "no data rows (only a header)", row=2)
    values = np.empty((len(df), len(columns)), dtype=np.int64)
    for j, col in enumerate(columns):
        values[:, j] = _column_counts(path, df[col], col)
    allow = np.array(negative_ok if negative_ok is not None else [False] * len(columns))
    neg = (values < 0) & ~allow[None, :]
    if neg.any():
        i, j = (int(v[0]) for v in np.nonzero(neg))
        raise DataError(
            str(path),
            f"negative count {values[i, j]}",
            row=i + 2,
            column=columns[j],
            hint="counts of people or households cannot be negative",
        )
    return values


def _column_counts(path: Path, series: pd.Series, column: str) -> np.ndarray:
    """One column as int64 counts. pandas' own integer parse is the fast path; floats
    (1.5, 1e20) and text go through a checked float path so nothing is truncated or
    wraps around."""
    numeric = pd.api.types.is_integer_dtype(series) or pd.api.types.is_float_dtype(series)
    if numeric and not pd.api.types.is_bool_dtype(series):
        numbers = series.to_numpy(dtype=np.float64)
    else:  # text, or True/False that pandas read as booleans: parse the text
        text = series.astype(str).str.strip().str.replace(",", "", regex=False)
        numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(numbers) | (numbers % 1 != 0)
    if bad.any():
        i = int(np.nonzero(bad)[0][0])
        raise DataError(
            str(path),
            f"{shown(str(series.iat[i]))} is not a whole-number count",
            row=i + 2,
            column=column,
            hint="counts must be whole numbers (no text, blanks or '-')",
        )
    huge = np.abs(numbers) > MAX_COUNT
    if huge.any():
        i = int(np.nonzero(huge)[0][0])
        raise DataError(
            str(path),
            f"count {shown(str(series.iat[i]))} is beyond any real population",
            row=i + 2,
            column=column,
            hint=f"a count is at most {MAX_COUNT:,}",
        )
    if pd.api.types.is_integer_dtype(series):
        return series.to_numpy(dtype=np.int64)
    return numbers.astype(np.int64)


def check_codes(
    path: Path, codes_in_file: list[str], known: tuple[str, ...], column: str
) -> np.ndarray:
    """Map each row's area code to its index in `known`; every area must appear once."""
    index = {c: i for i, c in enumerate(known)}
    rows = np.empty(len(codes_in_file), dtype=np.int64)
    seen: dict[str, int] = {}
    for r, code in enumerate(codes_in_file):
        code = code.strip()
        if code not in index:
            raise DataError(
                str(path),
                f"unknown area code '{code}'",
                row=r + 2,
                column=column,
                hint="use 2021 local authority (LAD21) codes such as E06000001",
            )
        if code in seen:
            raise DataError(
                str(path),
                f"area code '{code}' appears twice (also row {seen[code]})",
                row=r + 2,
                column=column,
            )
        seen[code] = r + 2
        rows[r] = index[code]
    if len(seen) != len(known):
        missing = [c for c in known if c not in seen]
        raise DataError(
            str(path),
            f"{len(missing)} area(s) missing, e.g. {', '.join(missing[:3])}",
            column=column,
            hint="the table needs one row per 2021 local authority (331 rows)",
        )
    return rows


def read_wide(path: Path, categories: list[Category], known: tuple[str, ...]) -> np.ndarray:
    """Read a wide table; returns int64 (len(known), len(categories)) in `known` order.

    categories[0] is the total; the rest are parts with their signs, and for every row
    sum(sign * part) must equal the total exactly (ONS perturbs cells consistently within one
    table, so its own parts always add up).
    """
    df = read_csv_text(path, ID_COLUMNS)
    require_columns(path, df, list(ID_COLUMNS))
    by_label: dict[str, str] = {}
    for col in df.columns[3:]:
        by_label.setdefault(header_label(str(col)), str(col))
    columns: list[str] = []
    for cat in categories:
        found = by_label.get(normalise_label(cat.label))
        if found is None:
            raise DataError(
                str(path),
                "missing column",
                column=cat.label,
                hint="headers are '<table title>: <category>' as in the Nomis bulk download",
            )
        columns.append(found)
    code_col = next(c for c in df.columns if c.strip().lower() == "geography code")
    rows = check_codes(path, list(df[code_col]), known, "geography code")
    values = to_counts(path, df, columns, [c.negative_ok for c in categories])
    signs = np.array([c.sign for c in categories[1:]], dtype=np.int64)
    diff = values[:, 1:] @ signs - values[:, 0]
    if diff.any():
        i = int(np.nonzero(diff)[0][0])
        raise DataError(
            str(path),
            f"parts add up to {int(values[i, 0] + diff[i])}, not the total {int(values[i, 0])}",
            row=i + 2,
            column=columns[0],
            hint="each category must be counted once and the total must be their sum",
        )
    empty = values[:, 0] <= 0
    if empty.any():
        i = int(np.nonzero(empty)[0][0])
        raise DataError(
            str(path),
            f"the total for {shown(str(df[code_col].iat[i]).strip())} is {int(values[i, 0])}",
            row=i + 2,
            column=columns[0],
            hint="every local authority has people, households and jobs: a total is above 0",
        )
    out = np.empty_like(values)
    out[rows] = values
    return out


def no_repeats(path: Path, df: pd.DataFrame, key: list[str]) -> None:
    """A flow counted twice would double it silently: every key appears once."""
    cols = [next(c for c in df.columns if c.strip().lower() == k) for k in key]
    dup = df.duplicated(subset=cols).to_numpy()
    if dup.any():
        i = int(np.nonzero(dup)[0][0])
        first = int(np.nonzero((df[cols] == df[cols].iloc[i]).all(axis=1).to_numpy())[0][0])
        raise DataError(
            str(path),
            f"repeats row {first + 2} ({', '.join(map(str, df[cols].iloc[i]))})",
            row=i + 2,
            column=key[0],
            hint="each flow must appear once",
        )
