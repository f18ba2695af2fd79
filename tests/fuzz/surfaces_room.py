"""The room API (/api/rooms/{code}/...): request bodies a phone, a stale game or a
prankster sends. Contract: 2xx for a good body, else a 4xx whose JSON `error` is one line;
never a 500, never a hang. Served in process (FastAPI's TestClient) over a SQLite store."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from fuzzlib import Case, Hang, Result, Surface, deadline, flip_bytes, truncate, weird_text
from surfaces_json import json_mutations

ENDPOINTS = ("join", "ideas")


def _room_base() -> dict[str, Any]:
    import warnings

    with warnings.catch_warnings():  # starlette's note about httpx: not ours to act on
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from game.room.server import HubSettings, create_app
    from game.room.store import RoomStore

    folder = Path(tempfile.mkdtemp(prefix="civic-room-fuzz-"))
    store = RoomStore(f"sqlite:///{folder / 'rooms.sqlite3'}")
    info, _ = store.create_room("Fuzz library, 3 Dec")
    app = create_app(store, HubSettings(rate_per_minute=0))  # no rate limit: many cases
    client = TestClient(app, raise_server_exceptions=False)
    bodies = {
        "join": {"player_key": "player-0001", "label": "Sam"},
        "ideas": {
            "idea_key": "idea-key-0001",
            "player_key": "player-0001",
            "text": "A lido by the marina",
            "category": "green_space",
            "groups": [],
        },
    }
    return {"client": client, "code": info.code, "bodies": bodies, "n": [0]}


def _doc(base: dict[str, Any], rng: Random | None = None) -> dict:
    """A fresh valid body (new keys each time, so a good case is never a duplicate)."""
    base["n"][0] += 1
    n = base["n"][0]
    # the counter only makes keys unique; what the case looks like follows from rng alone
    # (hypothesis replays a case and needs the same draws)
    which = "ideas" if rng is None else rng.choice(ENDPOINTS)
    doc = dict(base["bodies"][which], player_key=f"player-{n:08d}")
    if "idea_key" in doc:
        doc["idea_key"] = f"idea-key-{n:08d}"
    return doc  # the endpoint follows from the body: ideas carry an idea_key


def _bytes(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


def _mutations() -> list[Callable[[Random, Any], Case]]:
    def valid(rng: Random, base: Any) -> Case:
        return Case("valid", _bytes(_doc(base, rng)), bad=False)

    def bom(rng: Random, base: Any) -> Case:
        return Case("utf-8 BOM", b"\xef\xbb\xbf" + _bytes(_doc(base, rng)))

    def truncated(rng: Random, base: Any) -> Case:
        return Case("truncated", truncate(rng, _bytes(_doc(base, rng))), bad=True)

    def flipped(rng: Random, base: Any) -> Case:
        return Case("flipped bytes", flip_bytes(rng, _bytes(_doc(base, rng))))

    def junk(rng: Random, base: Any) -> Case:
        return Case("junk", rng.choice([b"", b"null", rng.randbytes(300), b"[]"]), bad=True)

    def weird_label(rng: Random, base: Any) -> Case:
        doc = _doc(base, rng)
        doc["label" if rng.random() < 0.5 else "player_key"] = weird_text(rng)
        return Case("weird text", _bytes(doc))

    def huge(rng: Random, base: Any) -> Case:
        doc = _doc(base, rng)
        doc["label"] = "x" * rng.choice([10_000, 100_000, 2_000_000])
        return Case("huge body", _bytes(doc), bad=True)

    # every JSON mutation but absurd numbers (join and idea bodies hold no numbers)
    structural = [m for m in json_mutations(lambda b: _doc(b)) if m.__name__ != "absurd_number"]
    return [valid, bom, truncated, flipped, junk, weird_label, huge, *structural]


def _run_room(case: Case, tmp: Path, base: Any) -> Result:
    data = case.data or b""
    endpoint = "ideas" if b'"idea_key"' in data else "join"
    url = f"/api/rooms/{base['code']}/{endpoint}"
    try:
        with deadline():
            r = base["client"].post(url, content=data, headers={"content-type": "application/json"})
    except Exception as exc:  # noqa: BLE001 - the server must answer, not raise
        return Result("traceback", f"{type(exc).__name__}: {exc}")
    except Hang:
        return Result("hang", case.label)
    if r.status_code >= 500:
        return Result("traceback", f"{r.status_code}: {r.text[:300]}")
    if r.status_code < 300:
        return Result("accepted" if case.bad else "ok")
    try:
        error = r.json().get("error", "")
    except ValueError:
        return Result("unclear", f"{r.status_code}: not JSON: {r.text[:200]!r}")
    clean = isinstance(error, str) and error and "\n" not in error
    if not clean:
        return Result("unclear", f"{r.status_code}: {r.text[:300]}")
    return Result("refused_valid" if case.bad is False else "clean", f"{r.status_code}: {error}")


ROOM_API = Surface("room API (join, ideas)", _mutations(), _room_base, _run_room)
