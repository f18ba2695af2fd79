"""A whole game through injected events: once with the mouse, once with the keyboard only.

title -> type "Hartlepool" and choose it -> fund two proposals, reject one, consult one
group -> advance ten years -> final report. Asserts on the session state and on what the
screens show.
"""

from __future__ import annotations

import pygame
import pytest

from game.client.settings import Settings
from game.play import Fund


def _cheapest_two(session):
    cards = sorted(session.proposals[:3], key=lambda c: (c.cost, c.id))
    return cards[0], cards[1], cards[2]


def _play_years(pilot, session, *, keyboard: bool) -> list[str]:
    """End every remaining year; returns the mastheads and report titles seen."""
    seen = []
    while not session.finished:
        pilot.end_year(keyboard=keyboard)
        pilot.until_scene("newspaper")
        seen.extend(t for t in pilot.texts() if t.startswith("The Hartlepool"))
        assert 2 <= len(pilot.scene.summary.news) <= 4
        if keyboard:
            pilot.press(pygame.K_RETURN)  # the paper's only button has the focus
            pilot.frame()
        else:
            pilot.click("next")
        pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            seen.append(pilot.scene.report.kind)
            assert any("Mid-term census 2026: Hartlepool" in t for t in pilot.texts())
            if keyboard:
                pilot.activate("done")
            else:
                pilot.click("done")
            pilot.until_scene("year")
    return seen


def _charts_by_keyboard(pilot, session) -> None:
    """Charts, the approval tab and its why-breakdown, all from the keyboard."""
    pilot.activate("charts")
    pilot.until_scene("charts")
    pilot.press(pygame.K_3, unicode="3")
    assert pilot.scene.tab == "approval"
    pilot.focus_to(f"group_{pilot.scene.group_ids[0]}")
    pilot.press(pygame.K_DOWN)
    second = pilot.scene.group_ids[1]
    assert pilot.scene.selected_group == second
    pilot.frame()
    assert any(t.startswith("Why ") and "feel this way" in t for t in pilot.texts())
    pilot.press(pygame.K_ESCAPE)
    pilot.until_scene("year")


def _choose_hartlepool(pilot, *, keyboard: bool, start: str = "Start in Hartlepool") -> None:
    if keyboard:
        pilot.press(pygame.K_RETURN)  # "New game" has the focus on the title
    else:
        pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.type("Hartlepool")
    assert "Hartlepool" in [b.text for b in pilot.scene.buttons() if b.visible]
    if keyboard:
        pilot.press(pygame.K_RETURN)  # Enter in the search box takes the first match
        assert pilot.scene.focus.current.name == "start"
        pilot.press(pygame.K_RETURN)
    else:
        pilot.click("result_0")
        assert pilot.scene.selected.name == "Hartlepool"
        assert start in pilot.texts()
        pilot.click("start")
    pilot.until_scene("year")


def _play(pilot, app, *, keyboard: bool):
    _choose_hartlepool(pilot, keyboard=keyboard)
    session = app.ctx.session
    assert session.area.name == "Hartlepool"
    texts = pilot.texts()
    assert "Hartlepool · 2021" in texts and "Year 1 of 10" in texts

    money0, clout0 = session.money, session.clout
    a, b, c = _cheapest_two(session)
    assert session.check(Fund(card_id=a.id)).ok

    def do(name: str) -> None:
        if keyboard:
            pilot.activate(name)
        else:
            pilot.click(name)

    do(f"fund_{a.id}")
    opens = session.funded[-1].opens_year
    assert f"Funded: {a.title}. It should open in {opens}." in pilot.texts()
    do(f"fund_{b.id}")
    do(f"reject_{c.id}")
    assert f"Rejected: {c.title}." in pilot.texts()
    assert [p.card_id for p in session.funded] == [a.id, b.id]
    assert c.id not in [x.id for x in session.proposals]
    assert session.money == money0 - a.cost - b.cost
    clout_after_actions = clout0 - a.clout_to_fund - b.clout_to_fund - c.clout_to_reject
    assert session.clout == clout_after_actions

    target = session.proposals[0]
    group = target.stances[0].group_id
    do(f"consult_{target.id}")
    pilot.until_scene("consult")
    do(f"group_{group}")
    consultation = pilot.scene.consultation
    assert consultation is not None and consultation.group_id == group
    assert any(t.startswith(f"{consultation.group_name} (") for t in pilot.texts())
    do("close")
    pilot.until_scene("year")
    assert session.clout == clout_after_actions - session.rules.clout_consult
    assert any(t.startswith(f"You consulted {consultation.group_name}") for t in pilot.texts())

    if keyboard:
        _charts_by_keyboard(pilot, session)
    seen = _play_years(pilot, session, keyboard=keyboard)
    assert "midterm" in seen
    assert len([s for s in seen if s.startswith("The Hartlepool Courier")]) == 10
    pilot.until_scene("final_report")
    report = pilot.scene.report
    assert session.finished and session.turn == 10 and report.year == 2031
    assert report.ending in ("parade", "mob", "mixed")
    assert len(report.projects) >= 2 and report.projects[0].status == "open"
    assert any(t == "Census 2031: Hartlepool" for t in pilot.texts())
    assert f"{report.score:.0f}" in pilot.texts()
    approvals = session.approvals()
    assert set(approvals) == {g.group_id for g in report.approvals}
    return session, report


def test_whole_game_with_the_mouse(title):
    app, pilot = title
    session, report = _play(pilot, app, keyboard=False)
    assert session.log[0].kind == "fund"
    pilot.click("done")
    pilot.until_scene("title")


def test_whole_game_with_the_keyboard_only(title):
    app, pilot = title
    # the pilot's keyboard helpers post KEYDOWN/TEXTINPUT only; fail if a click sneaks in
    original = pilot.click_at
    pilot.click_at = lambda pos: (_ for _ in ()).throw(AssertionError("mouse used"))
    session, report = _play(pilot, app, keyboard=True)
    assert pilot.scene.focus.current.name == "done"
    pilot.press(pygame.K_RETURN)
    pilot.until_scene("title")
    pilot.click_at = original


def test_same_choices_give_the_same_future_by_mouse_and_keyboard(make_app):
    from game.client.scenes.title import TitleScene

    outcomes = []
    for keyboard in (False, True):
        app, pilot = make_app()
        app.stack.push(TitleScene(app))
        pilot.until_scene("title")
        session, report = _play(pilot, app, keyboard=keyboard)
        outcomes.append((session.checksums, report.score))
    assert outcomes[0] == outcomes[1]


def test_choose_a_grouping_and_a_random_area(title):
    """Area choice by grouping (an LEP, then a combined authority) and at random."""
    app, pilot = title
    pilot.click("new")
    pilot.until_scene("area_choice")
    scene = pilot.scene
    pilot.until(lambda: scene.ready, "the map")
    pilot.click("random")
    first = scene.selected
    assert first is not None and first.kind == "lad"
    pilot.click("mode_lep")
    pilot.type("Tees")
    pilot.click("result_0")
    lep = scene.selected
    assert lep.kind == "lep" and "Tees Valley" in lep.name
    assert "E06000001" in lep.members  # Hartlepool is in the Tees Valley LEP
    # clicking Hartlepool on the map in combined-authority mode picks its combined authority
    pilot.click("mode_ca")
    pos = scene.map.centre("E06000001")
    pilot.click_at(pos)
    ca = scene.selected
    assert ca is not None and ca.kind == "ca" and "E06000001" in ca.members
    pilot.click("start")
    pilot.until_scene("year")
    session = app.ctx.session
    assert session.area.code == ca.code and len(session.proposals) >= 1
    assert any(t.startswith(f"{ca.name} · 2021") for t in pilot.texts())


def test_an_action_that_cannot_be_taken_says_why(title):
    """Unaffordable cards keep a greyed but working Fund button that explains itself."""
    app, pilot = title
    _choose_hartlepool(pilot, keyboard=False)
    session = app.ctx.session
    while True:
        ok = [c for c in session.proposals if session.check(Fund(card_id=c.id)).ok]
        if not ok:
            break
        card = min(ok, key=lambda c: (c.cost, c.id))
        pilot.scene.show_card(card.id)
        pilot.click(f"fund_{card.id}")
    assert session.proposals, "every card was affordable: nothing left to test"
    stuck = session.proposals[0]
    reason = session.check(Fund(card_id=stuck.id)).reason
    pilot.scene.show_card(stuck.id)
    button = pilot.scene.find_button(f"fund_{stuck.id}")
    assert "@muted_" in button.class_ids[-1]
    money = session.money
    pilot.click(f"fund_{stuck.id}")
    assert reason in pilot.texts()
    assert session.money == money and stuck.id in [c.id for c in session.proposals]
    # the keyboard gets the same explanation when the focus lands on the button
    pilot.scene.status = ""
    pilot.focus_to("menu")
    pilot.focus_to(f"fund_{stuck.id}")
    pilot.frame()
    assert reason in pilot.texts()


@pytest.mark.parametrize("keyboard", [False, True], ids=["mouse", "keyboard"])
def test_whole_game_in_welsh(make_app, keyboard):
    """Ten years in Welsh, by mouse and by keyboard only: Welsh on every screen reached,
    PLAY's news and verdict worded from ids, and no key missing from the catalogue."""
    from game.client.scenes.title import TitleScene

    app, pilot = make_app(settings=Settings(language="cy", seen_how_to_play=True))
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    assert "Gêm newydd" in pilot.texts()
    if keyboard:
        original = pilot.click_at
        pilot.click_at = lambda pos: (_ for _ in ()).throw(AssertionError("mouse used"))
    _choose_hartlepool(pilot, keyboard=keyboard, start="Dechrau yn Hartlepool")
    session = app.ctx.session
    assert "Hartlepool · 2021" in pilot.texts() and "Blwyddyn 1 o 10" in pilot.texts()
    a, _, _ = _cheapest_two(session)
    if keyboard:
        pilot.activate(f"fund_{a.id}")
    else:
        pilot.click(f"fund_{a.id}")
    assert any(t.startswith("Ariannwyd: ") for t in pilot.texts())
    papers = []
    while not session.finished:
        pilot.end_year(keyboard=keyboard)
        pilot.until_scene("newspaper")
        papers.append(" ".join(pilot.texts()))
        if keyboard:
            pilot.press(pygame.K_RETURN)
            pilot.frame()
        else:
            pilot.click("next")
        pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            if keyboard:
                pilot.activate("done")
            else:
                pilot.click("done")
            pilot.until_scene("year")
    pilot.until_scene("final_report")
    assert "Cyfrifiad 2031: Hartlepool" in pilot.texts()
    assert all("Cronicl Hartlepool" in p for p in papers) and len(papers) == 10
    # every news item the game wrote is in Welsh, not PLAY's English rendering
    english = [n.text for y in session.summaries for n in y.news]
    assert not [t for t in english if any(t in p for p in papers)]
    assert app.ctx.tr.missing == set()
    if keyboard:
        pilot.click_at = original
