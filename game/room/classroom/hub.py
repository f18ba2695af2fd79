"""The hub with class rooms: the room hub (game.room.server) plus the class API and pages,
over the ClassGames this process holds (by room code)."""

from __future__ import annotations

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
