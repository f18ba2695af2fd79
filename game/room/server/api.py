"""The JSON API (/api/...). Writes are idempotent: 201 the first time a key arrives, 200
with duplicate=true after, so a game's outbox can resend until it hears back."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response

from game.room.aggregate import RoomSummary, YouAndRoom, summarise, you_and_room
from game.room.models import (
    Idea,
    IdeaIn,
    JoinIn,
    ModerateIn,
    PlanIn,
    RoomInfo,
    Strict,
    Submitted,
    SupportIn,
)
from game.room.server.auth import require_facilitator
from game.room.store import RoomStore

router = APIRouter(prefix="/api/rooms/{code}", tags=["rooms"])


def _store(request: Request) -> RoomStore:
    return request.app.state.store


StoreDep = Annotated[RoomStore, Depends(_store)]


class RoomExport(Strict):
    room: RoomInfo
    plans: list[PlanIn]
    ideas: list[Idea]


def _status(response: Response, result: Submitted) -> Submitted:
    response.status_code = 200 if result.duplicate else 201
    return result


@router.get("", response_model=RoomInfo)
def room_info(code: str, store: StoreDep) -> RoomInfo:
    return store.room(code)


@router.post("/join", response_model=Submitted, status_code=201)
def join(code: str, body: JoinIn, store: StoreDep, response: Response) -> Submitted:
    return _status(response, store.join(code, body))


@router.post("/plans", response_model=Submitted, status_code=201)
def submit_plan(
    code: str,
    body: PlanIn,
    store: StoreDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Submitted:
    if idempotency_key is not None and idempotency_key != body.plan_key:
        raise HTTPException(422, "idempotency-key: must equal plan_key")
    return _status(response, store.add_plan(code, body))


@router.post("/ideas", response_model=Submitted, status_code=201)
def submit_idea(code: str, body: IdeaIn, store: StoreDep, response: Response) -> Submitted:
    return _status(response, store.add_idea(code, body))


@router.get("/ideas", response_model=list[Idea])
def approved_ideas(code: str, store: StoreDep) -> list[Idea]:
    """Ideas the facilitator approved, most supported first (pending ones never show)."""
    return store.ideas(code, status="approved")


@router.post("/ideas/{idea_id}/support", response_model=Submitted, status_code=201)
def support(
    code: str, idea_id: int, body: SupportIn, store: StoreDep, response: Response
) -> Submitted:
    try:
        return _status(response, store.support(code, idea_id, body.player_key))
    except KeyError:
        raise HTTPException(404, f"no approved idea {idea_id} in this room") from None


@router.get("/summary", response_model=RoomSummary)
def summary(code: str, store: StoreDep) -> RoomSummary:
    return summarise(store.plans(code), players=store.players(code))


@router.post("/you", response_model=YouAndRoom)
def you(code: str, body: PlanIn, store: StoreDep) -> YouAndRoom:
    """Your plan beside the room's (nothing is stored by this call)."""
    return you_and_room(body, store.plans(code), store.ideas(code, status="approved"))


# -- the facilitator's (token) --------------------------------------------------------------
@router.get("/moderation", response_model=list[Idea], dependencies=[Depends(require_facilitator)])
def moderation(code: str, store: StoreDep) -> list[Idea]:
    return sorted(store.ideas(code), key=lambda i: (i.status != "pending", i.id))


@router.post(
    "/ideas/{idea_id}/moderate", response_model=Idea, dependencies=[Depends(require_facilitator)]
)
def moderate(code: str, idea_id: int, body: ModerateIn, store: StoreDep) -> Idea:
    try:
        idea = store.moderate(code, idea_id, body.status)
    except KeyError:
        raise HTTPException(404, f"no idea {idea_id} in this room") from None
    return idea


@router.get("/export", response_model=RoomExport, dependencies=[Depends(require_facilitator)])
def export(code: str, store: StoreDep) -> RoomExport:
    return RoomExport(room=store.room(code), plans=store.plans(code), ideas=store.ideas(code))


@router.delete("", dependencies=[Depends(require_facilitator)])
def delete_room(code: str, store: StoreDep) -> dict[str, int]:
    return store.delete_room(code)
