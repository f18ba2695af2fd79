"""A class room's teams, rounds and decisions in the store (SQLite and PostgreSQL), and the
upgrade from the schema before class rooms (0002) keeping every row."""

from __future__ import annotations

from room_samples import decision, plan
from sqlalchemy import text

from game.room.models import JoinIn
from game.room.store import RoomStore
from game.room.store.classes import ClassStore, DecisionRow


def _row(team: str, rnd: int, kind: str = "funded", auto: bool = False) -> DecisionRow:
    return DecisionRow(
        team=team,
        round_number=rnd,
        year=2020 + rnd,
        kind=kind,
        card_id="c01",
        type_id="park",
        category="green_space",
        name="Urban park",
        scale=1.0,
        cost=1e6,
        auto=auto,
    )


def test_teams_rejoin_by_name_and_decisions_rounds_are_kept(store):
    info, _ = store.create_room("Year 9 geography", kind="class")
    cs = ClassStore(store, info.code)
    blue = cs.add_team("Blue team", "player-blue-0001")
    again = cs.add_team("BLUE TEAM", "player-other-0002")  # rejoin: same team, same key
    assert again == blue and again.player_key == "player-blue-0001"
    red = cs.add_team("Red", "player-red-00001")
    assert [t.name for t in cs.teams()] == ["Blue team", "Red"]
    cs.start_round(1, 2021, None)
    cs.add_decisions(blue.id, [_row("Blue team", 1), _row("Blue team", 1, "deferred", True)])
    cs.add_decisions(red.id, [_row("Red", 1, "rejected")])
    cs.end_round(1, "time")
    cs.start_round(2, 2022, "flood")
    [r1, r2] = cs.rounds()
    assert (r1.ended_by, r2.ended_by, r2.shock_id) == ("time", None, "flood")
    got = cs.decisions()
    assert [(d.team, d.kind, d.auto) for d in got] == [
        ("Blue team", "funded", False),
        ("Blue team", "deferred", True),
        ("Red", "rejected", False),
    ]
    counts = store.delete_room(info.code)
    assert (counts["class_teams"], counts["class_decisions"], counts["class_rounds"]) == (2, 3, 2)


def test_upgrading_from_before_class_rooms_keeps_every_row(db_url):
    old = RoomStore(db_url, upgrade=False)
    old.migrate("0002")
    info, _ = old.create_room("Old stand")
    old.join(info.code, JoinIn(player_key="player-0001", label="Table 1"))
    old.add_plan(info.code, plan(1, [decision("funded", "park")]))
    old.close()
    store = RoomStore(db_url)
    assert store.revision() == "0003"
    room = store.room(info.code)
    assert (room.players, room.plans) == (1, 1)
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM plan_decisions")).scalar() == 1
    cs = ClassStore(store, info.code)  # the new tables work beside the old rows
    cs.add_team("Table 1", "player-0001")
    assert [t.name for t in cs.teams()] == ["Table 1"]
    store.close()
