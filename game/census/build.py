"""Build the compact extracts in data/census from the raw ONS/Nomis files.

    python -m game.census.build --raw ../shared/census-raw --out data/census

Deterministic: rows in sorted LAD21 code order, fixed column order, fixed number formats,
"\\n" line endings, no timestamps, so two runs give byte-identical files.

Every census topic table is written in the Nomis bulk "wide" layout
(`date, geography, geography code, <total>, <categories...>`), the same layout an analyst's
own tables use with `--census-dir`, so one validated loader (game.census.tables) reads both.
`categories.csv` maps each table's column labels to the short keys the model uses, with the
sign each part takes in the "parts add up to the total" check.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import xlrd

from game.atomic import atomic_write_bytes
from game.census.build_keys import (
    SIC_SECTIONS,
    TS045_KEYS,
    TS054_KEYS,
    TS061_KEYS,
    TS062_KEYS,
    TS066_KEYS,
    TS067_KEYS,
)
from game.census.build_map import build_map
from game.census.paths import DEFAULT_CENSUS_DIR, SHARED_DIR_ENV, default_raw_dir
from game.census.tables import AREAS_COLUMNS

NOMIS = "nomis-census2021-bulk"
ONS = "ons-census2021-datasets"
OD = "ons-census2021-origin-destination"
MYE = "ons-mid-year-estimates"
LOOKUPS = "ons-geography-lookups"
BOUNDS = "boundaries"

ID_COLUMNS = ["date", "geography", "geography code"]
OFFSHORE, ABROAD, NOT_APPLICABLE = "888888888", "999999999", "-8"
OTHER_UK = {"S": "S92000003", "N": "N92000002"}  # Scotland, Northern Ireland as countries


class Extract:
    """Files produced by one build, held in memory until written."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.categories: list[tuple[str, str, str, int, int]] = []

    def csv(self, name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
        self.files[name] = buf.getvalue().encode("utf-8")


def _read(raw: Path, sub: str, name: str, **kw: object) -> pd.DataFrame:
    return pd.read_csv(raw / sub / name, dtype=str, keep_default_na=False, **kw)  # type: ignore[call-overload]


def build_areas(raw: Path, ex: Extract) -> list[str]:
    lad = _read(raw, LOOKUPS, "Local_Authority_Districts_2021.csv", encoding="utf-8-sig")
    lad = lad[lad["LAD21CD"].str[0].isin(["E", "W"])]
    region = pd.read_csv(
        raw / LOOKUPS / "lasregionew2021lookup.csv", dtype=str, encoding="cp1252"
    ).set_index("LA code")
    lep = _read(raw, "derived", "lad21_to_lep21_derived.csv").set_index("LAD21CD")
    ca = _read(
        raw,
        LOOKUPS,
        "Local_Authority_District_to_Combined_Authority_(May_2025)_Lookup_in_EN.csv",
        encoding="utf-8-sig",
    ).set_index("LAD25CD")
    changes = _read(raw, LOOKUPS, "ltla-changes-2014-2025.csv", encoding="utf-8-sig")
    successor = {
        r.oldcd: r.newcd
        for r in changes.itertuples()
        if r.type in ("merger", "new_code") and r.newcd
    }
    rows = []
    codes = sorted(lad["LAD21CD"])
    if len(codes) != 331:
        raise SystemExit(f"expected 331 LAD21 codes in England and Wales, found {len(codes)}")
    by_code = lad.set_index("LAD21CD")
    for code in codes:
        r = by_code.loc[code]
        reg = region.loc[code]
        lep_row = lep.loc[code] if code in lep.index else None
        later = code
        while later not in ca.index and later in successor:
            later = successor[later]
        ca_code, ca_name = (
            (ca.loc[later, "CAUTH25CD"], ca.loc[later, "CAUTH25NM"])
            if (later in ca.index)
            else ("", "")
        )
        rows.append(
            [
                code,
                r["LAD21NM"],
                r["LAD21NMW"],
                reg["Region code"],
                reg["Region name"],
                "England" if code.startswith("E") else "Wales",
                "" if lep_row is None else lep_row["LEP21CD1"],
                "" if lep_row is None else lep_row["LEP21NM1"],
                "" if lep_row is None else lep_row["LEP21CD2"],
                "" if lep_row is None else lep_row["LEP21NM2"],
                ca_code,
                ca_name,
                f"{float(r['LONG']):.5f}",
                f"{float(r['LAT']):.5f}",
            ]
        )
    ex.csv("areas.csv", list(AREAS_COLUMNS), rows)
    return codes


def _wide(
    ex: Extract,
    name: str,
    title: str,
    codes: list[str],
    names: dict[str, str],
    total_label: str,
    parts: list[tuple[str, str, int, int]],
    values: dict[str, list[int]],
    date: str = "2021",
) -> None:
    """Write one topic table in Nomis bulk layout and record its categories.

    parts: (label, key, sign, negative_ok); values[code] = [total, *parts].
    """
    header = [*ID_COLUMNS, f"{title}: {total_label}", *(f"{title}: {p[0]}" for p in parts)]
    ex.csv(name, header, ([date, names[c], c, *values[c]] for c in codes))
    ex.categories.append((name, "total", total_label, 0, 0))
    for label, key, sign, negative_ok in parts:
        ex.categories.append((name, key, label, sign, negative_ok))


def _rows(df: pd.DataFrame, codes: list[str], columns: list[str]) -> dict[str, list[int]]:
    """Integer rows for `codes` (df indexed by code), in `columns` order."""
    block = df.loc[codes, columns].astype("int64").to_numpy()
    return {c: [int(v) for v in block[i]] for i, c in enumerate(codes)}


def build_nomis(raw: Path, ex: Extract, codes: list[str], names: dict[str, str]) -> None:
    specs = [
        ("ts045_cars.csv", "census2021-ts045-ltla.csv", TS045_KEYS),
        ("ts054_tenure.csv", "census2021-ts054-ltla.csv", TS054_KEYS),
        ("ts062_nssec.csv", "census2021-ts062-ltla.csv", TS062_KEYS),
    ]
    for out, src, keys in specs:
        df = _read(raw, NOMIS, src).set_index("geography code")
        title, total_label = str(df.columns[2]).split(": ", 1)
        values = _rows(df, codes, [str(df.columns[2])] + [f"{title}: {lab}" for lab, _ in keys])
        _wide(
            ex,
            out,
            title,
            codes,
            names,
            total_label,
            [(lab, key, 1, 0) for lab, key in keys],
            values,
        )

    # TS007: total plus the 101 single years (the band subtotals are dropped).
    df = _read(raw, NOMIS, "census2021-ts007-ltla.csv").set_index("geography code")
    cols = [str(c) for c in df.columns]
    suffix = "; measures: Value"
    singles = []
    for col in cols[3:]:
        label = col.removeprefix("Age: ").removesuffix(suffix)
        m = re.fullmatch(r"Aged (\d+) years?|Aged under 1 year|Aged 100 years and over", label)
        if m:
            age = 0 if "under 1" in label else 100 if "100 years and over" in label else int(m[1])
            singles.append((label, f"age_{age}", col))
    values = _rows(df, codes, [cols[2]] + [col for _, _, col in singles])
    _wide(
        ex,
        "ts007_age.csv",
        "Age",
        codes,
        names,
        "Total",
        [(lab, key, 1, 0) for lab, key, _ in singles],
        values,
    )


def _pivot_ons(raw: Path, src: str) -> tuple[str, dict[str, str], dict[str, dict[str, int]]]:
    df = _read(raw, ONS, src)
    cols = list(df.columns)
    title = re.sub(r" \(\d+ categories\) Code$", "", cols[2])
    labels = dict(zip(df[cols[2]], df[cols[3]], strict=False))
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for code, cat, obs in zip(df[cols[0]], df[cols[2]], df[cols[4]], strict=True):
        counts[code][cat] = int(obs)
    return title, labels, counts


def build_ons(raw: Path, ex: Extract, codes: list[str], names: dict[str, str]) -> None:
    specs = [
        ("ts066_economic_activity.csv", "TS066-2021-1_ecoActivity.csv", TS066_KEYS),
        ("ts061_travel.csv", "TS061-2021-1.csv", TS061_KEYS),
        ("ts067_qualifications.csv", "TS067-2021-1_eduLevels.csv", TS067_KEYS),
    ]
    for out, src, keys in specs:
        title, labels, counts = _pivot_ons(raw, src)
        values = {c: [sum(counts[c].values())] + [counts[c][k] for k, _ in keys] for c in codes}
        _wide(
            ex,
            out,
            title,
            codes,
            names,
            "Total: All usual residents",
            [(labels[k], key, 1, 0) for k, key in keys],
            values,
        )

    # TS060: keep the divisions (key d01..d99) so groups can use a single division (retail is
    # d47); sections are summed from them via sic_sections.csv.
    title, labels, counts = _pivot_ons(raw, "TS060-2021-1.csv")
    cats = sorted(labels, key=lambda k: int(k))
    parts = []
    for cat in cats:
        label = labels[cat]
        key = "not_in_employment" if cat == "-8" else f"d{label[:2]}"
        parts.append((label, key, 1, 0))
    values = {c: [sum(counts[c].values())] + [counts[c][k] for k in cats] for c in codes}
    _wide(
        ex, "ts060_industry.csv", title, codes, names, "Total: All usual residents", parts, values
    )
    ex.csv(
        "sic_sections.csv",
        ["section", "name", "first_division", "last_division"],
        ([s, n, f"{a:02d}", f"{b:02d}"] for s, n, a, b in SIC_SECTIONS),
    )


def build_mye(raw: Path, ex: Extract, codes: list[str], names: dict[str, str]) -> None:
    book = xlrd.open_workbook(str(raw / MYE / "ukpopestimatesmid2021on2021geographyfinal.xls"))
    by_sex: dict[str, dict[str, list[int]]] = {}
    totals: dict[str, int] = {}
    for sheet, sex in (("MYE2 - Males", "male"), ("MYE2 - Females", "female")):
        sh = book.sheet_by_name(sheet)
        header = [str(v) for v in sh.row_values(7)]
        if header[3] != "All ages" or header[-1] != "90+":
            raise SystemExit(f"unexpected layout in {sheet}: {header[:5]}...{header[-2:]}")
        rows = {}
        for i in range(8, sh.nrows):
            row = sh.row_values(i)
            if row[0] in codes:
                rows[str(row[0])] = [int(v) for v in row[3:]]
        by_sex[sex] = rows
    persons = book.sheet_by_name("MYE2 - Persons")
    for i in range(8, persons.nrows):
        row = persons.row_values(i)
        if row[0] in codes:
            totals[str(row[0])] = int(row[3])
    parts = [(f"Males: Age {a if a < 90 else '90+'}", f"male_{a}", 1, 0) for a in range(91)]
    parts += [(f"Females: Age {a if a < 90 else '90+'}", f"female_{a}", 1, 0) for a in range(91)]
    values = {c: [totals[c], *by_sex["male"][c][1:], *by_sex["female"][c][1:]] for c in codes}
    _wide(
        ex,
        "mye2021_population.csv",
        "Population estimate mid-2021",
        codes,
        names,
        "All ages",
        parts,
        values,
        date="2021-06-30",
    )

    wb = openpyxl.load_workbook(
        raw / MYE / "ukpopestimatesmid2020on2021geography.xlsx", read_only=True
    )
    rows3 = list(wb["MYE3"].iter_rows(values_only=True))
    wb.close()
    head = next(i for i, r in enumerate(rows3) if r and r[0] == "Code")
    cols = [str(c).replace("  ", " ") for c in rows3[head] if c is not None]
    want = [
        ("Estimated Population mid-2019", "population_mid_2019", 1, 0),
        ("Births", "births", 1, 0),
        ("Deaths", "deaths", -1, 0),
        ("Internal Migration Inflow", "internal_in", 1, 0),
        ("Internal Migration Outflow", "internal_out", -1, 0),
        ("International Migration Inflow", "international_in", 1, 0),
        ("International Migration Outflow", "international_out", -1, 0),
        ("Other", "other", 1, 1),
    ]
    idx = {c: i for i, c in enumerate(cols)}
    comp = {}
    for r in rows3[head + 1 :]:
        if r and r[0] in codes:
            comp[str(r[0])] = [int(r[idx["Estimated Population mid-2020"]])] + [
                int(r[idx[w[0]]]) for w in want
            ]
    _wide(
        ex,
        "mye2020_components.csv",
        "Components of change mid-2019 to mid-2020",
        codes,
        names,
        "Estimated Population mid-2020",
        want,
        comp,
        date="2020-06-30",
    )


def _other_code(code: str) -> str:
    return OTHER_UK.get(code[:1], code)


def build_od(raw: Path, ex: Extract, codes: list[str]) -> None:
    known = set(codes)
    wp = pd.read_csv(raw / OD / "ODWP01EW_LTLA.csv", dtype=str)
    cols = list(wp.columns)
    flows: dict[tuple[str, str, str], int] = defaultdict(int)
    for home, work, ind, count in zip(
        wp[cols[0]], wp[cols[2]], wp[cols[4]], wp[cols[6]], strict=True
    ):
        if home not in known:
            raise SystemExit(f"ODWP01EW: unknown home code {home}")
        work = work if work in known else _other_code(work)
        n = int(count)
        if n:
            flows[(home, work, ind)] += n
    ex.csv(
        "odwp01_commuting.csv",
        ["home code", "workplace code", "place of work indicator", "count"],
        ([h, w, i, n] for (h, w, i), n in sorted(flows.items())),
    )

    mg = pd.read_csv(raw / OD / "ODMG01EW_LTLA.csv", dtype=str)
    cols = list(mg.columns)
    moves: dict[tuple[str, str], int] = defaultdict(int)
    for origin, current, count in zip(mg[cols[0]], mg[cols[2]], mg[cols[4]], strict=True):
        if current not in known:
            raise SystemExit(f"ODMG01EW: unknown current code {current}")
        origin = origin if origin in known else _other_code(origin)
        n = int(count)
        if n:
            moves[(origin, current)] += n
    ex.csv(
        "odmg01_migration.csv",
        ["origin code", "current code", "count"],
        ([o, c, n] for (o, c), n in sorted(moves.items())),
    )


def build(raw: Path) -> dict[str, bytes]:
    ex = Extract()
    codes = build_areas(raw, ex)
    areas = pd.read_csv(io.BytesIO(ex.files["areas.csv"]), dtype=str, keep_default_na=False)
    names = dict(zip(areas["code"], areas["name"], strict=True))
    build_nomis(raw, ex, codes, names)
    build_ons(raw, ex, codes, names)
    build_mye(raw, ex, codes, names)
    build_od(raw, ex, codes)
    ex.files["map.json"] = build_map(raw / BOUNDS, codes)
    ex.csv(
        "categories.csv",
        ["file", "key", "label", "sign", "negative_ok"],
        sorted(ex.categories, key=lambda r: str(r[0])),  # stable: keeps column order per file
    )
    return ex.files


def write(files: dict[str, bytes], out: Path) -> None:
    for name, data in sorted(files.items()):
        atomic_write_bytes(out / name, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--raw",
        type=Path,
        default=default_raw_dir(),
        help=f"census-raw folder (default: ${SHARED_DIR_ENV}/census-raw or ../shared/census-raw)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_CENSUS_DIR, help="output folder")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        print(f"error: raw data folder not found: {args.raw}", file=sys.stderr)
        return 2
    files = build(args.raw)
    write(files, args.out)
    total = sum(len(b) for b in files.values())
    print(f"wrote {len(files)} files, {total / 1e6:.2f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
