"""The rule files load, every number carries a status and source, and bad rows are named."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from game.errors import DataError
from game.play.rules import DATA_DIR, english_templates, load_news, load_rulebook, load_rules


def test_every_rule_has_status_and_source():
    with (DATA_DIR / "rules.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert row["status"] in ("verified", "assumption"), row["key"]
        assert len(row["source"]) > 10, row["key"]


def test_rulebook_loads_with_expected_values():
    book = load_rulebook()
    assert book.rules.final_turn == 10 and book.rules.midterm_turn == 5
    assert 2 <= book.rules.news_max_headlines <= 4
    ids = {b.id: b for b in book.benchmarks}
    assert ids["rgf"].cost_per_net_job_low == 33000
    assert ids["rgf"].cost_per_net_job_high == 37400
    assert ids["enterprise_zones"].cost_per_net_job_low == 28500
    assert ids["rgf"].status == "verified"
    assert {n.need for n in book.needs} >= {"young_children", "older_people", "unemployment"}


def test_templates_cover_every_key_the_game_uses():
    t = english_templates()
    keys = (
        "news.project_opened",
        "news.jobs_up",
        "news.population_down",
        "card.reason.unemployment",
        "card.error.no_money",
        "report.ending.mob",
    )
    for key in keys:
        assert key in t
    assert all(k.startswith(("news.", "card.", "report.", "jobs.", "fact.")) for k in t)


def _copy_rules(tmp_path: Path) -> Path:
    for name in ("rules.csv", "needs.csv", "strings.json", "benchmarks.csv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    return tmp_path


def test_unknown_rule_key_names_file_and_row(tmp_path):
    d = _copy_rules(tmp_path)
    with (d / "rules.csv").open("a", encoding="utf-8") as fh:
        fh.write("fund_per_residnet,80,x,assumption,a typo in the key\n")
    with pytest.raises(DataError) as err:
        load_rules(d)
    msg = str(err.value)
    assert "rules.csv" in msg and "fund_per_residnet" in msg and "row" in msg


def test_negative_money_rule_is_rejected(tmp_path):
    d = _copy_rules(tmp_path)
    text = (
        (d / "rules.csv")
        .read_text(encoding="utf-8")
        .replace("fund_per_resident,80,", "fund_per_resident,-5,")
    )
    (d / "rules.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="fund_per_resident"):
        load_rules(d)


def test_malformed_news_file_is_named(tmp_path):
    d = _copy_rules(tmp_path)
    data = json.loads((d / "strings.json").read_text(encoding="utf-8"))
    data["events"][0]["weight"] = -1
    (d / "strings.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match="strings.json"):
        load_news(d)
