"""SIC 2007 sections from their division ranges (sic_sections.csv), checked: every range
is two whole divisions in order, no two sections overlap, and every division in the
industry table falls in exactly one section."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from game.census.tables import read_csv_text, require_columns
from game.errors import DataError
from game.inputs import shown


def section_matrix(
    sic_path: Path, keys: dict[str, int], values: np.ndarray
) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    df = read_csv_text(sic_path)
    require_columns(sic_path, df, ["section", "name", "first_division", "last_division"])
    out: dict[str, np.ndarray] = {}
    names: dict[str, str] = {}
    covered: set[str] = set()
    owner: dict[int, tuple[str, int]] = {}  # division -> (section, row)
    for i, r in enumerate(df.itertuples(index=False)):
        row, section = i + 2, str(r.section).strip()
        if section in out:
            raise DataError(
                str(sic_path), f"section {shown(section)} appears twice", row=row, column="section"
            )
        first = _division(sic_path, r.first_division, row, "first_division")
        last = _division(sic_path, r.last_division, row, "last_division")
        if first > last:
            raise DataError(
                str(sic_path),
                f"first division {first} is after the last {last}",
                row=row,
                column="first_division",
            )
        for d in range(first, last + 1):
            if d in owner:
                raise DataError(
                    str(sic_path),
                    f"divisions {first}-{last} overlap section "
                    f"{owner[d][0]} (row {owner[d][1]}) at division {d}",
                    row=row,
                    column="first_division",
                )
            owner[d] = (section, row)
        cols = [keys[k] for d in range(first, last + 1) if (k := f"d{d:02d}") in keys]
        covered.update(k for k in keys if k[1:].isdigit() and keys[k] in cols)
        out[section] = values[:, cols].sum(axis=1)
        names[section] = str(r.name)
    stray = [k for k in keys if k.startswith("d") and k[1:].isdigit() and k not in covered]
    if stray:
        raise DataError(str(sic_path), f"divisions {', '.join(stray)} fall in no section")
    return out, names


def _division(path: Path, cell: object, row: int, column: str) -> int:
    """A two-digit SIC 2007 division number, 01..99."""
    text = str(cell).strip()
    if not re.fullmatch(r"\d{1,2}", text, re.ASCII) or not 1 <= int(text) <= 99:
        raise DataError(
            str(path), f"{shown(text)} is not a SIC division (01..99)", row=row, column=column
        )
    return int(text)
