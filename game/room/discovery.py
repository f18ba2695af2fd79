"""Finding a hub by its code alone: a classroom's PCs type six characters, not an address.

The hub answers a UDP question on the local network ("which hub has room ABC234?") with its
address, only for a room it holds. A game asks by broadcast (and on this machine), waits a
moment, and joins the first answer. Nothing else is said; a network that blocks broadcast
still works by typing the address the facilitator's screen shows.
"""

from __future__ import annotations

import json
import socket
import threading
from typing import Any

DISCOVERY_PORT = 8766
QUESTION = b"CIVIC-FUTURES-ROOM? "


class DiscoveryResponder:
    """Answers "which hub has room CODE?" for the rooms in `store`, from a daemon thread."""

    def __init__(
        self, store: Any, public_url: str, host: str = "127.0.0.1", port: int = DISCOVERY_PORT
    ) -> None:
        self.store, self.public_url = store, public_url.rstrip("/")
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.settimeout(0.5)
        self.port = int(self.sock.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="room-discovery", daemon=True)

    def start(self) -> DiscoveryResponder:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, sender = self.sock.recvfrom(256)
            except (TimeoutError, OSError):
                continue
            if not data.startswith(QUESTION):
                continue
            code = data[len(QUESTION) :].decode("ascii", "replace").strip().upper()[:6]
            try:
                room = self.store.room(code)
            except Exception:  # noqa: BLE001 - not ours (or not a room): say nothing
                continue
            reply = json.dumps({"code": room.code, "url": f"{self.public_url}/r/{room.code}"})
            try:
                self.sock.sendto(reply.encode(), sender)
            except OSError:
                continue


def discover(code: str, port: int = DISCOVERY_PORT, timeout: float = 1.5) -> str | None:
    """The join address of the hub holding room `code`, asked on this machine and by
    broadcast on the local network; None if nobody answers within `timeout` seconds."""
    question = QUESTION + code.strip().upper().encode("ascii", "replace")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        s.settimeout(timeout)
        for target in ("127.0.0.1", "255.255.255.255"):
            try:
                s.sendto(question, (target, port))
            except OSError:
                continue  # no broadcast route (an offline laptop): this machine only
        try:
            data, _ = s.recvfrom(512)
            answer = json.loads(data.decode())
        except (TimeoutError, OSError, ValueError):
            return None
    url = answer.get("url") if isinstance(answer, dict) else None
    return url if isinstance(url, str) and answer.get("code") == code.strip().upper() else None
