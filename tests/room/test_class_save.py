"""A team's save from the hub (GET /api/class/CODE/teams/TEAM/save, ClassLink.save): a PC
that rebuilds GameSession.from_save from it has the hub's game exactly, mid-round decisions
and a thrown shock included. Real uvicorn on loopback, hand-driven clock."""

from __future__ import annotations

import httpx
import pytest

from game.errors import CivicError
from game.play import Fund, GameSession, Reject
from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.client.classlink import ClassLink
from game.room.server import HubSettings, ServerThread
from game.room.store import RoomStore


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def _same(client: GameSession, hub: GameSession) -> None:
    assert client.year == hub.year and client.turn == hub.turn
    assert client.money == pytest.approx(hub.money) and client.clout == hub.clout
    assert client.headline() == hub.headline()
    assert [c.model_dump() for c in client.proposals] == [c.model_dump() for c in hub.proposals]
    assert [p.model_dump() for p in client.funded] == [p.model_dump() for p in hub.funded]
    assert [n.model_dump() for n in client.news_archive] == [
        n.model_dump() for n in hub.news_archive
    ]
    assert client.checksums == hub.checksums


def test_a_client_rebuilds_the_hubs_game_from_the_team_save(world, tmp_path):
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room("9X geography", kind="class")
    clock = ManualClock()
    game = ClassGame(store, info.code, world, ClassSettings(years=5, round_minutes=4), clock)
    server = ServerThread(class_app(store, {info.code: game}, HubSettings(poll_ms=500))).start()
    teacher = httpx.Client(
        base_url=f"{server.url}/api/class/{info.code}",
        headers={"Authorization": f"Bearer {token}"},
    )
    link = ClassLink(f"{server.url}/r/{info.code}", "Red")
    try:
        link.join()
        for rnd in (1, 2, 3):
            if rnd == 3:
                assert teacher.post("/shock", json={"shock_id": "flood"}).status_code == 200
            teacher.post("/round/start").raise_for_status()
            cards = sorted(link.state().proposals, key=lambda c: c.cost)
            assert link.act(Fund(card_id=cards[0].id)).ok
            if rnd < 3:
                clock.advance(4 * 60)
        # mid-round 3: one decision taken this round, the shock thrown before it
        assert link.act(Reject(card_id=cards[-1].id)).ok
        save = link.save()
        kinds = [c.kind for c in save.commands if c.kind != "defer"]  # time-up defers the rest
        assert kinds == ["fund", "advance", "fund", "advance", "shock", "fund", "reject"]
        assert "defer" in {c.kind for c in save.commands}
        _same(GameSession.from_save(world, save), game.teams["red"].session)
        stranger = ClassLink(f"{server.url}/r/{info.code}", "Nobody")
        try:
            with pytest.raises(CivicError, match="no such team"):
                stranger.save()
        finally:
            stranger.close()
    finally:
        link.close()
        teacher.close()
        server.stop()
        store.close()
