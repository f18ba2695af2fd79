"""The one provenance rule for shipped parameter files (data/params, data/projects).

Every shipped number must say where it comes from: a row without a source, or with a
status other than verified / derived / assumption, is an error naming the file and row,
whichever loader reads the file. No caching here: callers read once at the boundary
(game.sim.params_bundle.load_parameters) and hand the result on.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
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


def sourced_rows(path: Path, columns: Sequence[str] = ()) -> list[tuple[int, dict[str, str]]]:
    """(file line, row) for every row of a CSV parameter file, each checked for provenance.

    `columns`: columns the file must have besides source and status (checked on the header).
    """
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            rows = [(i, row) for i, row in enumerate(reader, start=2)]
            header = list(reader.fieldnames or [])
    except FileNotFoundError:
        raise DataError(str(path), "file not found") from None
    except OSError as exc:
        raise DataError(str(path), f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise DataError(str(path), "not UTF-8 text") from None
    if not rows:
        raise DataError(str(path), "no rows")
    missing = [c for c in (*columns, "source", "status") if c not in header]
    if missing:
        raise DataError(str(path), f"missing column(s) {', '.join(missing)}", row=1)
    for i, row in rows:
        check_provenance(path, row, i)
    return rows


def named_values(path: Path, key: str = "name") -> dict[str, float]:
    """{name: value} from a parameter file whose rows all carry a source and a status."""
    out: dict[str, float] = {}
    for i, row in sourced_rows(path, (key, "value")):
        name = (row.get(key) or "").strip()
        if not name:
            raise DataError(str(path), f"missing {key}", row=i, column=key)
        if name in out:
            raise DataError(str(path), f"duplicate {key} '{name}'", row=i, column=key)
        try:
            out[name] = float(row.get("value") or "")
        except ValueError:
            raise DataError(
                str(path), f"bad value '{row.get('value')}'", row=i, column="value"
            ) from None
    return out
