"""The teacher's lesson plans add up: their time rows run on from 0 to the lesson's end with
no gap or overlap, and every row that plays years gives them at least the rounds' minutes
(4 each) plus a one-minute break between two years in one row. The 50-minute plan gave
"Years 4 and 5" five minutes (22-27) and the 90-minute one gave years 1-5 22 minutes: a
teacher following them ran over, or cut the debrief, which is the point of the lesson."""

from __future__ import annotations

import re

import pytest

from game.resources import docs_dir

ROUND_MINUTES = 4  # the class game's default round (room host --class)


def _rows(name: str) -> list[tuple[int, int, str]]:
    text = (docs_dir() / "teachers" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        m = re.match(r"\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|(.*)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), m.group(3)))
    return rows


def _years(what: str) -> int:
    """How many game years a row plays: "**Year 3**", "**Years 4 and 5**", "**Years 1–5**"."""
    m = re.search(r"\*\*Years? (\d+)(?:\s*(?:–|-|and)\s*(\d+))?\*\*", what)
    if not m:
        return 0
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return last - first + 1


@pytest.mark.parametrize(
    ("name", "minutes", "years"), [("lesson-50.md", 50, 5), ("workshop-90.md", 90, 10)]
)
def test_the_plan_runs_on_without_gaps_and_gives_each_year_its_round(name, minutes, years):
    rows = _rows(name)
    assert rows[0][0] == 0 and rows[-1][1] == minutes
    for (_, end, _), (start, _, what) in zip(rows, rows[1:], strict=False):
        assert start == end, f"{name}: a gap or overlap at {end}-{start} ({what.strip()[:40]})"
    played = 0
    for start, end, what in rows:
        n = _years(what)
        played += n
        need = n * ROUND_MINUTES + max(0, n - 1)
        assert end - start >= need, f"{name}: {start}-{end} plays {n} year(s), needs {need} min"
    assert played == years
