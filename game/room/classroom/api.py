"""The class room's JSON API (/api/class/CODE/...): teams join, read their game and decide;
the teacher (facilitator token) runs the rounds and throws shocks. Every request first lets
the round clock catch up (ClassGame.tick), so time-up needs no background thread."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from game.errors import UnknownAreaError
from game.play.actions import Action
from game.play.models import ActionResult
from game.play.savefile import SaveFile
from game.room.classroom.debrief import Debrief
from game.room.classroom.game import ClassError, ClassGame
from game.room.classroom.models import (
    ClassStatus,
    ShockIn,
    ShockOut,
    TeamJoined,
    TeamJoinIn,
    TeamState,
)
from game.room.server.auth import require_facilitator

router = APIRouter(prefix="/api/class/{code}", tags=["class rooms"])


def class_game(request: Request, code: str) -> ClassGame:
    game = request.app.state.classes.get(code.strip().upper())
    if game is None:
        raise HTTPException(404, f"no class room '{code}' on this hub")
    return game


GameDep = Annotated[ClassGame, Depends(class_game)]
Teacher = [Depends(require_facilitator)]


def _call(fn, *args):  # noqa: ANN001, ANN202 - one place that maps the game's refusals
    try:
        return fn(*args)
    except ClassError as exc:
        raise HTTPException(409, str(exc)) from None
    except UnknownAreaError as exc:  # a team naming an area that is not there
        raise HTTPException(422, f"area: {exc}") from None
    except KeyError as exc:
        raise HTTPException(404, f"no such team or shock: {exc.args[0]}") from None


@router.get("", response_model=ClassStatus)
def status(game: GameDep) -> ClassStatus:
    return game.status()


@router.post("/teams", response_model=TeamJoined, status_code=201)
def join(game: GameDep, body: TeamJoinIn, response: Response) -> TeamJoined:
    joined = _call(game.join, body.name, body.area)
    response.status_code = 200 if joined.rejoined else 201
    return joined


@router.get("/teams/{team}", response_model=TeamState)
def team_state(game: GameDep, team: str) -> TeamState:
    return _call(game.team_state, team)


@router.get("/teams/{team}/save", response_model=SaveFile)
def team_save(game: GameDep, team: str) -> SaveFile:
    """The team's game as a save file: replaying it (GameSession.from_save) rebuilds the
    hub's game exactly, shocks included."""
    return _call(game.team_save, team)


@router.post("/teams/{team}/act", response_model=ActionResult)
def act(game: GameDep, team: str, body: Action) -> ActionResult:
    return _call(game.act, team, body)


@router.get("/shocks", response_model=list[ShockOut])
def shocks(game: GameDep) -> list[ShockOut]:
    return [ShockOut(**s.model_dump()) for s in game.shocks.values()]


@router.get("/debrief", response_model=Debrief)
def debrief(game: GameDep) -> Debrief:
    return _call(game.debrief)


# -- the teacher's ------------------------------------------------------------------------
_CONTROLS = {
    "start": ClassGame.start_round,
    "pause": ClassGame.pause,
    "resume": ClassGame.resume,
    "add-minute": ClassGame.add_minute,
    "end": ClassGame.end_round,
}


@router.post("/round/{control}", response_model=ClassStatus, dependencies=Teacher)
def round_control(game: GameDep, control: str) -> ClassStatus:
    fn = _CONTROLS.get(control)
    if fn is None:
        raise HTTPException(404, f"no round control '{control}' ({', '.join(_CONTROLS)})")
    _call(fn, game)
    return game.status()


@router.post("/shock", response_model=ShockOut, dependencies=Teacher)
def throw(game: GameDep, body: ShockIn) -> ShockOut:
    return ShockOut(**_call(game.throw_shock, body.shock_id).model_dump())
