"""A room with no server: a stand's kiosk records straight into the local room store
(the same store `room host` and `room report` use), creating the room on first use."""

from __future__ import annotations

from game.room.aggregate import YouAndRoom, you_and_room
from game.room.models import Idea, IdeaIn, JoinIn, PlanIn, RoomInfo
from game.room.store import RoomNotFound, RoomStore


class LocalRoom:
    def __init__(self, name: str, db_url: str | None = None) -> None:
        self.store = RoomStore(db_url)
        try:
            self.info: RoomInfo = self.store.room(name)
        except RoomNotFound:
            self.info, _token = self.store.create_room(name, kind="stand")
        self.code = self.info.code

    def close(self) -> None:
        self.store.close()

    def join(self, player_key: str, label: str | None = None) -> RoomInfo:
        self.store.join(self.code, JoinIn(player_key=player_key, label=label))
        return self.store.room(self.code)

    def submit_plan(self, plan: PlanIn) -> None:
        self.store.add_plan(self.code, plan)

    def submit_idea(self, idea: IdeaIn) -> None:
        self.store.add_idea(self.code, idea)

    def support(self, idea_id: int, player_key: str) -> bool:
        try:
            self.store.support(self.code, idea_id, player_key)
        except KeyError:
            return False
        return True

    def ideas(self) -> list[Idea]:
        return self.store.ideas(self.code, status="approved")

    def you_and_room(self, plan: PlanIn) -> YouAndRoom:
        return you_and_room(plan, self.store.plans(self.code), self.ideas())
