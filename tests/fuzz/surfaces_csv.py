"""CSV surfaces: a user's base population (via `simulate --base-population`) and each kind of
census table an analyst may supply with --census-dir (read by the loader's own readers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from random import Random
from typing import Any

from fuzzlib import (
    Case,
    Result,
    Surface,
    call_cli,
    call_in_process,
    general_mutations,
    materialise,
    weird_text,
)

from game.census.paths import DEFAULT_CENSUS_DIR

BAD_COUNTS = [
    "1e20",
    "1.5",
    "-5",
    "",
    "abc",
    "true",
    "NaN",
    "inf",
    "9" * 5000,
    "0x10",
    "1e9",
    "200000000",
    "--1",
    "1_000",
    "\u0661\u0662",
]


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def csv_bytes(rows: list[list[str]], newline: str = "\n") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows(rows)
    return buf.getvalue().encode("utf-8", "surrogatepass")


@dataclass
class Table:
    """A CSV base file plus which columns hold counts (and so must be whole numbers)."""

    data: bytes
    count_columns: tuple[int, ...]
    text_columns: tuple[int, ...] = ()
    whole: bool = True  # False: the "count" columns are coordinates (areas.csv lon/lat)
    fine: frozenset[str] = frozenset()  # values of BAD_COUNTS this table accepts


def table_mutations(
    specific: list[Callable[[Random, Table], Case]] | None = None,
    delete_bad: bool | None = None,
) -> list[Callable[[Random, Any], Case]]:
    """Row-level mutations of a table, each with its verdict."""

    def bad_count(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        i, j = rng.randrange(1, len(rows)), rng.choice(t.count_columns)
        value = rng.choice(BAD_COUNTS)
        rows[i][j] = value
        bad = (value not in t.fine) if t.whole else None
        return Case(f"count {value[:12]!r}", csv_bytes(rows), bad=bad, positional=True)

    def weird_cell(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        i = rng.randrange(1, len(rows))
        j = rng.choice(t.text_columns or t.count_columns)
        rows[i][j] = weird_text(rng)
        return Case("weird text in a cell", csv_bytes(rows))

    def duplicate_row(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        i = rng.randrange(1, len(rows))
        rows.insert(rng.randrange(1, len(rows) + 1), list(rows[i]))
        return Case("duplicated row", csv_bytes(rows), bad=True, positional=True)

    def delete_row(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        del rows[rng.randrange(1, len(rows))]
        return Case("deleted row", csv_bytes(rows), bad=delete_bad)

    def header_only(rng: Random, t: Table) -> Case:
        return Case("header only", csv_bytes(rows_of(t.data)[:1]), bad=True)

    def shuffled(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        body = rows[1:]
        rng.shuffle(body)
        return Case("rows shuffled", csv_bytes([rows[0], *body]), bad=False)

    def crlf(rng: Random, t: Table) -> Case:
        return Case("CRLF line ends", csv_bytes(rows_of(t.data), "\r\n"), bad=False)

    def blank_lines(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        return Case("blank lines at the end", csv_bytes(rows) + b"\n" * rng.randint(1, 5000))

    def drop_column(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        j = rng.choice(t.count_columns)
        return Case("dropped a column", csv_bytes([r[:j] + r[j + 1 :] for r in rows]), bad=True)

    def ragged(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        i = rng.randrange(1, len(rows))
        rows[i] = rows[i] + ["1", "2"] if rng.random() < 0.5 else rows[i][:1]
        return Case("ragged row", csv_bytes(rows), bad=True)

    return [
        *general_mutations(lambda t: t.data),
        bad_count,
        weird_cell,
        duplicate_row,
        delete_row,
        header_only,
        shuffled,
        crlf,
        blank_lines,
        drop_column,
        ragged,
        *(specific or []),
    ]


# -- base population ---------------------------------------------------------------------


def _base_population() -> Table:
    from game.census import load_world

    area = load_world().areas["E06000001"]
    rows = [["area_code", "sex", "age", "count"]]
    for sex, counts in (("male", area.population.male), ("female", area.population.female)):
        rows += [["E06000001", sex, str(age), str(int(c))] for age, c in enumerate(counts)]
    # a base population may be fractional (a projection, a band split), never negative
    return Table(csv_bytes(rows), (3,), (0, 1, 2), fine=frozenset({"1.5"}))


def _base_specific() -> list[Callable[[Random, Table], Case]]:
    def all_zero(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        return Case("all zero", csv_bytes([rows[0]] + [r[:3] + ["0"] for r in rows[1:]]), True)

    def astronomical(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        value = rng.choice(["4000000", "1e15", "999999999"])
        return Case(
            "astronomical", csv_bytes([rows[0]] + [r[:3] + [value] for r in rows[1:]]), bad=True
        )

    def bad_key(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        i, j = rng.randrange(1, len(rows)), rng.choice([0, 1, 2])
        rows[i][j] = rng.choice(["X99", "", "91", "-1", "5-2", "both", "E06000001\u200b"])
        return Case("bad key cell", csv_bytes(rows), bad=True, positional=True)

    def many_blank(rng: Random, t: Table) -> Case:
        return Case("100,000 blank lines", t.data + b"\n" * 100_000, bad=False)

    return [all_zero, astronomical, bad_key, many_blank]


def _run_base(case: Case, tmp: Path, base: Any) -> Result:
    path = tmp / "base.csv"
    materialise(case, path)
    argv = [
        "simulate",
        "--area",
        "Hartlepool",
        "--base-population",
        str(path),
        "--base-year",
        "2023",
        "--years",
        "2",
        "--json",
    ]
    return call_cli(argv, case, (str(path),))


BASE_POPULATION = Surface(
    "base population",
    table_mutations(_base_specific(), delete_bad=True),
    _base_population,
    _run_base,
)


# -- census tables -------------------------------------------------------------------------


@cache
def _context() -> dict[str, Any]:
    from game.census import load_world
    from game.census.loader import _read_categories
    from game.census.tables import read_wide

    cats = _read_categories(DEFAULT_CENSUS_DIR / "categories.csv")
    codes = tuple(load_world().codes)
    industry = read_wide(
        DEFAULT_CENSUS_DIR / "ts060_industry.csv", cats["ts060_industry.csv"], codes
    )
    keys = {c.key: i for i, c in enumerate(cats["ts060_industry.csv"])}
    return {"cats": cats, "codes": codes, "industry": (keys, industry)}


def _head(name: str, n: int | None = None) -> bytes:
    lines = (DEFAULT_CENSUS_DIR / name).read_bytes().splitlines(keepends=True)
    return b"".join(lines[: n + 1] if n else lines)


def _reader(name: str) -> Callable[[Path], Any]:
    from game.census import loader
    from game.census.tables import read_wide

    ctx = _context()
    if name in ("ts045_cars.csv", "mye2020_components.csv"):
        return lambda p: read_wide(p, ctx["cats"][name], ctx["codes"])
    if name == loader.COMMUTING_FILE:
        return lambda p: loader._read_commuting(p, ctx["codes"])
    if name == loader.MIGRATION_FILE:
        return lambda p: loader._read_migration(p, ctx["codes"])
    if name == loader.AREAS_FILE:
        return loader._read_areas
    if name == loader.SIC_FILE:
        return lambda p: loader._section_matrix(p, *ctx["industry"])
    return loader._read_categories


# file -> (rows kept, count columns, text columns, a deleted row is bad?)
TABLES: dict[str, tuple[int | None, tuple[int, ...], tuple[int, ...], bool | None]] = {
    "ts045_cars.csv": (None, (3, 4, 5, 6, 7), (1,), True),
    "mye2020_components.csv": (None, (3, 4, 5, 6), (1,), True),
    "odwp01_commuting.csv": (2000, (3,), (0, 1, 2), None),
    "odmg01_migration.csv": (2000, (2,), (0, 1), None),
    "areas.csv": (None, (12, 13), (1, 2, 4), None),
    "sic_sections.csv": (None, (2, 3), (1,), True),
    "categories.csv": (None, (3, 4), (2,), None),
}


def _census_specific() -> list[Callable[[Random, Table], Case]]:
    def off_world(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        if rows[0][-1] != "lat":
            return Case("valid (not areas.csv)", t.data, bad=False)
        i = rng.randrange(1, len(rows))
        rows[i][-1] = rng.choice(["91", "-1e9", "nan", "inf", "1e400"])
        return Case("latitude off the world", csv_bytes(rows), bad=True, positional=True)

    def sic_overlap(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        if rows[0][0] != "section":
            return Case("valid (not sic)", t.data, bad=False)
        i = rng.randrange(2, len(rows))
        rows[i][2] = rng.choice([rows[i - 1][2], "x", "100", "-3", rows[i][3] + "9"])
        return Case("SIC range overlaps or is not a number", csv_bytes(rows), True, None, True)

    def empty_area(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        if rows[0][:3] != ["date", "geography", "geography code"]:
            return Case("valid (not a topic table)", t.data, bad=False)
        i = rng.randrange(1, len(rows))
        rows[i][3:] = ["0"] * len(rows[i][3:])
        return Case("an area of zeros", csv_bytes(rows), bad=True, positional=True)

    def huge_range(rng: Random, t: Table) -> Case:
        rows = rows_of(t.data)
        if rows[0][:1] != ["id"]:
            return Case("valid (not groups.csv)", t.data, bad=False)
        i = rng.randrange(1, len(rows))
        first = rows[i][5].split(";")[0]
        prefix = first.rstrip("0123456789-")
        rows[i][5] = f"{prefix}0-{rng.choice(['99999999', '9' * 18, '5'])}"
        return Case("a huge category range", csv_bytes(rows))

    return [off_world, sic_overlap, empty_area, huge_range]


def census_surface(name: str) -> Surface:
    keep, counts, texts, delete_bad = TABLES[name]

    def base() -> Table:
        return Table(_head(name, keep), counts, texts, whole=name != "areas.csv")

    def run(case: Case, tmp: Path, _: Any) -> Result:
        path = tmp / name
        materialise(case, path)
        read = _reader(name)
        return call_in_process(lambda: read(path), case, (str(path),))

    return Surface(f"census {name}", table_mutations(_census_specific(), delete_bad), base, run)


CENSUS = [census_surface(name) for name in TABLES]


# -- a whole census folder, through the command line ---------------------------------------

FOLDER_TABLES = (
    "ts045_cars.csv",
    "mye2020_components.csv",
    "ts054_tenure.csv",
    "ts062_nssec.csv",
    "mye2021_population.csv",
    "areas.csv",
    "sic_sections.csv",
    "categories.csv",
    "groups.csv",
)


def _folder_base() -> dict[str, Table]:
    out = {}
    for name in FOLDER_TABLES:
        data = _head(name)
        header = rows_of(data)[0]
        if name in TABLES:
            _, counts, texts, _ = TABLES[name]
        elif name == "groups.csv":  # id, file, categories: text that must match the tables
            counts, texts = (0, 4, 5), (1, 2, 3, 7)
        else:
            counts, texts = tuple(range(3, len(header))), (1,)
        out[name] = Table(data, counts, texts, whole=name not in ("areas.csv", "groups.csv"))
    return out


def _folder_mutations() -> list[Callable[[Random, Any], Case]]:
    inner = table_mutations(_census_specific())

    def wrap(mutation: Callable[[Random, Any], Case]) -> Callable[[Random, Any], Case]:
        def mutate(rng: Random, base: dict[str, Table]) -> Case:
            name = rng.choice(FOLDER_TABLES)
            case = mutation(rng, base[name])
            case.target, case.label = name, f"{name}: {case.label}"
            if name == "areas.csv" and case.label.endswith("deleted row"):
                case.bad = True  # every table then names an area areas.csv lacks
            if name == "categories.csv" and case.label.endswith("rows shuffled"):
                case.bad = None  # its order is meaningful: each table's total comes first
            return case

        return mutate

    return [wrap(m) for m in inner]


def _run_folder(case: Case, tmp: Path, base: Any) -> Result:
    from game.census.loader import COMMUTING_FILE, MIGRATION_FILE, TOPIC_FILES

    folder = tmp / "census"
    folder.mkdir()
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        if name != case.target:
            (folder / name).symlink_to(DEFAULT_CENSUS_DIR / name)
    materialise(case, folder / case.target)
    argv = ["--census-dir", str(folder), "profile", "E06000001", "--json"]
    return call_cli(argv, case, (str(folder),))


CENSUS_FOLDER = Surface("census folder (profile)", _folder_mutations(), _folder_base, _run_folder)
