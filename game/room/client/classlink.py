"""A team's PC in a class game, without pygame: join (or rejoin) by code and team name,
read the team's game and the countdown, decide. The hub holds the game (game.room.
classroom), so this is all a client needs; a crash loses nothing (join again).

The pygame client (game.client.classplay) calls it from a worker thread; the headless
tests drive it directly."""

from __future__ import annotations

import httpx

from game.errors import CivicError
from game.play.actions import Action
from game.play.models import ActionResult
from game.play.savefile import SaveFile
from game.room.classroom.models import ClassStatus, TeamJoined, TeamState
from game.room.client.hub import parse_join


class ClassLink:
    def __init__(
        self, address: str, team: str, timeout: float = 5.0, area: str | None = None
    ) -> None:
        """`area`: the team's own area (code or name) when the class lets each team choose;
        None plays the class's area."""
        self.base, self.code = parse_join(address)
        self.api = f"{self.base}/api/class/{self.code}"
        self.http = httpx.Client(timeout=timeout)
        self.team, self.area = team, area

    def close(self) -> None:
        self.http.close()

    def _json(self, r: httpx.Response) -> dict:
        if r.status_code in (404, 409, 422):
            raise CivicError(r.json().get("error", r.text))
        r.raise_for_status()
        return r.json()

    def join(self) -> TeamJoined:
        joined = TeamJoined.model_validate(
            self._json(
                self.http.post(f"{self.api}/teams", json={"name": self.team, "area": self.area})
            )
        )
        self.team = joined.team  # the name as first typed ("blue" rejoins "Blue")
        return joined

    def status(self) -> ClassStatus:
        return ClassStatus.model_validate(self._json(self.http.get(self.api)))

    def state(self) -> TeamState:
        return TeamState.model_validate(self._json(self.http.get(f"{self.api}/teams/{self.team}")))

    def save(self) -> SaveFile:
        """The team's game as the hub holds it (this round's decisions so far included):
        GameSession.from_save(world, link.save()) rebuilds it on this PC."""
        return SaveFile.model_validate(
            self._json(self.http.get(f"{self.api}/teams/{self.team}/save"))
        )

    def act(self, action: Action) -> ActionResult:
        r = self.http.post(f"{self.api}/teams/{self.team}/act", json=action.model_dump())
        return ActionResult.model_validate(self._json(r))
