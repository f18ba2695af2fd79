"""A class on loopback: four headless teams (the rules layer over HTTP, no pygame) play a
5-year game in timed rounds on a hand-driven clock; a shock is thrown before year 3; one
team's PC drops out in round 4 and rejoins by code and team name; the debrief lists four
teams whose outcomes match each team's own final report; every decision is in the store."""

from __future__ import annotations

import httpx
import pytest

from game.play import GameSession
from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.client.classlink import ClassLink
from game.room.server import HubSettings, ServerThread
from game.room.store import RoomStore
from game.room.store.classes import ClassStore

TEAMS = ("Red", "Blue", "Green", "Idle")


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


@pytest.fixture
def class_hub(world, tmp_path):
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5, round_minutes=4), clock)
    server = ServerThread(class_app(store, {info.code: game}, HubSettings(poll_ms=500))).start()
    yield server.url, info.code, token, clock, game, store
    server.stop()
    store.close()


def _play_turn(c: httpx.Client, team: str) -> None:
    """Each team's style: Red funds the cheapest card, Blue the dearest it can afford,
    Green rejects one then funds one, Idle does nothing."""
    state = c.get(f"/teams/{team}").json()
    cards = sorted(state["proposals"], key=lambda k: k["cost"])
    affordable = [k for k in cards if k["cost"] <= state["money"]]
    if team == "Red" and affordable:
        c.post(f"/teams/{team}/act", json={"kind": "fund", "card_id": affordable[0]["id"]})
    elif team == "Blue" and affordable:
        c.post(f"/teams/{team}/act", json={"kind": "fund", "card_id": affordable[-1]["id"]})
    elif team == "Green" and len(cards) >= 2:
        r = c.post(f"/teams/{team}/act", json={"kind": "reject", "card_id": cards[-1]["id"]})
        assert r.status_code == 200
        if cards[0]["cost"] <= state["money"]:
            c.post(f"/teams/{team}/act", json={"kind": "fund", "card_id": cards[0]["id"]})


def test_a_class_plays_five_timed_years_with_a_shock_and_a_rejoin(class_hub):
    url, code, token, clock, game, store = class_hub
    api = f"{url}/api/class/{code}"
    teacher = httpx.Client(base_url=api, headers={"Authorization": f"Bearer {token}"})
    pcs = {t: httpx.Client(base_url=api) for t in TEAMS}
    try:
        _class_game(api, pcs, teacher, clock, game, store, code)
    finally:
        for pc in (*pcs.values(), teacher):
            pc.close()


def _class_game(api, pcs, teacher, clock, game, store, code):  # noqa: ANN001, ANN202
    for team, pc in pcs.items():
        assert pc.post("/teams", json={"name": team}).status_code == 201
    assert pcs["Red"].post("/round/start").status_code == 403  # only the teacher
    for rnd in range(1, 6):
        if rnd == 3:
            r = teacher.post("/shock", json={"shock_id": "employer_closes"})
            assert r.status_code == 200, r.text
        assert teacher.post("/round/start").json()["phase"] == "playing"
        for team in TEAMS:
            if team != "Idle":
                _play_turn(pcs[team], team)
        if rnd == 4:  # Blue's PC crashes; a new one rejoins with the code and team name
            before = pcs["Blue"].get("/teams/Blue").json()
            pcs["Blue"].close()
            pcs["Blue"] = httpx.Client(base_url=api)
            link = ClassLink(api.replace("/api/class/", "/r/"), "blue")  # the join address
            try:
                again = link.join()
                assert again.rejoined and link.team == "Blue"
                after = link.state().model_dump(mode="json")
                assert link.status().round == 4
                # the rejoined PC can rebuild its game from the hub's save, shock included
                save = link.save()
                assert "shock" in [c.kind for c in save.commands]
                hub_game = game.teams["blue"].session
                rebuilt = GameSession.from_save(game.world, save)
                assert rebuilt.checksums == hub_game.checksums
                assert (rebuilt.money, rebuilt.year) == (pytest.approx(hub_game.money), 4 + 2020)
            finally:
                link.close()
            for k in ("year", "money", "clout", "proposals", "funded", "decided"):
                assert after[k] == before[k], k
        clock.advance(4 * 60)  # nobody presses anything: time is up for all
        status = teacher.get(api).json()
        assert status["round"] == rnd
        assert {t["year"] for t in status["teams"]} == {2021 + rnd}
        if rnd == 3:
            news = pcs["Red"].get("/teams/Red").json()["news"]
            assert news[0]["key"] == "news.shock"
    assert teacher.get(api).json()["phase"] == "debrief"

    debrief = teacher.get("/debrief").json()
    assert [t["name"] for t in debrief["teams"]] == list(TEAMS)
    for row in debrief["teams"]:  # the debrief agrees with each team's own final report
        own = game.teams[row["name"].casefold()].session.census_report("final")
        assert row["population"] == pytest.approx(own.population_now)
        assert row["net_jobs"] == pytest.approx(own.net_additional_jobs)
        assert row["approval"] == pytest.approx(own.approval_overall)
        assert row["ending"] == own.ending
    assert debrief["shocks"] == [[2, "A large employer closes"]]
    idle = next(t for t in debrief["teams"] if t["name"] == "Idle")
    assert idle["funded"] == [] and idle["net_jobs"] == 0

    # every team's decisions are in the store, and each team's outcome as a room plan
    stored = ClassStore(store, code).decisions()
    for team in TEAMS:
        mine = [d for d in stored if d.team == team]
        held = game.teams[team.casefold()].decisions
        assert [(d.kind, d.card_id, d.year) for d in mine] == [
            (d.kind, d.card_id, d.year) for d in held
        ]
    assert all(d.auto and d.kind == "deferred" for d in stored if d.team == "Idle")
    assert any(d.kind == "funded" for d in stored if d.team == "Red")
    plans = {p.label: p for p in store.plans(code)}
    assert set(plans) == set(TEAMS)
    assert plans["Red"].outcome.net_additional_jobs == pytest.approx(
        next(t["net_jobs"] for t in debrief["teams"] if t["name"] == "Red")
    )
    assert [r.ended_by for r in ClassStore(store, code).rounds()] == ["time"] * 5
