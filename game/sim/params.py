"""One loader for `name,value,...,source,status` parameter files (data/params, data/projects).

Every shipped number must say where it comes from, so a row without a source or with an
unknown status is an error naming the file and row, whichever module reads the file.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from game.errors import DataError

# verified = read in the named source; derived = computed from verified figures;
# assumption = a practitioner rule of thumb or a design judgement.
STATUSES = ("verified", "derived", "assumption")


def check_provenance(path: Path | str, row: Mapping[str, str | None], line: int) -> None:
    """Raise DataError unless the row names a source and a known status."""
    if not (row.get("source") or "").strip():
        raise DataError(str(path), "needs a source", row=line, column="source")
    status = (row.get("status") or "").strip()
    if status not in STATUSES:
        raise DataError(
            str(path),
            f"status must be one of {', '.join(STATUSES)}, got '{status}'",
            row=line,
            column="status",
        )


def sourced_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(file line, row) for every row of a CSV parameter file, each checked for provenance."""
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = [(i, row) for i, row in enumerate(csv.DictReader(fh), start=2)]
    except OSError as exc:
        raise DataError(str(path), f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise DataError(str(path), "not UTF-8 text") from None
    for i, row in rows:
        check_provenance(path, row, i)
    return rows


@lru_cache(maxsize=16)
def load_named_values(path: Path) -> dict[str, float]:
    """{name: value} from a parameter file whose rows all carry a source and a status."""
    out: dict[str, float] = {}
    for i, row in sourced_rows(path):
        name = (row.get("name") or "").strip()
        if not name:
            raise DataError(str(path), "missing name", row=i, column="name")
        if name in out:
            raise DataError(str(path), f"duplicate name '{name}'", row=i, column="name")
        try:
            out[name] = float(row.get("value") or "")
        except ValueError:
            raise DataError(
                str(path), f"bad value '{row.get('value')}'", row=i, column="value"
            ) from None
    return out
