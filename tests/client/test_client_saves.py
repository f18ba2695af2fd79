"""Never lose a game: autosave every year, "Continue" resumes exactly, corrupt saves kept."""

from __future__ import annotations

import pygame

from game.client.scenes.title import TitleScene
from game.play import Fund


def _start(pilot) -> None:
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.type("Hartlepool")
    pilot.press(pygame.K_RETURN)
    pilot.click("start")
    pilot.until_scene("year")


def _year(pilot, session) -> None:
    """The same choice every year: fund the cheapest affordable card, then end the year."""
    ok = [c for c in session.proposals if session.check(Fund(card_id=c.id)).ok]
    if ok:
        card = min(ok, key=lambda c: (c.cost, c.id))
        pilot.scene.show_card(card.id)
        pilot.click(f"fund_{card.id}")
    pilot.end_year()
    pilot.until_scene("newspaper")
    pilot.click("next")
    pilot.frame(2)
    if pilot.scene.name == "midterm_report":
        pilot.click("done")
    if not session.finished:
        pilot.until_scene("year")


def _outcome(session):
    report = session.census_report("final")
    return session.checksums, session.money, session.clout, report.score, report.ending


def test_saved_in_year_4_and_continued_matches_straight_through(make_app, data_dir):
    app, pilot = make_app()
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    _start(pilot)
    session = app.ctx.session
    save = app.ctx.save_path
    assert save.is_relative_to(data_dir) and save.exists()  # saved at the start
    for _ in range(4):
        _year(pilot, session)
        assert save.stat().st_size > 0
    assert session.turn == 4
    checksums_at_4 = dict(session.checksums)
    money_at_4, clout_at_4 = session.money, session.clout
    cards_at_4 = [c.id for c in session.proposals]

    # A new app in the same data folder: "Continue" replays the autosave.
    app2, pilot2 = make_app()
    app2.stack.push(TitleScene(app2))
    pilot2.until_scene("title")
    assert pilot2.scene.find_button("continue").is_enabled
    pilot2.click("continue")
    pilot2.until_scene("year")
    resumed = app2.ctx.session
    assert resumed is not session
    assert resumed.turn == 4 and resumed.checksums == checksums_at_4
    assert (resumed.money, resumed.clout) == (money_at_4, clout_at_4)
    assert [c.id for c in resumed.proposals] == cards_at_4
    assert "Year 5 of 10" in pilot2.texts()
    while not resumed.finished:
        _year(pilot2, resumed)
    # ...and the game played straight through with the same choices ends the same way.
    while not session.finished:
        _year(pilot, session)
    assert _outcome(resumed) == _outcome(session)


def test_corrupt_save_shows_a_clear_message_and_is_kept(make_app, data_dir):
    app, pilot = make_app()
    save = app.ctx.save_path
    save.parent.mkdir(parents=True, exist_ok=True)
    junk = b'{"version": 1, "seed": "not a number", '
    save.write_bytes(junk)
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    pilot.click("continue")
    pilot.until_scene("message")
    texts = pilot.texts()
    assert "That saved game could not be opened" in texts
    body = next(t for t in texts if t.startswith("Nothing is lost"))
    assert "autosave.json.corrupt-1" in body
    kept = save.with_name("autosave.json.corrupt-1")
    assert kept.read_bytes() == junk  # set aside byte for byte, never overwritten
    assert not save.exists()
    pilot.click("ok")
    pilot.until_scene("title")
    assert not pilot.scene.find_button("continue").is_enabled
    # a new game's autosave does not touch the kept file
    _start(pilot)
    assert save.exists() and kept.read_bytes() == junk
