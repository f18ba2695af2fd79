"""What a game uses to take part in a room: a hub over the network (httpx, through a local
outbox so a dropped network never loses a plan) or the local room store (a stand with no
server). The pygame client imports only this package of game.room."""

from game.room.aggregate import YouAndRoom
from game.room.client.hub import HubClient, parse_join
from game.room.client.link import RoomLink
from game.room.client.local import LocalRoom
from game.room.client.outbox import FlushResult, Outbox, OutboxSender, default_outbox_dir
from game.room.models import AboutYou, Idea, IdeaIn, PlanIn
from game.room.plans import build_plan, new_key

__all__ = [
    "AboutYou",
    "FlushResult",
    "HubClient",
    "Idea",
    "IdeaIn",
    "LocalRoom",
    "Outbox",
    "OutboxSender",
    "PlanIn",
    "RoomLink",
    "YouAndRoom",
    "build_plan",
    "default_outbox_dir",
    "new_key",
    "parse_join",
]
