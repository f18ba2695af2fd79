"""Talking to a hub: parse a join address or code, join, submit through the outbox, read
the room back ("you and the room", the ideas to support)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx

from game.errors import CivicError
from game.room.aggregate import YouAndRoom
from game.room.client.outbox import Outbox
from game.room.discovery import DISCOVERY_PORT, discover
from game.room.models import Idea, IdeaIn, JoinIn, PlanIn, RoomInfo

_CODE = re.compile(r"^[A-HJ-NP-Z2-9]{6}$")


def parse_join(address: str, discover_port: int = DISCOVERY_PORT) -> tuple[str, str]:
    """'http://host:8765/r/ABC234' -> ('http://host:8765', 'ABC234'); a class game's
    projector address (/c/ABC234, what `room host --class` prints) works too. A bare code is looked
    for on the local network (the hub answers for its rooms); raises CivicError naming what
    is wrong."""
    text = address.strip()
    if _CODE.match(text.upper()):
        found = discover(text.upper(), port=discover_port)
        if found is None:
            raise CivicError(
                f"no hub answered for room {text.upper()} on this network: type the address "
                "the room's screen shows (http://HOST:PORT/r/CODE)"
            )
        text = found
    parts = urlsplit(text if "://" in text else "http://" + text)
    m = re.search(r"/(?:r|f|c)/([A-Za-z0-9]{6})/?$", parts.path)
    if not parts.netloc or m is None or not _CODE.match(m.group(1).upper()):
        raise CivicError(
            f"'{address}' is not a room address: expected http://HOST:PORT/r/CODE "
            "(as room host prints it) or a six-character code"
        )
    return f"{parts.scheme}://{parts.netloc}", m.group(1).upper()


class HubClient:
    def __init__(self, address: str, outbox: Outbox | None = None, timeout: float = 5.0):
        self.base, self.code = parse_join(address)
        self.api = f"{self.base}/api/rooms/{self.code}"
        self.outbox = outbox or Outbox()
        self.http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def info(self) -> RoomInfo:
        r = self.http.get(self.api)
        if r.status_code == 404:
            raise CivicError(f"no room {self.code} at {self.base}")
        r.raise_for_status()
        return RoomInfo.model_validate(r.json())

    def join(self, player_key: str, label: str | None = None) -> RoomInfo:
        """Check the room exists and say hello (counted as 'joined' on the page)."""
        info = self.info()
        self.http.post(
            f"{self.api}/join",
            json=JoinIn(player_key=player_key, label=label).model_dump(mode="json"),
        ).raise_for_status()
        return info

    def submit_plan(self, plan: PlanIn) -> None:
        """Queue the plan (on disk at once), then try to send everything waiting."""
        self.outbox.put(
            self.base, f"/api/rooms/{self.code}/plans", plan.model_dump(mode="json"), plan.plan_key
        )
        self.outbox.flush(self.http)

    def submit_idea(self, idea: IdeaIn) -> None:
        self.outbox.put(
            self.base, f"/api/rooms/{self.code}/ideas", idea.model_dump(mode="json"), idea.idea_key
        )
        self.outbox.flush(self.http)

    def support(self, idea_id: int, player_key: str) -> bool:
        r = self.http.post(f"{self.api}/ideas/{idea_id}/support", json={"player_key": player_key})
        return r.status_code in (200, 201)

    def ideas(self) -> list[Idea]:
        r = self.http.get(f"{self.api}/ideas")
        r.raise_for_status()
        return [Idea.model_validate(x) for x in r.json()]

    def you_and_room(self, plan: PlanIn) -> YouAndRoom:
        r = self.http.post(f"{self.api}/you", json=plan.model_dump(mode="json"))
        r.raise_for_status()
        return YouAndRoom.model_validate(r.json())
