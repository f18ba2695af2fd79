"""RoomLink: the game's one handle on a room, a hub over the network or the local store.

The pygame client never waits on it: every call that touches the network or the disk (or
replays the game to build its plan) runs on one worker thread and returns a Future that
the scene polls each frame. For a hub, an OutboxSender thread keeps resending anything a
dropped network left in the outbox. A kiosk calls new_player() between visitors, so each
visitor's plans, ideas and supports count as a different player.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from game.room.aggregate import YouAndRoom
from game.room.client.hub import HubClient
from game.room.client.local import LocalRoom
from game.room.client.outbox import Outbox, OutboxSender
from game.room.models import AboutYou, Idea, IdeaIn, PlanIn, RoomInfo
from game.room.plans import build_plan, new_key

_CONNECTING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-connect")


class RoomLink:
    def __init__(self, backend: HubClient | LocalRoom, sender: OutboxSender | None = None):
        self.backend = backend
        self.sender = sender
        self.code = backend.code
        self.name = ""
        self.player_key = new_key()
        self.label: str | None = None
        self.about: AboutYou | None = None  # asked once per player, all optional
        self.about_asked = False  # asked already (answered or skipped)
        self.last_plan: PlanIn | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-link")
        self._finished: dict[str, Any] = {}  # the last finished game's key and Future

    @classmethod
    def hub(cls, address: str, outbox_dir: Path | str | None = None) -> RoomLink:
        """A hub at `address` (http://HOST:PORT/r/CODE as `room host` prints, or a code).
        Nothing is sent yet: call join()."""
        outbox = Outbox(outbox_dir)
        sender = OutboxSender(outbox).start()
        return cls(HubClient(address, outbox=outbox), sender)

    @classmethod
    def connect(
        cls, address: str, label: str | None = None, outbox_dir: Path | str | None = None
    ) -> Future[RoomLink]:
        """Find the hub (a bare code is looked for on the local network), join it, and hand
        back the link; all on a worker thread, so the window never waits on the network."""

        def work() -> RoomLink:
            link = cls.hub(address, outbox_dir)
            try:
                link.label = label
                link._join()
            except BaseException:
                link.close()
                raise
            return link

        return _CONNECTING.submit(work)

    @classmethod
    def local(cls, name: str, db_url: str | None = None) -> RoomLink:
        """The local room store (a stand with no server): the room is made if new."""
        room = LocalRoom(name, db_url)
        link = cls(room)
        link.name = room.info.name
        return link

    @property
    def is_hub(self) -> bool:
        return isinstance(self.backend, HubClient)

    def new_player(self) -> None:
        """The next visitor: a new player key, no label, the about-you question again."""
        self.player_key, self.label, self.about, self.last_plan = new_key(), None, None, None
        self.about_asked = False

    def join(self, label: str | None = None) -> Future[RoomInfo]:
        self.label = label
        return self._pool.submit(self._join)

    def _join(self) -> RoomInfo:
        info = self.backend.join(self.player_key, self.label)
        self.name = info.name
        return info

    def finish(self, session: Any, engine_factory: Any = None) -> Future[YouAndRoom | None]:
        """Build the finished game's plan, send it (outbox first for a hub), and fetch
        "you and the room" (None if the hub cannot be reached now: the plan still goes).
        Asking again for the same game gives the same Future: a game counts once, however
        often its final report is opened."""
        key = (id(session), session.turn, self.player_key)
        if self._finished.get("key") != key:
            self._finished = {
                "key": key,
                "job": self._pool.submit(self._finish, session, engine_factory),
            }
        return self._finished["job"]

    def _finish(self, session: Any, engine_factory: Any) -> YouAndRoom | None:
        plan = build_plan(
            session,
            player_key=self.player_key,
            label=self.label,
            about=self.about,
            engine_factory=engine_factory,
        )
        self.last_plan = plan
        self.backend.submit_plan(plan)
        try:
            return self.backend.you_and_room(plan)
        except Exception:  # noqa: BLE001 - a hub away now must not cost the player their end screen
            if self.sender is not None:
                self.sender.poke()
            return None

    def idea(self, text: str, category: str, groups: list[str]) -> Future[None]:
        body = IdeaIn(
            idea_key=new_key(),
            player_key=self.player_key,
            text=text,
            category=category,
            groups=groups,
            label=self.label,
        )
        return self._pool.submit(self.backend.submit_idea, body)

    def ideas(self) -> Future[list[Idea]]:
        return self._pool.submit(self.backend.ideas)

    def support(self, idea_id: int) -> Future[bool]:
        return self._pool.submit(self.backend.support, idea_id, self.player_key)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        if self.sender is not None:
            self.sender.stop()
        self.backend.close()
