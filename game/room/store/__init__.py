"""The room store: SQLAlchemy 2 over SQLite (default, a file in the user data directory) or
PostgreSQL (`postgresql+psycopg://...`), schema versioned with the Alembic migrations
shipped in this package. No pygame, no web framework."""

from game.room.store.store import (
    DB_FILE,
    RoomNotFound,
    RoomStore,
    default_db_url,
    new_room_code,
)

__all__ = ["DB_FILE", "RoomNotFound", "RoomStore", "default_db_url", "new_room_code"]
