"""Bad input is reported as one clear DataError naming file, row and column, never a crash.

Each test writes a malformed copy of the shipped tables into tmp_path and loads it with
`load_world(tmp_path)` (what `--census-dir` does).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.census import load_map, load_world
from game.census.loader import COMMUTING_FILE, MIGRATION_FILE, TOPIC_FILES
from game.census.paths import DEFAULT_CENSUS_DIR
from game.errors import DataError

ROOT = Path(__file__).resolve().parents[2]  # the checkout, where main.py is


def copy_tables(dest: Path) -> Path:
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        shutil.copyfile(DEFAULT_CENSUS_DIR / name, dest / name)
    return dest


def edit_cell(path: Path, row: int, column: int, value: str) -> None:
    """Set one cell; row is the spreadsheet row number (header = 1), column is 0-based."""
    import csv

    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows[row - 1][column] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def load_error(folder: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_world(folder)
    return info.value


def test_copy_of_shipped_tables_loads_identically(tmp_path: Path) -> None:
    w = load_world(copy_tables(tmp_path))
    assert w.resolve("Hartlepool") == load_world().resolve("Hartlepool")


def test_missing_file(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    (tmp_path / "ts045_cars.csv").unlink()
    err = load_error(tmp_path)
    assert "ts045_cars.csv" in str(err) and "not found" in str(err)


def test_missing_folder(tmp_path: Path) -> None:
    err = load_error(tmp_path / "nowhere")
    assert "nowhere" in str(err)


def test_missing_column(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    path = tmp_path / "ts054_tenure.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("Lives rent free", "Rent free??")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = load_error(tmp_path)
    assert err.file.endswith("ts054_tenure.csv") and err.column == "Lives rent free"
    assert "ts054_tenure.csv, column 'Lives rent free': missing column" in str(err)


def test_unknown_area_code(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "ts062_nssec.csv", 5, 2, "E06999999")
    err = load_error(tmp_path)
    assert err.file.endswith("ts062_nssec.csv") and err.row == 5
    assert err.column == "geography code" and "E06999999" in str(err)


def test_area_missing_from_table(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    path = tmp_path / "ts061_travel.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    err = load_error(tmp_path)
    assert "ts061_travel.csv" in str(err) and "1 area(s) missing" in str(err)
    assert "W06000024" in str(err)


def test_negative_count(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "ts045_cars.csv", 7, 5, "-3")
    err = load_error(tmp_path)
    assert err.row == 7 and err.column is not None and "1 car or van" in err.column
    assert "negative" in str(err) and "row 7" in str(err)


def test_non_numeric_count(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "ts066_economic_activity.csv", 12, 6, "n/a")
    err = load_error(tmp_path)
    assert err.file.endswith("ts066_economic_activity.csv") and err.row == 12
    assert err.column is not None and "'n/a' is not a whole-number count" in str(err)


def test_parts_not_adding_to_total(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    path = tmp_path / "ts067_qualifications.csv"
    edit_cell(path, 3, 4, "1")  # under-16 count of row 3 no longer matches the total
    err = load_error(tmp_path)
    assert err.row == 3 and "not the total" in str(err) and err.column is not None


def test_components_identity_is_checked(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "mye2020_components.csv", 2, 5, "999999")  # births of row 2
    err = load_error(tmp_path)
    assert err.file.endswith("mye2020_components.csv") and err.row == 2


def test_flow_file_unknown_code_and_bad_count(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / COMMUTING_FILE, 4, 1, "X99")
    err = load_error(tmp_path)
    assert err.file.endswith(COMMUTING_FILE) and err.row == 4 and err.column == "workplace code"
    copy_tables(tmp_path)
    edit_cell(tmp_path / MIGRATION_FILE, 9, 2, "-5")
    err = load_error(tmp_path)
    assert err.file.endswith(MIGRATION_FILE) and err.row == 9 and err.column == "count"


def test_group_definition_with_unknown_category(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    text = (DEFAULT_CENSUS_DIR / "groups.csv").read_text(encoding="utf-8")
    (tmp_path / "groups.csv").write_text(text.replace(",retired,people", ",pensioners,people"))
    err = load_error(tmp_path)
    assert err.file.endswith("groups.csv") and err.column == "categories" and err.row == 8
    assert "pensioners" in str(err)


def test_group_universe_with_unknown_category(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    text = (DEFAULT_CENSUS_DIR / "groups.csv").read_text(encoding="utf-8")
    (tmp_path / "groups.csv").write_text(text.replace(",under_16,", ",under_sixteen,", 1))
    err = load_error(tmp_path)
    assert err.file.endswith("groups.csv") and err.column == "universe_excludes"
    assert err.row == 5 and "under_sixteen" in str(err)


def test_older_groups_file_without_universe_columns_still_loads(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    lines = (DEFAULT_CENSUS_DIR / "groups.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    keep = header.index("description") + 1
    import csv

    rows = [r[:keep] for r in csv.reader(lines)]
    with (tmp_path / "groups.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    a = load_world(tmp_path).resolve("Hartlepool")
    assert a.groups == load_world().resolve("Hartlepool").groups
    # Without universe_excludes, a share is of the table's whole total (all usual residents).
    assert a.group_universes["workers"] == sum(a.economic_activity.values())


def test_official_nomis_download_with_subtotals_is_accepted(tmp_path: Path, raw_dir: Path) -> None:
    """An analyst's own Nomis bulk files (with subtotal columns) read like the extracts."""
    copy_tables(tmp_path)
    bulk = raw_dir / "nomis-census2021-bulk"
    shutil.copyfile(bulk / "census2021-ts054-ltla.csv", tmp_path / "ts054_tenure.csv")
    shutil.copyfile(bulk / "census2021-ts007-ltla.csv", tmp_path / "ts007_age.csv")
    mine = load_world(tmp_path).resolve("Hartlepool")
    shipped = load_world().resolve("Hartlepool")
    assert mine.tenure == shipped.tenure and mine.census_population == shipped.census_population


def test_map_falls_back_to_shipped_for_a_table_folder(tmp_path: Path) -> None:
    assert set(load_map(copy_tables(tmp_path)).polygons) == set(load_map().polygons)


def test_cli_reports_bad_folder_without_traceback(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "ts045_cars.csv", 7, 5, "-3")
    proc = subprocess.run(
        [sys.executable, "main.py", "--census-dir", str(tmp_path), "profile", "Hartlepool"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "ts045_cars.csv, row 7, column" in proc.stderr and "negative" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_empty_and_garbled_files(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    (tmp_path / "ts062_nssec.csv").write_text("", encoding="utf-8")
    err = load_error(tmp_path)
    assert "ts062_nssec.csv" in str(err) and "not a readable CSV" in str(err)
    copy_tables(tmp_path)
    (tmp_path / "ts062_nssec.csv").write_bytes(b"date,geography\n\xff\xfe\x00bad\n")
    err = load_error(tmp_path)
    assert "ts062_nssec.csv" in str(err)


def test_blank_cell_is_reported(tmp_path: Path) -> None:
    copy_tables(tmp_path)
    edit_cell(tmp_path / "mye2021_population.csv", 40, 10, "")
    err = load_error(tmp_path)
    assert err.row == 40 and err.column is not None and "Age 6" in err.column
