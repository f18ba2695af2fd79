"""The hub: a FastAPI app (JSON API with OpenAPI, the facilitator's and projector pages)
over a RoomStore, run on uvicorn. No pygame."""

from game.room.server.app import HubSettings, create_app
from game.room.server.running import ServerThread

__all__ = ["HubSettings", "ServerThread", "create_app"]
