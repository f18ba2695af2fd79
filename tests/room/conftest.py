"""Fixtures for the room tests: a store on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import pytest
from room_pg import cluster, fresh_database

from game.room.store import RoomStore


@pytest.fixture(scope="session")
def pg_admin_url():
    with cluster() as url:
        yield url


@pytest.fixture
def pg_url(pg_admin_url):
    with fresh_database(pg_admin_url) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'rooms.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    else:
        with fresh_database(request.getfixturevalue("pg_admin_url")) as url:
            yield url


@pytest.fixture
def store(db_url):
    s = RoomStore(db_url)
    yield s
    s.close()


@pytest.fixture
def hub(db_url):
    """A real hub on uvicorn on a free loopback port with one room, over each store the
    hub runs on: SQLite (the default) and PostgreSQL (a county's)."""
    from game.room.server import HubSettings, ServerThread, create_app

    store = RoomStore(db_url)
    info, token = store.create_room("Hartlepool library, 5 Dec")
    server = ServerThread(create_app(store, HubSettings(poll_ms=500))).start()
    yield Hub(server.url, info.code, token, store, server)
    server.stop()
    store.close()


class Hub:
    def __init__(self, url, code, token, store, server):
        self.url, self.code, self.token, self.store, self.server = url, code, token, store, server
        self.api = f"{url}/api/rooms/{code}"
        self.auth = {"Authorization": f"Bearer {token}"}
