"""Build the Census 2011 extract the back-test starts from (data/census).

    python -m game.census.build_backtest --raw ../shared/census-raw --out data/census

Reads ONS's "2011 Census data on 2021 local authority boundaries" as reshaped in
`census-raw/ons-census2011-on-2021-boundaries/census2011_lad21_sex_age5.csv` (usual
residents on 27 March 2011 by sex and 5-year age band; no values changed) and writes
`census2011_population.csv` (`area_code, sex, age, count`; age bands `0-4` ... `85-89`,
`90+`), the base-population layout `simulate --base-population` also reads. The installed
game has no ../shared, so the back-test reads only this shipped file.

Deterministic: sorted by code, sex (male, female) and age; "\\n" line endings.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from game.atomic import atomic_write_text
from game.census.paths import DEFAULT_CENSUS_DIR, default_raw_dir

SOURCE = Path("ons-census2011-on-2021-boundaries") / "census2011_lad21_sex_age5.csv"
OUT_NAME = "census2011_population.csv"
BANDS = tuple(range(0, 95, 5))  # 0, 5, ... 90 (90 = 90+)
SEXES = ("male", "female")
EW_TOTAL_2011 = 56_075_912  # ONS: usual residents of England and Wales, Census 2011


class BuildError(Exception):
    pass


def band_label(start: int) -> str:
    return "90+" if start == 90 else f"{start}-{start + 4}"


def build(raw: Path, codes: tuple[str, ...]) -> str:
    """The extract's text; checks every council, sex and band appears once and the total."""
    path = raw / SOURCE
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({exc.strerror or exc})") from None
    cells: dict[tuple[str, str, int], int] = {}
    for i, row in enumerate(rows, start=2):
        try:
            key = (row["code"], row["sex"], int(row["age_start"]))
            count = float(row["count"])
        except (KeyError, ValueError):
            raise BuildError(f"{path}, row {i}: bad code, sex, age_start or count") from None
        if key[1] not in SEXES or key[2] not in BANDS or count < 0 or count != int(count):
            raise BuildError(f"{path}, row {i}: unexpected sex, band or count {row}")
        if key in cells:
            raise BuildError(f"{path}, row {i}: duplicate {key}")
        cells[key] = int(count)
    found = sorted({k[0] for k in cells})
    if found != sorted(codes):
        extra, missing = set(found) - set(codes), set(codes) - set(found)
        raise BuildError(
            f"{path}: councils differ from areas.csv (extra {extra}, missing {missing})"
        )
    total = sum(cells.values())
    if total != EW_TOTAL_2011:
        raise BuildError(f"{path}: total {total:,} is not ONS's {EW_TOTAL_2011:,}")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["area_code", "sex", "age", "count"])
    for code in sorted(codes):
        for sex in SEXES:
            for start in BANDS:
                if (code, sex, start) not in cells:
                    raise BuildError(f"{path}: no row for {code} {sex} {start}")
                w.writerow([code, sex, band_label(start), cells[(code, sex, start)]])
    return buf.getvalue()


def area_codes(census_dir: Path) -> tuple[str, ...]:
    with (census_dir / "areas.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(sorted(row["code"] for row in csv.DictReader(fh)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--raw", type=Path, default=None, help="census-raw folder (default: ../shared/census-raw)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_CENSUS_DIR, help="output folder")
    parser.add_argument(
        "--areas", type=Path, default=DEFAULT_CENSUS_DIR, help="folder with areas.csv"
    )
    args = parser.parse_args(argv)
    try:
        text = build(args.raw or default_raw_dir(), area_codes(args.areas))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.out / OUT_NAME, text)
    print(f"wrote {args.out / OUT_NAME} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
