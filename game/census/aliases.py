"""aliases.csv: the names people type for places (towns, spellings, 2023 councils), checked
against the areas so a typo names the file, row and column."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from game.census.tables import read_csv_text, require_columns
from game.errors import DataError
from game.model.names import fold
from game.model.places import PlaceAlias

ALIASES_FILE = "aliases.csv"
COLUMNS = ["alias", "kind", "code", "members", "note", "source", "status"]


def read_aliases(path: Path, codes: tuple[str, ...]) -> list[PlaceAlias]:
    """Validated aliases; every member must be one of the census areas, and a single
    district's alias must point at that district."""
    df = read_csv_text(path)
    require_columns(path, df, COLUMNS)
    known, seen = set(codes), set()
    out: list[PlaceAlias] = []
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        members = tuple(m.strip() for m in str(r["members"]).split(";") if m.strip())
        try:
            alias = PlaceAlias.model_validate({**r, "members": members})
        except ValidationError as exc:
            err = exc.errors()[0]
            col = str(err["loc"][0]) if err["loc"] else None
            raise DataError(str(path), err["msg"], row=row, column=col) from None
        for m in members:
            if m not in known:
                raise DataError(
                    str(path), f"'{m}' is not one of the census areas", row=row, column="members"
                )
        if len(members) == 1 and alias.code != members[0]:
            raise DataError(
                str(path),
                "a one-district alias must use that district's code",
                row=row,
                column="code",
            )
        if fold(alias.alias) in seen:
            raise DataError(str(path), f"'{alias.alias}' is listed twice", row=row, column="alias")
        seen.add(fold(alias.alias))
        out.append(alias)
    return out
