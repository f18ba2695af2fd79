"""Validators of the report command's input: --format lists (hypothesis) and missing files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli import main
from game.errors import DataError
from game.report import FORMATS, parse_formats

words = st.sampled_from(FORMATS)


@given(st.lists(words, min_size=1, max_size=6), st.sampled_from([",", ", ", " ,"]))
def test_known_formats_parse_in_order_without_repeats(chosen: list[str], sep: str) -> None:
    text = sep.join(w.upper() if i % 2 else w for i, w in enumerate(chosen))
    assert parse_formats(text) == tuple(dict.fromkeys(chosen))


@given(st.lists(words, max_size=3), st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1))
def test_any_unknown_format_is_refused_by_name(chosen: list[str], junk: str) -> None:
    if junk in FORMATS:
        return
    with pytest.raises(DataError, match=junk):
        parse_formats(",".join([*chosen, junk]))


def test_no_format_means_all_four() -> None:
    assert parse_formats(None) == ("html", "pdf", "xlsx", "csv")


def test_missing_scenario_file_is_one_line(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.json"
    assert main(["report", "--scenario", str(missing), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope.json" in err and "\n" not in err
    assert not (tmp_path / "out").exists()


def test_two_sources_at_once_are_refused(tmp_path: Path, capsys) -> None:
    a = "data/scenarios/hartlepool_business_park_skills.json"
    argv = ["report", "--scenario", a, "--save", "x.json", "--out", str(tmp_path / "o")]
    assert main(argv) == 2
    assert "one of --scenario" in capsys.readouterr().err
