"""`report --save FILE`: a finished game's own pack, replayed from the save (game.play)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from game.census import load_world
from game.cli import main
from game.play import Fund, GameSession
from game.store import save_atomic


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> tuple[GameSession, Path]:
    s = GameSession.new(load_world(), "hartlepool", seed=7)
    for c in sorted(s.proposals, key=lambda c: (c.cost, c.id))[:2]:
        assert s.act(Fund(card_id=c.id)).ok
    for _ in range(s.years):
        s.advance_year()
    path = tmp_path_factory.mktemp("save") / "game.json"
    save_atomic(s.to_save(), path)
    return s, path


def test_a_finished_game_writes_its_pack(finished, tmp_path: Path) -> None:
    session, save = finished
    out = tmp_path / "pack"
    assert main(["report", "--save", str(save), "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    plan = list(wb["plan"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in plan] == [(p.label, p.funded_year) for p in session.funded]
    heads = {r[0]: r for r in wb["headlines"].iter_rows(min_row=2, values_only=True)}
    # the same jobs account the game's own screens show
    assert heads["Net new jobs (local authority)"][2] == pytest.approx(
        session.jobs_account().net_additional
    )
    text = PdfReader(out / "report.pdf").pages[0].extract_text()
    report = session.census_report("final")
    assert "What the player funded, and when" in text
    assert f"Final score {report.score:.0f} / 100" in text
    assert save.exists()  # reading a save never moves it


def test_a_game_with_a_what_if_line_writes_the_comparison(finished, tmp_path: Path) -> None:
    from game.play.branches import go_back

    session, _ = finished
    again = go_back(session.world, session, 3)
    while not again.finished:
        again.advance_year()  # this time: fund nothing more
    save = save_atomic(again.to_save(), tmp_path / "whatif.json")
    out = tmp_path / "pack"
    assert main(["report", "--save", str(save), "--out", str(out), "--format", "xlsx,pdf"]) == 0
    wb = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    rows = {r[0]: r for r in wb["comparison"].iter_rows(min_row=2, values_only=True)}
    a, b = again.jobs_account().net_additional, session.jobs_account().net_additional
    _, _, va, vb, diff = rows["Net new jobs (local authority)"]
    assert (va, vb, diff) == pytest.approx((a, b, a - b))
    text = PdfReader(out / "report.pdf").pages[0].extract_text()
    assert "This game" in text and "First game" in text
