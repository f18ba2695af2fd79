"""Issue 10, point 3: find your place by the name you know (aliases.csv, World.find)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.census import load_world
from game.census.loader import COMMUTING_FILE, MIGRATION_FILE, TOPIC_FILES
from game.census.paths import DEFAULT_CENSUS_DIR
from game.errors import DataError
from game.model.places import loose, postcode_shaped
from game.resources import data_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("typed", ["St Helens", "St. Helens", "st helens", " ST. HELENS"])
def test_st_helens_with_or_without_the_full_stop(world, typed):
    assert world.resolve(typed).code == "E08000013"
    assert world.find(typed)[0].code == "E08000013"


def test_a_town_finds_its_district_with_a_line_saying_so(world):
    m = world.find("Grimsby")[0]
    assert (m.code, m.name) == ("E06000012", "North East Lincolnshire")
    assert m.note == "Grimsby is in North East Lincolnshire"
    assert world.resolve("grimsby").code == "E06000012"
    assert world.search("grim") == ["E06000012"]


@pytest.mark.parametrize(
    ("name", "code", "members"),
    [
        ("North Yorkshire", "E06000065", 7),
        ("Cumberland", "E06000063", 3),
        ("Westmorland and Furness", "E06000064", 3),
        ("Somerset", "E06000066", 4),
    ],
)
def test_2023_councils_are_played_as_their_2021_districts(world, name, code, members):
    first = world.find(name)[0]
    assert first.code == code and "2021 districts" in first.note and "2023" in first.note
    area = world.resolve(name)
    assert area.code == code and len(area.members) == members
    assert area.population.total == sum(world.areas[c].population.total for c in area.members)
    assert world.resolve(code) is area  # a save stores the code; it resolves again
    assert world.is_alias_grouping(code)


def test_official_names_still_win(world):
    # "York" is the district, not North Yorkshire; Newcastle is upon Tyne, but both show
    assert world.find("York")[0].code == "E06000014"
    assert [m.code for m in world.find("newcastle")][:2] == ["E08000021", "E07000195"]
    assert world.resolve("Newcastle-under-Lyme").code == "E07000195"


def test_did_you_mean_knows_the_names_people_use(world):
    assert world.find("Grimbsy") == []
    assert any(s.startswith("Grimsby") for s in world.suggest("Grimbsy"))
    assert any(s.startswith("Cumberland") for s in world.suggest("Cumberlnd"))


def test_groupings_mode_is_not_mixed_with_aliases(world):
    assert "E06000065" not in world.search("north yorkshire", "ca")


@given(st.text(alphabet="abc .-'", min_size=1, max_size=12))
def test_loose_ignores_punctuation_and_spacing(text):
    once = loose(text)
    assert loose(once) == once
    assert "." not in once and "  " not in once and once == once.strip()


_LETTERS = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUWYZ", min_size=1, max_size=2)
_DIGIT = st.sampled_from("0123456789")


@given(_LETTERS, _DIGIT, st.sampled_from(["", "1", "A"]), st.booleans(), _DIGIT, _LETTERS)
def test_postcodes_and_districts_are_seen_as_postcodes(area, d, extra, full, d2, unit):
    """Any outward code ("TS24", "SW1A"), with or without its inward part ("8AA"), in any
    case and spacing: the search says postcode search is not available."""
    outward = f"{area}{d}{extra}"
    text = f"{outward} {d2}{(unit * 2)[:2]}" if full else outward
    assert postcode_shaped(text) and postcode_shaped(text.lower().replace(" ", ""))


@pytest.mark.parametrize(
    "name", ["Grimsby", "St. Helens", "Stoke-on-Trent", "Ynys Môn", "E06000012", "King's Lynn"]
)
def test_names_and_area_codes_are_not_postcodes(world, name):
    assert not postcode_shaped(name)


def test_every_place_name_is_not_a_postcode(world):
    names = [n for code in world.codes for n in (world.areas[code].name, world.areas[code].name_cy)]
    names += [a.alias for a in world.aliases]
    assert not [n for n in names if n and postcode_shaped(n)]


def test_cli_search_for_a_postcode_says_it_is_not_available():
    out = subprocess.run(
        [sys.executable, "main.py", "areas", "--search", "TS24 8AA"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert out.startswith("no areas match 'TS24 8AA': it looks like a postcode")
    assert "did you mean" not in out


def test_cli_search_prints_the_alias_line_and_did_you_mean():
    env_py = [sys.executable, "main.py", "areas", "--search"]
    out = subprocess.run(
        [*env_py, "Grimsby"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert "E06000012" in out and "Grimsby is in North East Lincolnshire" in out
    out = subprocess.run(
        [*env_py, "Grimbsy"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert "did you mean: Grimsby (E06000012)" in out


def _copy_tables(dest: Path) -> Path:
    for name in (*TOPIC_FILES, COMMUTING_FILE, MIGRATION_FILE):
        shutil.copyfile(DEFAULT_CENSUS_DIR / name, dest / name)
    return dest


def test_a_bad_alias_row_names_the_file_row_and_column(tmp_path):
    _copy_tables(tmp_path)
    text = (data_dir() / "census" / "aliases.csv").read_text(encoding="utf-8")
    (tmp_path / "aliases.csv").write_text(text.replace("E07000026;", "E07009999;"))
    with pytest.raises(DataError) as info:
        load_world(tmp_path)
    err = info.value
    assert err.file.endswith("aliases.csv") and err.row == 3 and err.column == "members"
    assert "E07009999" in str(err)


def test_every_alias_is_sourced():
    import csv

    path = data_dir() / "census" / "aliases.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["source"] and r["status"] in ("verified", "assumption") for r in rows)
