"""Who may moderate, export and delete: whoever holds the room's facilitator token, sent as
`Authorization: Bearer TOKEN` (API) or in the cookie the facilitator's page sets after
the token link is opened once (SameSite=Strict, HttpOnly)."""

from __future__ import annotations

from fastapi import HTTPException, Request

from game.room.store import RoomStore


def cookie_name(code: str) -> str:
    return f"civic_room_{code.upper()}"


def token_of(request: Request, code: str) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(cookie_name(code))


def is_facilitator(request: Request, code: str) -> bool:
    store: RoomStore = request.app.state.store
    return store.check_token(code, token_of(request, code))


def require_facilitator(request: Request, code: str) -> None:
    if not is_facilitator(request, code):
        raise HTTPException(status_code=403, detail="the facilitator token is needed for this")
