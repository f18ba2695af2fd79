"""The hub with class rooms: the room hub (game.room.server) plus the class API and pages,
over the ClassGames this process holds (by room code)."""

from __future__ import annotations

import threading

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from game.room.classroom.game import ClassGame
from game.room.server import HubSettings, create_app
from game.room.store import RoomStore


def class_app(
    store: RoomStore, games: dict[str, ClassGame], settings: HubSettings | None = None
) -> FastAPI:
    from game.room.classroom import api, pages

    app = create_app(store, settings, routers=[api.router, pages.router])
    app.state.classes = {code.upper(): g for code, g in games.items()}
    app.mount(
        "/class-static",
        StaticFiles(packages=[("game.room.classroom", "static")]),
        name="class-static",
    )
    return app


def start_ticker(games: dict[str, ClassGame], every: float = 0.5) -> threading.Event:
    """A daemon thread that lets each game's round clock catch up every `every` seconds,
    so a round ends on time even when no page is open (requests tick too). Set the
    returned event to stop it."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(every):
            for game in list(games.values()):
                game.tick()

    threading.Thread(target=run, name="class-round-ticker", daemon=True).start()
    return stop
