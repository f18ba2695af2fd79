"""A class game's hub on loopback for the window's class tests: a real uvicorn server over
a SQLite store, a hand-driven round clock and the teacher's authorised client."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import httpx

from game.room.classroom.clock import ManualClock
from game.room.classroom.game import ClassGame
from game.room.classroom.hub import class_app
from game.room.classroom.models import ClassSettings
from game.room.server import HubSettings, ServerThread
from game.room.store import RoomStore


@contextlib.contextmanager
def running_class(world, tmp_path: Path, name: str, round_minutes: int) -> Iterator[tuple]:  # noqa: ANN001
    """(hub url, class code, teacher's client, round clock, the ClassGame)."""
    store = RoomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    info, token = store.create_room(name, kind="class")
    clock = ManualClock()
    settings = ClassSettings(years=5, round_minutes=round_minutes)
    game = ClassGame(store, info.code, world, settings, clock)
    server = ServerThread(class_app(store, {info.code: game}, HubSettings(poll_ms=500))).start()
    teacher = httpx.Client(
        base_url=f"{server.url}/api/class/{info.code}",
        headers={"Authorization": f"Bearer {token}"},
    )
    try:
        yield server.url, info.code, teacher, clock, game
    finally:
        teacher.close()
        server.stop()
        store.close()
