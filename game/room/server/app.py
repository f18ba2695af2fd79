"""create_app(store, settings): the hub's ASGI app.

Every request body is validated by the models in game.room.models (the ones the game
builds), so the OpenAPI schema at /openapi.json is the plan format. A malformed body gets
422 with the first bad field named in `error` ("outcome.score: ..."), a missing room 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from game.room.server.limits import BodyLimit, RateLimit, SecurityHeaders, StrictJson
from game.room.store import RoomNotFound, RoomStore


class HubSettings(BaseModel):
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    rate_per_minute: float = Field(default=600, ge=0)  # per client address; 0 = off
    rate_burst: int = Field(default=120, ge=1)
    poll_ms: int = Field(default=1500, ge=200, le=2000)  # the page refreshes this often
    public_url: str = ""  # what the QR code and join link show (host:port as served)


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def create_app(
    store: RoomStore, settings: HubSettings | None = None, routers: Sequence[APIRouter] = ()
) -> FastAPI:
    """The hub over `store`. `routers` adds more endpoints (a class room's rounds)."""
    settings = settings or HubSettings()
    app = FastAPI(
        title="Civic Futures room hub",
        version="1",
        description="Pool many players' plans and ideas into what a growth body can hear.",
        docs_url=None,  # the interactive docs load scripts from a CDN; rooms run offline
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("body",), "msg": "invalid"}
        field = _field(tuple(first.get("loc", ())))
        return JSONResponse(
            status_code=422,
            content={
                "error": f"{field}: {first.get('msg', 'invalid')}",
                "field": field,
                "detail": [
                    {"field": _field(tuple(e.get("loc", ()))), "msg": e.get("msg")} for e in errors
                ],
            },
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status_code,
            content={"error": str(exc.detail)},
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RoomNotFound)
    async def _no_room(_request: Request, exc: RoomNotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"error": str(exc)})

    from game.room.server import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    for extra in routers:
        app.include_router(extra)
    app.mount("/static", StaticFiles(packages=[("game.room.server", "static")]), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(StrictJson)  # inside the size and rate limits
    # added last = outermost: the size check runs before anything reads the body
    app.add_middleware(RateLimit, per_minute=settings.rate_per_minute, burst=settings.rate_burst)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app
