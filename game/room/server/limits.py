"""Two guards in front of the hub, as plain ASGI middleware: a body size limit (checked on
the Content-Length header and again on the bytes actually received) and a per-client rate
limit (a token bucket per client address). Both answer with a JSON error, never a crash."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from game.inputs import InputError, parse_json

Scope = dict[str, Any]
ASGIApp = Callable[..., Any]


async def _reply(send: Any, status: int, message: str, headers: list | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _reply(send, 413, f"request body over {self.max_bytes} bytes")
            return
        seen = 0
        started = False

        async def limited_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _reply(send, 413, f"request body over {self.max_bytes} bytes")


class StrictJson:
    """A JSON request body is parsed strictly (game.inputs) before the app sees it: a
    duplicate key, NaN, a number too long or JSON nested too deep is a 400 naming the
    problem, never silently the last value (FastAPI's own parser takes `"a":1,"a":2` as 2).
    Runs inside BodyLimit, so the body it buffers is already bounded."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        headers = dict(scope.get("headers", ()))
        is_json = b"json" in headers.get(b"content-type", b"").lower()
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or not is_json
        ):
            await self.app(scope, receive, send)
            return
        chunks, more = [], True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)  # the client went away
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body.strip():
            try:
                parse_json(body, "request body")
            except InputError as exc:
                await _reply(send, 400, str(exc))
                return
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class RateLimit:
    """`per_minute` requests a minute per client address, with bursts up to `burst`.
    Static files are not counted (a page load fetches them)."""

    def __init__(self, app: ASGIApp, *, per_minute: float, burst: int) -> None:
        self.app, self.rate, self.burst = app, per_minute / 60.0, float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _allow(self, client: str) -> float:
        """0 if allowed, else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget idle clients rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 300}
            return (1.0 - tokens) / self.rate

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or self.rate <= 0 or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self._allow(client)
        if wait:
            retry = str(max(1, int(wait + 0.999))).encode()
            await _reply(send, 429, "too many requests: slow down", [(b"retry-after", retry)])
            return
        await self.app(scope, receive, send)


# Only the hub's own scripts, styles and requests; nothing framed, nothing sniffed, no
# referrer (the facilitator's first link carries the token). Defence in depth: idea text
# is escaped anyway.
_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """The headers above, plus `Server-Timing: app;dur=MS` (time inside the hub, queueing
    for the database included), which the bench reads to tell the hub from the network."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                dur = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}".encode()
                extra = [*_HEADERS, (b"server-timing", dur)]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
