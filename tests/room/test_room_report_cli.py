"""`room report/list/export/delete`: the listening report is self-contained and escapes idea
text; the tables come as CSV and one XLSX; about-you answers appear as counts only."""

from __future__ import annotations

import csv
import json
import re

import openpyxl
import pytest
from room_samples import decision, idea, plan

from game.cli import main
from game.room.models import AboutYou
from game.room.store import RoomStore

EVIL = '<script>alert("x")</script>=HYPERLINK("http://evil")'


@pytest.fixture
def filled(sqlite_url):
    store = RoomStore(sqlite_url)
    info, _ = store.create_room("Hartlepool library, 5 Dec")
    about = [
        AboutYou(age_band="16_24", area_link=["live", "work"]),
        AboutYou(age_band="65_plus"),
        None,
    ]
    for n in range(1, 4):
        p = plan(
            n,
            [decision("funded", "park"), decision("rejected", "business_park")],
            score=40 + 10 * n,
            label=f"Table {n}",
        )
        store.add_plan(info.code, p.model_copy(update={"about": about[n - 1]}))
    bad = store.add_idea(info.code, idea(1, EVIL))
    store.add_idea(info.code, idea(2, "More buses after 10pm", player=2))
    store.moderate(info.code, bad.id, "approved")
    store.close()
    return sqlite_url, info.code


def test_the_report_is_self_contained_and_shows_ideas_as_text(filled, tmp_path, capsys):
    url, code = filled
    out = tmp_path / "report"
    assert main(["room", "report", code, "--db", url, "--out", str(out)]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html  # no scripts at all, and the idea's tag is text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert not re.search(r'(src|href)="https?:', html)  # nothing fetched from the network
    assert html.count("<svg") >= 4  # charts inline
    assert 'id="plans-count">3<' in html and html.count('<tr class="plan">') == 3
    assert "not a random or representative survey" in html
    assert "Table 2" in html and "More buses after 10pm" in html

    with open(out / "plans.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["label"] for r in rows] == ["Table 1", "Table 2", "Table 3"]
    assert "age_band" not in rows[0]  # about-you never per plan
    with open(out / "about_you.csv", newline="", encoding="utf-8") as fh:
        counts = {(r["question"], r["answer"]): int(r["plans"]) for r in csv.DictReader(fh)}
    assert counts[("age band", "16_24")] == 1 and counts[("age band", "65_plus")] == 1
    assert counts[("age band", "not given")] == 1
    assert (
        counts[("link to the area", "live")] == 1 and counts[("link to the area", "not given")] == 2
    )

    book = openpyxl.load_workbook(out / "room_report.xlsx")
    assert {"plans", "decisions", "choices", "approvals", "ideas", "about_you"} <= set(
        book.sheetnames
    )
    texts = [c.value for c in book["ideas"]["B"]][1:]
    assert EVIL in texts  # a text cell, not a formula
    assert book["ideas"]["B2"].data_type == "s" or book["ideas"]["B3"].data_type == "s"
    choices = {(r[1].value, r[3].value): r[4].value for r in book["choices"].iter_rows(min_row=2)}
    assert choices[("Urban park", "funded")] == 3
    assert "wrote the report" in capsys.readouterr().out


def test_list_export_and_delete(filled, tmp_path, capsys):
    url, code = filled
    assert main(["room", "list", "--db", url, "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["code"], listed["plans"], listed["ideas"]) == (code, 3, 2)
    assert main(["room", "export", code, "--db", url, "--out", str(tmp_path / "e.json")]) == 0
    exported = json.loads((tmp_path / "e.json").read_text())
    assert len(exported["plans"]) == 3 and exported["ideas"][0]["text"] == EVIL
    assert main(["room", "delete", code, "--db", url, "--yes"]) == 0
    assert "3 plans" in capsys.readouterr().out
    assert main(["room", "list", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_an_unknown_room_is_one_line_and_exit_2(sqlite_url, tmp_path, capsys):
    assert main(["room", "report", "NOPE42", "--db", sqlite_url, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: no room 'NOPE42' (room list shows every room)"
    assert main(["room", "list", "--db", "nosuchdb://x"]) == 2
    assert capsys.readouterr().err.startswith("error: --db nosuchdb://x: cannot open")


def test_an_idea_typed_as_a_formula_stays_text_in_the_csv(sqlite_url, tmp_path):
    """An officer double-clicks ideas.csv: Excel would run '=HYPERLINK(...)' or '@SUM(...)'
    as a formula. The CSV cell starts with an apostrophe; numbers (negative jobs) do not."""
    store = RoomStore(sqlite_url)
    info, _ = store.create_room("Formula check")
    store.add_plan(info.code, plan(1, [decision("funded", "park")], jobs=-12.5))
    for n, text in enumerate(['=HYPERLINK("http://evil","click")', "@SUM(1+1)", "- more buses"]):
        store.add_idea(info.code, idea(n + 1, text, player=n + 1))
    store.close()
    out = tmp_path / "r"
    assert main(["room", "report", info.code, "--db", sqlite_url, "--out", str(out)]) == 0
    with open(out / "ideas.csv", newline="", encoding="utf-8") as fh:
        texts = sorted(r["text"] for r in csv.DictReader(fh))
    assert texts == ["'- more buses", '\'=HYPERLINK("http://evil","click")', "'@SUM(1+1)"]
    with open(out / "plans.csv", newline="", encoding="utf-8") as fh:
        assert float(next(csv.DictReader(fh))["net_additional_jobs"]) == -12.5
