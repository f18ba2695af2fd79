"""The game's outbox: every write to a hub is a file here first, then sent; it leaves the
outbox only when the hub has acknowledged it (201, or 200 "seen it already").

Each entry carries its idempotency key (the plan's or idea's own key), so resending after a
lost reply is harmless: the hub stores it once. A hub that is down, slow or rate-limiting
(connection error, timeout, 429, 5xx) leaves the entry for the next try; a hub that
refuses it for good (another 4xx: a malformed plan, a deleted room) moves it to
`rejected/` with the reason: kept, never resent forever, never silently dropped.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from game.atomic import atomic_write_text
from game.userdirs import user_data_dir


def default_outbox_dir(base: Path | str | None = None) -> Path:
    """`room-outbox/` in `base`, else in the user's Civic Futures folder (game.userdirs)."""
    return Path(base or user_data_dir()) / "room-outbox"


@dataclass
class FlushResult:
    sent: int = 0
    server_ms: list[float] = field(default_factory=list)  # the hub's Server-Timing per send
    duplicates: int = 0
    rejected: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)


class Outbox:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_outbox_dir()
        self._lock = threading.Lock()

    def put(self, hub: str, path: str, body: dict[str, Any], key: str) -> Path:
        """Queue one POST of `body` to `hub` + `path`. Written atomically before any send."""
        entry = {
            "hub": hub.rstrip("/"),
            "path": path,
            "key": key,
            "body": body,
            "queued_at": datetime.now(UTC).isoformat(),
        }
        name = f"{time.time_ns():020d}-{key}.json"
        return atomic_write_text(self.folder / name, json.dumps(entry), private=True)

    def pending(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob("*.json"))

    def rejected(self) -> list[Path]:
        where = self.folder / "rejected"
        return sorted(where.glob("*.json")) if where.is_dir() else []

    def flush(self, client: httpx.Client | None = None, timeout: float = 5.0) -> FlushResult:
        """Send what is waiting, oldest first; stop at the first hub that is unreachable."""
        result = FlushResult()
        with self._lock:
            own = client is None
            http = client or httpx.Client(timeout=timeout)
            try:
                for path in self.pending():
                    if not self._send_one(http, path, result):
                        break
            finally:
                if own:
                    http.close()
            result.waiting = len(self.pending())
        return result

    def _send_one(self, http: httpx.Client, path: Path, result: FlushResult) -> bool:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # a damaged entry: set aside, keep going
            self._reject(path, f"unreadable outbox entry: {exc}")
            result.rejected += 1
            return True
        try:
            r = http.post(
                entry["hub"] + entry["path"],
                json=entry["body"],
                headers={"Idempotency-Key": entry["key"]},
            )
        except httpx.HTTPError as exc:
            result.errors.append(f"{entry['hub']}: {type(exc).__name__}")
            return False
        if r.status_code in (200, 201):
            path.unlink(missing_ok=True)
            timing = r.headers.get("server-timing", "")
            if "dur=" in timing:
                result.server_ms.append(float(timing.split("dur=")[1].split(";")[0]))
            result.sent += 1
            result.duplicates += int(r.status_code == 200)
            return True
        if r.status_code == 429 or r.status_code >= 500:
            result.errors.append(f"{entry['hub']}: HTTP {r.status_code}")
            return False
        self._reject(path, f"HTTP {r.status_code}: {r.text[:300]}")
        result.rejected += 1
        return True

    def _reject(self, path: Path, reason: str) -> None:
        where = self.folder / "rejected"
        where.mkdir(parents=True, exist_ok=True)
        os.replace(path, where / path.name)
        atomic_write_text(where / (path.name + ".reason.txt"), reason + "\n")


class OutboxSender:
    """Flushes an outbox from a background thread (the game never waits on the network):
    at once when poked, else every `interval` seconds, backing off to `max_interval`."""

    def __init__(self, outbox: Outbox, interval: float = 2.0, max_interval: float = 60.0):
        self.outbox, self.interval, self.max_interval = outbox, interval, max_interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.last: FlushResult | None = None
        self._thread = threading.Thread(target=self._run, name="room-outbox", daemon=True)

    def start(self) -> OutboxSender:
        self._thread.start()
        return self

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        delay = self.interval
        with httpx.Client(timeout=5.0) as http:
            while not self._stop.is_set():
                self.last = self.outbox.flush(http)
                delay = self.interval if not self.last.errors else min(delay * 2, self.max_interval)
                self._wake.wait(delay)
                self._wake.clear()
