"""One test per bug the reliability run found (issue 9), each from its reproduction.

Contract: bad input is one clean line naming the file (and row/column), exit status 2;
never a traceback or a hang; a save that cannot be used is set aside byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzzlib import deadline

from game.census.loader import (
    COMMUTING_FILE,
    MIGRATION_FILE,
    TOPIC_FILES,
    _read_areas,
    _read_commuting,
    _read_migration,
    _section_matrix,
)
from game.census.mapfile import load_map
from game.census.paths import DEFAULT_CENSUS_DIR
from game.cli import main
from game.errors import CivicError, DataError, SaveError, ScenarioError
from game.play import GameSession, SaveFile
from game.resources import data_dir
from game.scenarios import load_scenario
from game.store.saves import clean_temporaries, load, load_and_replay, save_atomic

REPO = Path(__file__).resolve().parents[2]
SCENARIO = data_dir() / "scenarios" / "hartlepool_business_park_skills.json"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    from contextlib import redirect_stderr, redirect_stdout

    with deadline(60), redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def one_clean_line(code: int, err: str, *needles: str) -> str:
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def scenario_text(**changes: object) -> dict:
    doc = json.loads(SCENARIO.read_text(encoding="utf-8"))
    doc.update(changes)
    return doc


def run_scenario(tmp: Path, raw: bytes) -> tuple[int, str, str]:
    path = tmp / "s.json"
    path.write_bytes(raw)
    return cli("simulate", "--scenario", str(path), "--years", "1", "--json", "--allow-dropped")


# -- JSON: depth, huge numbers, duplicates, BOM, surrogates, controls ------------------------


@pytest.mark.parametrize("which", ["scenario", "save", "map"])
@pytest.mark.parametrize("poison", ["[" * 1000 + "]" * 1000, "9" * 5000])
def test_deep_json_and_huge_numbers_are_one_clean_error(tmp_path, which, poison):
    text = '{"name": "x", "area": ' + poison + "}"
    path = tmp_path / ("map.json" if which == "map" else f"{which}.json")
    path.write_text(text, encoding="utf-8")
    with deadline(10), pytest.raises(CivicError) as err:
        if which == "scenario":
            load_scenario(path)
        elif which == "save":
            load(path, SaveFile)
        else:
            load_map(tmp_path)
    msg = str(err.value)
    assert str(path) in msg and "\n" not in msg
    assert ("nested 1001 deep, above the limit of 64" in msg) or ("5000 characters" in msg)


def test_duplicate_keys_are_refused_naming_the_key(tmp_path):
    raw = b'{"name": "x", "area": "Hartlepool", "area": "York", "projects": []}'
    code, _, err = run_scenario(tmp_path, raw)
    one_clean_line(code, err, "s.json", "duplicate key 'area'")


def test_a_byte_order_mark_is_accepted(tmp_path):
    code, out, err = run_scenario(tmp_path, b"\xef\xbb\xbf" + SCENARIO.read_bytes())
    assert code == 0 and json.loads(out), err


def test_lone_surrogate_and_controls_in_a_name_are_refused(tmp_path):
    for name in ("\\ud800", "\\u001b[31mred", "a\\u0000b"):
        raw = ('{"name": "' + name + '", "projects": []}').encode()
        code, _, err = run_scenario(tmp_path, raw)
        line = one_clean_line(code, err, "s.json")
        assert "\x1b" not in line and "\x00" not in line


def test_error_output_cannot_forge_lines_or_escape_codes(tmp_path):
    """A file name with a newline, an ESC and a bidi override, printed by a real process to
    an ASCII-only stderr: one line, no escape bytes, no UnicodeEncodeError."""
    bad = tmp_path / "x\nerror: forged \x1b[31m\u202e.json"
    bad.write_text("{", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "main.py", "simulate", "--scenario", str(bad)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.decode("ascii")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "\x1b" not in err and "\\x0a" in err and "\\u202e" in err


def test_broken_pipe_exits_quietly():
    proc = subprocess.Popen(
        [sys.executable, "main.py", "areas"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.wait(timeout=120)
    assert err == "", err
    assert proc.returncode in (0, 141)


# -- absurd values in scenarios ----------------------------------------------------------


@pytest.mark.parametrize(
    "field, raw, needle",
    [
        ("budget", b"NaN", "NaN is not allowed"),
        ("budget", b"Infinity", "Infinity is not allowed"),
        ("budget", b"1e400", "too large"),
        ("budget", b"1e200", "budget"),
        ("budget", b"true", "not true/false"),
        ("years", b"true", "not true/false"),
    ],
)
def test_absurd_scenario_numbers_are_refused(tmp_path, field, raw, needle):
    doc = json.dumps(scenario_text(**{field: "__X__"})).encode().replace(b'"__X__"', raw)
    code, _, err = run_scenario(tmp_path, doc)
    one_clean_line(code, err, "s.json", needle)


def test_duplicate_project_type_ids_are_refused(tmp_path):
    doc = scenario_text()
    doc["project_types"] = doc["project_types"] * 2
    code, _, err = run_scenario(tmp_path, json.dumps(doc).encode())
    one_clean_line(code, err, "s.json", "duplicate project type id 'offshore_wind_supply_units'")


@pytest.mark.parametrize(
    "n, needle",
    [(20_000, "20,000 entries, above the limit of 1,000"), (500_000, "above the limit of 5 MB")],
)
def test_too_many_projects_are_refused_at_once(tmp_path, n, needle):
    doc = scenario_text(projects=[{"type": "business_park"}] * n)
    started = time.monotonic()
    code, _, err = run_scenario(tmp_path, json.dumps(doc).encode())
    one_clean_line(code, err, "s.json", needle)
    assert time.monotonic() - started < 10


# -- base population -----------------------------------------------------------------------


def base_rows(count: str = "500") -> list[list[str]]:
    rows = [["area_code", "sex", "age", "count"]]
    rows += [["E06000001", s, str(a), count] for s in ("male", "female") for a in range(91)]
    return rows


def run_base(tmp: Path, rows: list[list[str]], tail: bytes = b"") -> tuple[int, str, str]:
    path = tmp / "base.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode() + tail)
    return cli(
        "simulate",
        "--area",
        "Hartlepool",
        "--base-population",
        str(path),
        "--base-year",
        "2023",
        "--years",
        "1",
        "--json",
    )


@pytest.mark.parametrize(
    "count, needle",
    [
        ("0", "0 people in all"),
        ("4000000", "728,000,000 people in all"),
        ("1e20", "beyond any real population"),
        ("inf", "not a number"),
    ],
)
def test_absurd_base_populations_are_refused(tmp_path, count, needle):
    code, _, err = run_base(tmp_path, base_rows(count))
    one_clean_line(code, err, "base.csv", needle)


def test_fifty_megabytes_of_blank_lines_are_refused_at_once(tmp_path):
    started = time.monotonic()
    code, _, err = run_base(tmp_path, base_rows(), b"\n" * (50 * 1024 * 1024))
    one_clean_line(code, err, "base.csv", "above the limit of 20 MB")
    assert time.monotonic() - started < 10


# -- census tables ---------------------------------------------------------------------------


def table(tmp: Path, name: str, edit, keep: int | None = None) -> Path:
    text = (DEFAULT_CENSUS_DIR / name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows = rows[: keep + 1] if keep else rows
    edit(rows)
    path = tmp / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


def codes() -> tuple[str, ...]:
    from game.census import load_world

    return tuple(load_world().codes)


def test_a_1e20_count_is_beyond_any_population_not_negative(tmp_path):
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        shutil.copyfile(DEFAULT_CENSUS_DIR / name, tmp_path / name)
    table(tmp_path, "ts045_cars.csv", lambda r: r[6].__setitem__(5, "1e20"))  # row 7
    code, _, err = cli("--census-dir", str(tmp_path), "profile", "Hartlepool")
    line = one_clean_line(code, err, "ts045_cars.csv, row 7, column", "beyond any real population")
    assert "negative" not in line


def test_an_area_of_zeros_is_refused(tmp_path):
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        shutil.copyfile(DEFAULT_CENSUS_DIR / name, tmp_path / name)
    table(
        tmp_path,
        "mye2021_population.csv",
        lambda r: r[1].__setitem__(slice(3, None), ["0"] * (len(r[1]) - 3)),
    )
    code, _, err = cli("--census-dir", str(tmp_path), "simulate", "--area", "Hartlepool")
    one_clean_line(code, err, "mye2021_population.csv, row 2, column", "the total for")


@pytest.mark.parametrize(
    "name, reader", [(COMMUTING_FILE, _read_commuting), (MIGRATION_FILE, _read_migration)]
)
def test_flow_tables_refuse_fractions_repeats_and_header_only(tmp_path, name, reader):
    count = 3 if name == COMMUTING_FILE else 2
    cases = {
        "fraction": (lambda r: r[4].__setitem__(count, "12.5"), "row 5", "not a whole-number"),
        "repeat": (lambda r: r.insert(9, list(r[4])), "row 10", "repeats row 5"),
        "header only": (lambda r: r.__delitem__(slice(1, None)), "row 2", "only a header"),
    }
    for edit, where, what in cases.values():
        path = table(tmp_path, name, edit, keep=50)
        with pytest.raises(DataError) as err:
            reader(path, codes())
        assert name in str(err.value) and where in str(err.value) and what in str(err.value)


@pytest.mark.parametrize(
    "edit, needle",
    [
        (lambda r: r[3].__setitem__(2, "02"), "overlap section A"),
        (lambda r: r[3].__setitem__(2, "x"), "'x' is not a SIC division"),
        (lambda r: r[3].__setitem__(3, "01"), "is after the last"),
    ],
)
def test_sic_ranges_must_be_numbers_and_not_overlap(tmp_path, edit, needle):
    from game.census.loader import _read_categories
    from game.census.tables import read_wide

    cats = _read_categories(DEFAULT_CENSUS_DIR / "categories.csv")["ts060_industry.csv"]
    values = read_wide(DEFAULT_CENSUS_DIR / "ts060_industry.csv", cats, codes())
    keys = {c.key: i for i, c in enumerate(cats)}
    path = table(tmp_path, "sic_sections.csv", edit)
    with pytest.raises(DataError, match=needle) as err:
        _section_matrix(path, keys, values)
    assert "sic_sections.csv, row 4, column" in str(err.value)


@pytest.mark.parametrize("lat", ["91", "-1e9", "inf"])
def test_latitudes_outside_the_world_are_refused(tmp_path, lat):
    path = table(tmp_path, "areas.csv", lambda r: r[4].__setitem__(13, lat))
    with pytest.raises(DataError, match=r"areas\.csv, row 5, column 'lat'"):
        _read_areas(path)


# -- saves: set aside on any failure, bounded reads, temporaries -------------------------


@pytest.fixture
def save_doc(world) -> dict:
    s = GameSession.new(world, "Hartlepool", seed=7)
    s.advance_year()
    s.advance_year()
    return json.loads(s.to_save().model_dump_json())


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["checksums"].__setitem__("1", "0" * 32),
        lambda d: d.__setitem__("seed", -1),
        lambda d: d["commands"].extend([{"kind": "advance"}] * 20),
        lambda d: d["settings"].__setitem__("years", 1),
    ],
    ids=["checksum", "seed -1", "too many years", "fewer years than played"],
)
def test_saves_that_fail_replay_are_set_aside_intact(tmp_path, world, save_doc, change):
    change(save_doc)
    path = tmp_path / "autosave.json"
    raw = json.dumps(save_doc).encode()
    path.write_bytes(raw)
    with pytest.raises(SaveError) as err:
        load_and_replay(path, SaveFile, lambda s: GameSession.from_save(world, s))
    assert str(path) in str(err.value) and "kept as autosave.json.corrupt-1" in str(err.value)
    assert not path.exists() and (tmp_path / "autosave.json.corrupt-1").read_bytes() == raw


def test_a_nan_fund_override_is_set_aside(tmp_path, save_doc):
    path = tmp_path / "autosave.json"
    raw = json.dumps(save_doc).encode().replace(b'"fund_override": null', b'"fund_override": NaN')
    path.write_bytes(raw)
    with pytest.raises(SaveError, match="NaN is not allowed"):
        load(path, SaveFile)
    assert (tmp_path / "autosave.json.corrupt-1").read_bytes() == raw


@pytest.mark.parametrize("kind", ["fifo", "devzero"])
def test_a_fifo_or_dev_zero_link_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "autosave.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        os.symlink("/dev/zero", path)
    started = time.monotonic()
    with deadline(5), pytest.raises(SaveError, match="not a regular file"):
        load(path, SaveFile)
    assert time.monotonic() - started < 1 and (path.exists() or path.is_symlink())


def test_temporaries_of_killed_saves_are_cleaned_at_next_start(tmp_path, save_doc):
    save = SaveFile.model_validate(save_doc)
    target = save_atomic(save, tmp_path / "autosave.json")
    stale = tmp_path / ".autosave.json.abc123.tmp"
    stale.write_bytes(b'{"half": ')
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".autosave.json.def456.tmp"  # a save in progress elsewhere: kept
    fresh.write_bytes(b"{")
    assert clean_temporaries(tmp_path) == [stale]
    assert not stale.exists() and fresh.exists() and target.exists()


def test_scenario_error_type_is_kept(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"{")
    with pytest.raises(ScenarioError, match=r"s\.json: malformed JSON at line 1"):
        load_scenario(path)


def test_an_oversized_save_is_refused_at_once_and_set_aside(tmp_path):
    path = tmp_path / "autosave.json"
    with open(path, "wb") as fh:
        fh.truncate(30 * 1024 * 1024)  # sparse: 30 MB of zero bytes, no disk used
    started = time.monotonic()
    with pytest.raises(SaveError, match="above the limit of 20 MB"):
        load(path, SaveFile)
    assert time.monotonic() - started < 1
    kept = tmp_path / "autosave.json.corrupt-1"
    assert not path.exists() and kept.stat().st_size == 30 * 1024 * 1024


def test_non_utf8_bytes_in_an_argument_are_one_clean_line():
    """argv bytes that are not UTF-8 arrive as lone surrogates; the log file used to raise
    '--- Logging error ---' with a traceback onto the terminal."""
    code, _, err = cli("profile", "Hartle\udcffpool")
    line = one_clean_line(code, err, "unknown area", "\\udcff")
    assert "Logging error" not in err and "Traceback" not in line


@pytest.mark.parametrize("kind", ["fifo", "devzero", "junk", "deep"])
def test_a_strange_settings_file_means_defaults_at_once(tmp_path, kind):
    from game.client.settings import Settings

    path = tmp_path / "settings.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "devzero":
        os.symlink("/dev/zero", path)
    else:
        path.write_bytes(b"\xff{" if kind == "junk" else b"[" * 100_000)
    with deadline(5):
        assert Settings.load(path) == Settings()


def test_a_map_whose_neighbours_name_missing_areas_is_refused(tmp_path):
    doc = json.loads((DEFAULT_CENSUS_DIR / "map.json").read_text(encoding="utf-8"))
    keep = sorted(doc["polygons"])[:3]  # three outlines whose neighbours are not drawn
    for key in ("polygons", "hex", "neighbours"):
        doc[key] = {code: doc[key][code] for code in keep}
    (tmp_path / "map.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match=r"map\.json.*is not an area on the map"):
        load_map(tmp_path)


def test_a_huge_category_range_in_groups_is_read_at_once(tmp_path):
    """`male_0-99999999` in groups.csv looped over the whole range (49 s; 1e12 would hang)."""
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        (tmp_path / name).symlink_to(DEFAULT_CENSUS_DIR / name)
    text = (DEFAULT_CENSUS_DIR / "groups.csv").read_text(encoding="utf-8")
    (tmp_path / "groups.csv").write_text(
        text.replace("male_0-10;", "male_0-999999999999;", 1), encoding="utf-8"
    )
    started = time.monotonic()
    with deadline(20):
        code, _, err = cli("--census-dir", str(tmp_path), "profile", "E06000001", "--json")
    assert code == 0, err
    assert time.monotonic() - started < 10


def test_a_megabyte_value_does_not_make_a_megabyte_error_line(tmp_path):
    doc = scenario_text()
    doc["projects"][0]["type"] = "x" * 1_000_000
    code, _, err = run_scenario(tmp_path, json.dumps(doc).encode())
    line = one_clean_line(code, err, "s.json: projects[0]: unknown project type id", "characters")
    assert len(line) < 1200


def test_the_room_api_refuses_duplicate_keys_and_nan():
    """FastAPI's own JSON parser took `"player_key": "a", "player_key": "b"` as "b"."""
    from surfaces_room import _room_base

    base = _room_base()
    url = f"/api/rooms/{base['code']}/join"
    json_type = {"content-type": "application/json"}
    dup = b'{"player_key": "player-0001", "player_key": "player-0002"}'
    r = base["client"].post(url, content=dup, headers=json_type)
    assert r.status_code == 400 and "duplicate key 'player_key'" in r.json()["error"]
    r = base["client"].post(url, content=b'{"player_key": NaN}', headers=json_type)
    assert r.status_code == 400 and "NaN is not allowed" in r.json()["error"]
    r = base["client"].post(url, content=b'{"player_key": "player-0003"}', headers=json_type)
    assert r.status_code == 201
