"""End to end on loopback: a hub, three headless games that play short real games and
send plans and ideas, one of them while the hub is down (the outbox retries); exactly
three plans are stored, and "you and the room" matches a count by hand."""

from __future__ import annotations

import httpx
import pytest
from room_games import play_short_game

from game.room.client import HubClient, IdeaIn, Outbox, build_plan
from game.room.report import write_report
from game.room.server import HubSettings, ServerThread, create_app


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def test_three_games_one_while_the_hub_is_down_arrive_exactly_once(hub, world, tmp_path):
    join_url = f"{hub.url}/r/{hub.code}"
    plans, clients = [], []
    for n, seed in enumerate([11, 11, 12], start=1):  # games 1 and 2 see the same cards
        client = HubClient(join_url, outbox=Outbox(tmp_path / f"outbox{n}"))
        player = f"player-{n:04d}"
        assert client.join(player, label=f"Table {n}").code == hub.code
        session = play_short_game(world, seed)
        plans.append(build_plan(session, player_key=player, label=f"Table {n}"))
        clients.append(client)

    clients[0].submit_plan(plans[0])
    clients[1].submit_plan(plans[1])
    clients[0].submit_idea(
        IdeaIn(
            idea_key="idea-0001-key",
            player_key="player-0001",
            text="A lido on the headland",
            category="green_space",
            groups=["young_families"],
        )
    )

    hub.server.stop()  # the hub goes away; game 3 finishes meanwhile
    clients[2].submit_plan(plans[2])
    clients[2].submit_idea(
        IdeaIn(
            idea_key="idea-0003-key",
            player_key="player-0003",
            text="Night buses to Middlesbrough",
            category="transport",
        )
    )
    assert len(clients[2].outbox.pending()) == 2  # kept on disk, not lost
    assert hub.store.room(hub.code).plans == 2

    port = int(hub.url.rsplit(":", 1)[1])
    back = ServerThread(create_app(hub.store, HubSettings()), port=port).start()
    try:
        result = clients[2].outbox.flush()
        assert (result.sent, result.waiting) == (2, 0)
        # a resend of an acknowledged plan (a reply lost on the way) changes nothing
        clients[0].outbox.put(
            clients[0].base,
            f"/api/rooms/{hub.code}/plans",
            plans[0].model_dump(mode="json"),
            plans[0].plan_key,
        )
        again = clients[0].outbox.flush()
        assert (again.sent, again.duplicates) == (1, 1)

        stored = hub.store.plans(hub.code)
        assert len(stored) == 3
        assert sorted(p.plan_key for p in stored) == sorted(p.plan_key for p in plans)
        assert {p.label for p in stored} == {"Table 1", "Table 2", "Table 3"}

        # the facilitator approves both ideas; game 2 supports the lido
        for i in hub.store.ideas(hub.code):
            httpx.post(
                f"{hub.api}/ideas/{i.id}/moderate", json={"status": "approved"}, headers=hub.auth
            ).raise_for_status()
        lido = next(i for i in clients[1].ideas() if i.text.startswith("A lido"))
        assert clients[1].support(lido.id, "player-0002")

        files = write_report(hub.store, hub.code, tmp_path / "report")
        html = files[0].read_text(encoding="utf-8")
        assert html.count('<tr class="plan">') == 3
        assert all(f"<td>Table {n}</td>" in html for n in (1, 2, 3))

        you = clients[0].you_and_room(plans[0])
        _check_by_hand(you, plans[0], plans)
        assert you.top_ideas[0].text == "A lido on the headland" and you.top_ideas[0].supports == 1
    finally:
        back.stop()
        for c in clients:
            c.close()


def _check_by_hand(you, mine, plans) -> None:
    """Count, without the aggregation code, how many plans made each of my decisions."""
    assert you.plans == 3
    for row in you.decisions:
        same = 0
        for p in plans:
            if any(d.kind == row.kind and d.type_id == row.type_id for d in p.decisions):
                same += 1
        assert row.plans_same == same and row.share == pytest.approx(same / 3)
    # games 1 and 2 saw the same cards and made the same moves: at least 2 of 3 agree
    assert all(row.plans_same >= 2 for row in you.decisions)
    assert [r.kind for r in you.decisions] == ["funded", "rejected", "consulted"]
    for key in ("population", "net_additional_jobs", "approval_overall", "score"):
        row = next(o for o in you.outcome if o.key == key)
        values = sorted(getattr(p.outcome, key) for p in plans)
        assert row.room_median == pytest.approx(values[1])  # the middle one of three
        assert row.yours == pytest.approx(getattr(mine.outcome, key))
