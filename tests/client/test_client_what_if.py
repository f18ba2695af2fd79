"""What if? and the game's own report pack, played headless through the client: branch at
year 3 from the final report, play to the end, see both futures on one screen, save and
continue with both; the final report's button writes the same pack as `report --save`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.play import Fund, GameSession, SaveFile
from game.play.branches import kept_session
from game.store import load


def _finished(world) -> GameSession:
    """Fund the two cheapest cards in 2021, then the cheapest card each year it can."""
    s = GameSession.new(world, "hartlepool", seed=7)
    for c in sorted(s.proposals, key=lambda c: (c.cost, c.id))[:2]:
        assert s.act(Fund(card_id=c.id)).ok
    while not s.finished:
        s.advance_year()
        cards = sorted(s.proposals, key=lambda c: (c.cost, c.id))
        if cards and not s.finished:
            s.act(Fund(card_id=cards[0].id))  # may be refused (money): play on
    return s


def _final_report(app, pilot):
    app.stack.reset(app.screens.report("final"))
    pilot.until_scene("final_report")


@pytest.fixture
def branched(make_app, world):
    app, pilot = make_app()
    first = _finished(world)
    first_net = first.jobs_account().net_additional
    app.ctx.session = first
    _final_report(app, pilot)
    pilot.click("what_if")
    pilot.until_scene("go_back")
    pilot.click("year_2024")
    pilot.until_scene("year")
    again = app.ctx.session
    assert again is not first and again.turn == 3 and again.year == 2024
    assert [b.label for b in again.kept] == ["First game"]
    while not again.finished:  # this time: fund nothing more
        pilot.end_year()
        pilot.until(lambda: pilot.scene.name in ("newspaper", "year"), "the paper")
        if pilot.scene.name == "newspaper":
            pilot.click("next")
            pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            pilot.click("done")
        pilot.until(lambda: pilot.scene.name in ("year", "final_report"), "the next year")
    return app, pilot, first_net


def test_branch_play_on_and_see_both_futures(branched, tmp_path: Path) -> None:
    app, pilot, first_net = branched
    session = app.ctx.session
    assert session.finished
    _final_report(app, pilot)
    pilot.click("futures")
    pilot.until_scene("futures")
    pilot.frame()
    texts = pilot.texts()
    assert "Two futures: since 2024" in texts and "This game" in texts and "First game" in texts
    a, b = pilot.scene.data.a, pilot.scene.data.b
    assert b.net_jobs == pytest.approx(first_net)
    assert a.net_jobs == pytest.approx(session.jobs_account().net_additional)
    assert f"{a.net_jobs:,.0f}" in texts and f"{b.net_jobs:,.0f}" in texts
    assert a.money_spent < b.money_spent  # this time nothing more was funded after 2023
    assert a.population_series[3] == b.population_series[3]  # 2024: still one future
    pilot.screenshot(tmp_path / "futures.png")


def test_save_and_continue_restores_both(branched, world) -> None:
    app, _, first_net = branched
    app.ctx.autosave()
    again = GameSession.from_save(world, load(app.ctx.save_path, SaveFile))
    assert again.to_save().checksums == app.ctx.session.to_save().checksums
    kept = kept_session(world, again)
    assert kept.jobs_account().net_additional == pytest.approx(first_net)


def test_the_final_report_writes_the_games_pack(make_app, world, data_dir: Path) -> None:
    app, pilot = make_app()
    app.ctx.session = _finished(world)
    _final_report(app, pilot)
    pilot.click("write_pack")  # threaded=False: the command runs to the end here
    pilot.until_scene("message")
    folders = list((data_dir / "reports").iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("E06000001-")
    assert sorted(p.name for p in folders[0].iterdir()) == [
        "csv",
        "report.html",
        "report.pdf",
        "report.xlsx",
    ]
    assert str(folders[0]) in " ".join(pilot.texts())
