"""Each team its own area (--each-own-area): a team names its area when it joins (a code,
a name or a name people use, resolved like everywhere else; an unknown one is a 422 naming
it); the projector shows each team's area; the debrief compares each team with its own
area's no-new-projects line (as % change), never overlaying different places' absolute
figures. The default stays one area for the class, and a team naming another is refused."""

from __future__ import annotations

import httpx
import pytest

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.classroom.pages import debrief_context
from game.room.client.classlink import ClassLink
from game.room.server import HubSettings, ServerThread
from game.room.store import RoomStore


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _hub(world, tmp_path, **settings):  # noqa: ANN001, ANN003, ANN202
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5, **settings), clock)
    server = ServerThread(class_app(store, {info.code: game}, HubSettings(poll_ms=500))).start()
    return store, info.code, token, clock, game, server


def test_each_team_plays_its_own_area_and_is_compared_with_its_own_line(world, tmp_path):
    store, code, token, clock, game, server = _hub(world, tmp_path, each_own_area=True)
    api = f"{server.url}/api/class/{code}"
    try:
        joined = {}
        for team, area in (("Red", None), ("Blue", "Middlesbrough"), ("Green", "Grimsby")):
            link = ClassLink(f"{server.url}/r/{code}", team, area=area)
            try:
                joined[team] = link.join()
            finally:
                link.close()
        assert joined["Red"].area_name == "Hartlepool"  # no area named: the class's
        assert joined["Blue"].area_name == "Middlesbrough"
        assert joined["Green"].area_code == "E06000012"  # "Grimsby": North East Lincolnshire
        r = httpx.post(f"{api}/teams", json={"name": "Gold", "area": "Atlantis"})
        assert r.status_code == 422 and "Atlantis" in r.json()["error"]
        assert "Gold" not in [t.name for t in game.status().teams]
        # a rejoin keeps the team's own area whatever it types
        r = httpx.post(f"{api}/teams", json={"name": "blue", "area": "Hartlepool"})
        assert r.status_code == 200 and r.json()["area_name"] == "Middlesbrough"
        status = httpx.get(api).json()
        assert status["each_own_area"] is True
        assert [t["area_name"] for t in status["teams"]] == [
            "Hartlepool",
            "Middlesbrough",
            "North East Lincolnshire",
        ]
        page = httpx.get(f"{server.url}/c/{code}").text
        assert "Middlesbrough" in page and "choose your area" in page

        for rnd in range(1, 6):
            if rnd == 3:
                game.throw_shock("recession")
            game.start_round()
            clock.advance(240)
            game.tick()
        d = game.debrief()
        assert not d.same_area and set(d.baselines) == {
            "E06000001",
            "E06000002",
            "E06000012",
        }
        for t in d.teams:  # nobody funded anything: each team IS its own area's line
            line = d.baselines[t.area_code].population
            assert t.population == pytest.approx(line[-1][1])
            assert abs(t.population_vs_baseline) < 1.0
        assert [a.area_name for a in d.facts] == [t.area_name for t in d.teams]
        ctx = debrief_context(d)
        alt = str(ctx["charts"]["population"])
        assert "% against its own area" in alt and "Blue (Middlesbrough) +0.00%" in alt
        html = httpx.get(f"{server.url}/c/{code}/debrief").text
        assert "Different places, different futures" in html and "<th>Area</th>" in html
    finally:
        server.stop()
        store.close()


def test_by_default_every_team_plays_the_class_area(world, tmp_path):
    store, code, token, clock, game, server = _hub(world, tmp_path)
    api = f"{server.url}/api/class/{code}"
    try:
        r = httpx.post(f"{api}/teams", json={"name": "Red", "area": "Middlesbrough"})
        assert r.status_code == 409
        assert "Hartlepool" in r.json()["error"] and "Middlesbrough" in r.json()["error"]
        r = httpx.post(f"{api}/teams", json={"name": "Red", "area": "hartlepool"})
        assert r.status_code == 201 and r.json()["area_code"] == "E06000001"
        assert httpx.get(api).json()["each_own_area"] is False
    finally:
        server.stop()
        store.close()
