"""The room schema is versioned: an old database upgrades without losing rows, and the
migrations build exactly the tables the code maps (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from room_samples import plan
from sqlalchemy import text

from game.room.store import RoomStore
from game.room.store.tables import Base


def _old_database(url: str) -> None:
    """A database as revision 0001 left it: a room, a plan with a decision, an idea."""
    old = RoomStore(url, upgrade=False)
    old.migrate("0001")
    assert old.revision() == "0001"
    body = json.dumps(plan(1, []).model_dump(mode="json"))
    with old.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO rooms (id, code, name, token_hash, created_at) VALUES "
                "(1, 'ABCDEF', 'Old fair', :h, '2026-11-01 10:00:00+00:00')"
            ),
            {"h": "0" * 64},
        )
        c.execute(
            text(
                "INSERT INTO plans (id, room_id, plan_key, player_key, area_code, area_name, years,"
                " population, net_additional_jobs, money_spent, approval_overall, body,"
                " received_at)"
                " VALUES (1, 1, 'plan-key-0001', 'player-0001', 'E06000001', 'Hartlepool', 3,"
                " 92001, 100, 0, 55, :body, '2026-11-01 10:05:00+00:00')"
            ),
            {"body": body},
        )
        c.execute(
            text(
                "INSERT INTO plan_decisions (plan_id, seq, year, kind, type_id, category, name,"
                " scale, cost) VALUES (1, 0, 2022, 'funded', 'park', 'green_space', 'Urban park',"
                " 1, 1000000)"
            )
        )
        c.execute(
            text(
                "INSERT INTO ideas (id, room_id, idea_key, player_key, text, category, groups,"
                " created_at) VALUES (1, 1, 'idea-key-0001', 'player-0001', 'A lido',"
                " 'green_space', '[]', '2026-11-01 10:06:00+00:00')"
            )
        )
    old.close()


def test_opening_an_old_database_upgrades_it_and_keeps_every_row(db_url):
    _old_database(db_url)
    store = RoomStore(db_url)  # opening upgrades to head
    assert store.revision() == "0003"
    room = store.room("ABCDEF")
    assert (room.name, room.kind, room.plans, room.ideas) == ("Old fair", "stand", 1, 1)
    assert store.plans("ABCDEF")[0].plan_key == "plan-key-0001"
    [idea] = store.ideas("ABCDEF")
    assert (idea.text, idea.status, idea.supports) == ("A lido", "pending", 0)
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM plan_decisions")).scalar() == 1
    store.moderate("ABCDEF", 1, "approved")  # the new columns and table work on old rows
    assert not store.support("ABCDEF", 1, "player-0002").duplicate
    store.close()


def test_the_migrations_build_the_schema_the_code_maps(db_url):
    store = RoomStore(db_url)
    with store.engine.connect() as c:
        diffs = compare_metadata(MigrationContext.configure(c), Base.metadata)
    store.close()
    assert diffs == []
