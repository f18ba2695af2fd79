"""The printed debrief keeps every column of its "approval at the end" table on the page and
clear of its neighbour. With four teams the two halves of that table used to overlap: the
fourth team's column ran under the second half, so its numbers overprinted the group names
("50People in work") and its name was cut to "Idle t"."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.models import ClassSettings
from game.room.classroom.pdf import debrief_pdf_bytes


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _debrief(world, url: str, teams: list[str]):  # noqa: ANN001, ANN202
    from game.room.store import RoomStore

    store = RoomStore(url)
    try:
        info, _ = store.create_room("9X geography", kind="class")
        clock = ManualClock()
        g = ClassGame(store, info.code, world, ClassSettings(years=5), clock)
        for name in teams:
            g.join(name)
        for _ in range(5):
            g.start_round()
            clock.advance(240)
            g.tick()
        return g.debrief()
    finally:
        store.close()


def _runs(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every piece of text on the first page."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001
        if text.strip():
            runs.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], size))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize(
    "teams",
    [
        ["Red Kites", "Table 3", "Blue", "Idle team"],
        ["Red Kites", "Table 3", "Blue", "Idle team", "Dragons", "Table 6", "Table 7"],
    ],
)
def test_no_column_of_the_approval_table_runs_into_the_next(world, sqlite_url, teams):
    pdf = debrief_pdf_bytes(_debrief(world, sqlite_url, teams))
    runs = _runs(pdf)
    heads = sorted(x for t, x, _, _ in runs if t == "Approval at the end")
    assert heads, "the approval table is on page 1"
    top = max(y for t, _, y, _ in runs if t == "Approval at the end")
    bottom = min(y for t, _, y, _ in runs if t.startswith("2. Analyse"))
    page_right = 595.27 - 14 * 72 / 25.4 + 1
    table = [r for r in runs if bottom < r[2] <= top + 1]
    for i, left in enumerate(heads):
        right = heads[i + 1] if i + 1 < len(heads) else page_right
        for text, x, _, size in table:
            if left - 1 <= x < right - 1:
                end = x + stringWidth(text, "Helvetica", size)
                assert end <= right, f"'{text}' runs to {end:.0f}, past {right:.0f}"
    for name in teams:  # every team's name is printed whole (it may wrap)
        words = [t for t, *_ in table]
        assert all(any(w in t for t in words) for w in name.split()), name
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
