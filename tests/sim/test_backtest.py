"""Issue 8 point 7: the back-test 2011 -> 2021 and its shipped 'How sure are we?' text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.census.build_backtest import OUT_NAME, main
from game.census.paths import DEFAULT_CENSUS_DIR, default_raw_dir


@pytest.fixture(scope="module")
def result():
    from game.census import load_world
    from game.play.shipped import shipped_parameters
    from game.sim.backtest import run_backtest

    return run_backtest(load_world(), shipped_parameters())


def test_build_script_reproduces_the_shipped_2011_extract(tmp_path: Path) -> None:
    # CI runs next to shared/ (CIVIC_FUTURES_SHARED_DIR elsewhere); never a skip.
    raw = default_raw_dir()
    assert raw.is_dir(), f"raw census data not found at {raw}"
    assert main(["--raw", str(raw), "--out", str(tmp_path)]) == 0
    assert (tmp_path / OUT_NAME).read_bytes() == (DEFAULT_CENSUS_DIR / OUT_NAME).read_bytes()


def test_build_script_refuses_a_wrong_total(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw" / "ons-census2011-on-2021-boundaries"
    raw.mkdir(parents=True)
    src = default_raw_dir() / "ons-census2011-on-2021-boundaries" / "census2011_lad21_sex_age5.csv"
    lines = src.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",1.0"  # one cell changed
    (raw / "census2011_lad21_sex_age5.csv").write_text("\n".join(lines) + "\n")
    assert main(["--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out")]) == 2
    assert "is not ONS's 56,075,912" in capsys.readouterr().err
    assert not (tmp_path / "out" / OUT_NAME).exists()


def test_shipped_extract_totals_the_2011_census() -> None:
    import csv

    with (DEFAULT_CENSUS_DIR / OUT_NAME).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 331 * 2 * 19
    assert sum(int(r["count"]) for r in rows) == 56_075_912


def test_backtest_scores_and_references(result) -> None:
    s = result.scores
    assert len(result.codes) == 331
    # England and Wales lands within 1% of the census
    assert result.projected["model"].sum() == pytest.approx(result.census_2021.sum(), rel=0.01)
    # the model beats the naive references on every headline measure
    assert s["model"].mape < s["uniform_growth"].mape < s["no_change"].mape
    assert s["model"].share_off_10pct <= s["no_change"].share_off_10pct
    # no change really is the 2011 count
    assert result.projected["no_change"].sum() == pytest.approx(56_075_912)
    worst = result.worst(3)
    errs = [abs(w["error_percent"]) for w in worst]
    assert errs == sorted(errs, reverse=True) and errs[0] >= abs(result.errors()).max() - 1e-9
    assert result.published["ons_snpp_share_off_10pct_2011_2021"] == pytest.approx(14.5)


def test_how_sure_text_is_up_to_date_with_the_model(result) -> None:
    from game.sim.backtest import how_sure_text, load_how_sure

    fresh = json.loads(json.dumps(how_sure_text(result)))
    assert load_how_sure() == fresh, "run: python main.py backtest --write"
    text = " ".join(fresh["paragraphs"])
    assert "2011 census" in text and "14.5%" in text and "not forecasts" in text


def test_backtest_cli_json(capsys) -> None:
    from game.cli import main as cli

    assert cli(["backtest", "--json", "--worst", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["councils"] == 331 and len(data["worst"]) == 5
    assert set(data["scores"]) == {"model", "no_change", "uniform_growth"}
