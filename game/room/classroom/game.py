"""ClassGame: one class room's teams, rounds and shocks, with every team's game held here.

The hub holds each team's GameSession: a team's PC sends its decisions and reads its state,
so a PC that crashes loses nothing (rejoining by team name picks the game up), and when a
round's time is up every team's year ends here, whatever its PC is doing. Cards left
undecided are deferred for the team (when the rules allow another deferral). All calls
take one lock: the hub serves requests on several threads.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from game.errors import CivicError
from game.model.area import AreaProfile
from game.model.world import World
from game.play import Consult, Defer, Fund, GameSession, Reject, SaveFile
from game.play.actions import Action
from game.play.models import ActionResult
from game.play.shocks import ShockDef, shipped_shocks
from game.room.classroom import review
from game.room.classroom.clock import Clock
from game.room.classroom.debrief import Baseline, Debrief
from game.room.classroom.models import (
    ClassSettings,
    ClassStatus,
    Phase,
    ShockOut,
    TeamJoined,
    TeamPublic,
    TeamState,
)
from game.room.classroom.timer import RoundTimer
from game.room.models import PlanIn
from game.room.plans import new_key, outcome_of
from game.room.store import RoomStore
from game.room.store.classes import ClassStore, DecisionRow, TeamRow

_KIND = {Fund: "funded", Reject: "rejected", Defer: "deferred", Consult: "consulted"}
MINUTE = 60.0


class ClassError(CivicError):
    """A class-room request that does not fit the game's phase (HTTP 409)."""


@dataclass
class Team:
    row: TeamRow
    session: GameSession
    decisions: list[DecisionRow] = field(default_factory=list)
    decided: set[str] = field(default_factory=set)  # card ids decided this round


class ClassGame:
    def __init__(
        self,
        store: RoomStore,
        code: str,
        world: World,
        settings: ClassSettings,
        clock: Clock,
        *,
        shocks: dict[str, ShockDef] | None = None,
        engine_factory: object = None,
    ) -> None:
        self.store, self.world, self.settings = store, world, settings
        self.cs = ClassStore(store, code)
        self.code = self.cs.code
        self.room_name = store.room(code).name
        self.area = world.resolve(settings.area)  # fail fast on an unknown area
        self.shocks = shocks if shocks is not None else shipped_shocks()
        self.engine_factory = engine_factory
        self.timer = RoundTimer(clock)
        self.lock = threading.RLock()
        self.teams: dict[str, Team] = {}
        self.phase: Phase = "lobby"
        self.round = 0
        self.pending_shock: ShockDef | None = None
        self.thrown: list[tuple[int, ShockDef]] = []  # (rounds played before it, shock)
        self._baselines: dict[str, Baseline] | None = None  # the debrief's lines, by area
        self.cs.update_settings(class_game=settings.model_dump(mode="json"))  # to resume

    # -- teams ----------------------------------------------------------------------------
    def join(self, name: str, area: str | None = None) -> TeamJoined:
        """A new team (in the lobby), or the team of that name rejoining (any time, any
        case; its area is its own whatever `area` says). `area`: see _area_for."""
        with self.lock:
            team = self.teams.get(name.casefold())
            if team is None:
                if self.phase != "lobby":
                    raise ClassError(
                        f"the game has started and no team is called '{name}' "
                        "(type your team's name exactly as before, or ask your teacher)"
                    )
                team = self._add_team(name, self._area_for(area))
                rejoined = False
            else:
                rejoined = True
            s = team.session
            return TeamJoined(
                team=team.row.name,
                player_key=team.row.player_key,
                rejoined=rejoined,
                area_code=s.area.code,
                area_name=s.area.name,
            )

    def _area_for(self, query: str | None) -> AreaProfile:
        """The area a joining team plays: the class's, or (each_own_area) the one it names,
        resolved like everywhere else (codes, names, the names people use). An unknown
        name is UnknownAreaError (HTTP 422, naming it and the nearest matches)."""
        if query is None or not query.strip():
            return self.area
        found = self.world.resolve(query)
        if not self.settings.each_own_area and found.code != self.area.code:
            raise ClassError(
                f"this class plays {self.area.name}: every team plays the same area (not '{query}')"
            )
        return found

    def _add_team(self, name: str, area: AreaProfile) -> Team:
        row = self.cs.add_team(name, new_key())
        session = self.new_session(area.code)
        for _, shock in self.thrown:  # thrown in the lobby before this team came
            session.throw_shock(shock.id)
        team = Team(row=row, session=session)
        self.teams[name.casefold()] = team
        self.cs.save_team(row.id, self._save(team))
        return team

    def new_session(self, area_code: str) -> GameSession:
        return GameSession.new(
            self.world,
            area_code,
            seed=self.settings.seed,
            years=self.settings.years,
            engine_factory=self.engine_factory,  # type: ignore[arg-type]
            shocks=self.shocks,
        )

    @staticmethod
    def _save(team: Team) -> dict:
        return team.session.to_save().model_dump(mode="json")

    def _team(self, name: str) -> Team:
        team = self.teams.get(name.casefold())
        if team is None:
            raise KeyError(name)
        return team

    def act(self, name: str, action: Action) -> ActionResult:
        with self.lock:
            self.tick()
            team = self._team(name)
            if self.phase != "playing":
                raise ClassError("decisions wait for the teacher to start the year")
            card = team.session.card(action.card_id)
            result = team.session.act(action)
            if result.ok and card is not None:
                team.decided.add(card.id)
                row = self._record(team, action, card, auto=False)
                self.cs.record(team.row.id, [row], self._save(team))
            return result

    def _record(self, team: Team, action: Action, card, *, auto: bool) -> DecisionRow:
        ptype = team.session.catalogue.types.get(card.type_id)
        row = DecisionRow(
            team=team.row.name,
            round_number=self.round,
            year=team.session.year,
            kind=_KIND[type(action)],
            card_id=card.id,
            type_id=card.type_id,
            category=card.category,
            name=ptype.name if ptype is not None else card.type_id,
            scale=card.scale,
            cost=card.cost,
            group_id=action.group_id if isinstance(action, Consult) else None,
            auto=auto,
        )
        team.decisions.append(row)
        return row

    # -- rounds (the teacher's) -----------------------------------------------------------
    def start_round(self) -> None:
        with self.lock:
            self.tick()  # a round whose time is up is over, even if nothing polled since
            if self.phase not in ("lobby", "between"):
                raise ClassError(f"a round cannot start now ({self.phase})")
            if not self.teams:
                raise ClassError("no team has joined yet")
            self.round += 1
            shock = self.pending_shock.id if self.pending_shock is not None else None
            self.pending_shock = None
            for team in self.teams.values():
                team.decided.clear()
            self.cs.start_round(self.round, self._year(), shock)
            self.timer.start(self.settings.round_minutes * MINUTE)
            self.phase = "playing"
            self._keep_clock()

    def pause(self) -> None:
        with self.lock:
            self.tick()
            if self.phase == "playing":
                self.timer.pause()
                self.phase = "paused"
                self._keep_clock()

    def resume(self) -> None:
        with self.lock:
            if self.phase == "paused":
                self.timer.resume()
                self.phase = "playing"
                self._keep_clock()

    def add_minute(self) -> None:
        with self.lock:
            self.tick()
            if self.phase in ("playing", "paused"):
                self.timer.add(MINUTE)
                self._keep_clock()

    def _keep_clock(self) -> None:
        """The round clock in the store (time left, and when), so a hub restarted mid-round
        gives the round back with the time it had (game.room.classroom.resume)."""
        self.cs.update_settings(
            clock={"left": self.timer.remaining(), "running": self.timer.running, "at": time.time()}
        )

    def end_round(self) -> None:
        """The teacher ends the year early (same as time running out)."""
        with self.lock:
            if self.phase in ("playing", "paused"):
                self._close_round("teacher")

    def tick(self) -> None:
        """Time-up ends the year for every team. Called on every request (the projector
        polls every second or two), so no background thread is needed."""
        with self.lock:
            if self.phase == "playing" and self.timer.expired():
                self._close_round("time")

    def _close_round(self, ended_by: str) -> None:
        self.timer.stop()
        ends: dict[int, tuple[list[DecisionRow], dict]] = {}
        for team in self.teams.values():
            s, rows = team.session, []
            for card in s.proposals:
                if card.id in team.decided:
                    continue
                action = Defer(card_id=card.id)
                if s.check(action).ok:  # a card past its deferrals lapses by the rules
                    s.act(action)
                    rows.append(self._record(team, action, card, auto=True))
            s.advance_year()
            ends[team.row.id] = (rows, self._save(team))
        self.cs.end_round(self.round, ended_by, ends)
        if self.round >= self.settings.years:
            self.phase = "debrief"
            self.file_plans()
        else:
            self.phase = "between"

    def file_plans(self) -> None:
        """Each team's finished game as a room plan (once: a resumed hub adds only those
        missing), so the listening report and the export see the class."""
        have = {p.plan_key for p in self.store.plans(self.code)}
        for team in self.teams.values():
            plan = self.plan_of(team)
            if plan.plan_key not in have:
                self.store.add_plan(self.code, plan)

    def throw_shock(self, shock_id: str) -> ShockDef:
        with self.lock:
            self.tick()
            if self.phase not in ("lobby", "between"):
                raise ClassError("shocks are thrown between rounds")
            if not self.teams:
                raise ClassError("no team has joined yet: throw a shock once teams are in")
            if self.pending_shock is not None:
                raise ClassError(f"'{self.pending_shock.name}' was thrown already this break")
            shock = self.shocks.get(shock_id)
            if shock is None:
                raise KeyError(shock_id)
            for team in self.teams.values():
                team.session.throw_shock(shock.id)  # in the team's save's command log
            self.cs.save_teams({t.row.id: self._save(t) for t in self.teams.values()})
            self.pending_shock = shock
            self.thrown.append((self.round, shock))
            return shock

    # -- reading --------------------------------------------------------------------------
    def _year(self) -> int:
        return next(iter(self.teams.values())).session.year if self.teams else 2021

    def status(self) -> ClassStatus:
        with self.lock:
            self.tick()
            return ClassStatus(
                code=self.code,
                name=self.room_name,
                area_name=self.area.name,
                each_own_area=self.settings.each_own_area,
                phase=self.phase,
                round=self.round,
                rounds=self.settings.years,
                round_seconds=self.settings.round_minutes * MINUTE,
                remaining_seconds=self.timer.remaining(),
                teams=[self._public(t) for t in self.teams.values()],
                shock=self._news_shock(),
            )

    def _news_shock(self) -> ShockOut | None:
        """The shock in the news: thrown in this break, or before the round now in play."""
        if not self.thrown:
            return None
        n, shock = self.thrown[-1]
        playing = self.phase in ("playing", "paused")
        if n == self.round - (1 if playing else 0) and self.phase != "debrief":
            return ShockOut(**shock.model_dump())
        return None

    def _public(self, team: Team) -> TeamPublic:
        s = team.session
        return TeamPublic(
            name=team.row.name,
            area_name=s.area.name,
            year=s.year,
            money=s.money,
            approval=s.headline().approval_overall,
            net_jobs=s.jobs_account().net_additional,
        )

    def team_state(self, name: str) -> TeamState:
        with self.lock:
            status = self.status()
            team = self._team(name)
            s = team.session
            return TeamState(
                status=status,
                team=team.row.name,
                year=s.year,
                finished=s.finished,
                money=s.money,
                clout=s.clout,
                proposals=s.proposals,
                funded=[p.model_copy() for p in s.funded],
                news=list(s.summaries[-1].news) if s.summaries else [],
                decided=sorted(team.decided),
            )

    def team_save(self, name: str) -> SaveFile:
        """The team's game as a save (the current round's decisions so far included): a
        client rebuilds the same game from it with GameSession.from_save."""
        with self.lock:
            self.tick()
            return self._team(name).session.to_save()

    def debrief(self) -> Debrief:
        """After the last round only: every team's choices are private until then."""
        with self.lock:
            self.tick()
            if self.phase != "debrief":
                raise ClassError("the debrief opens after the last round")
            if self._baselines is None:  # played once: the debrief page is read many times
                codes = dict.fromkeys(t.session.area.code for t in self.teams.values())
                self._baselines = {
                    code: review.no_projects_line(
                        self.world,
                        code,
                        seed=self.settings.seed,
                        years=self.settings.years,
                        thrown=self.thrown,
                        shocks=self.shocks,
                        engine_factory=self.engine_factory,
                    )
                    for code in codes
                }
            return review.build(self, self._baselines, self.cs.decisions())

    def plan_of(self, team: Team) -> PlanIn:
        """The team's finished game as a room plan (label = team name)."""
        s = team.session
        decisions = [
            d.model_dump(include={"year", "kind", "type_id", "category", "name", "scale", "cost"})
            | {"group_id": d.group_id}
            for d in team.decisions
        ]
        return PlanIn.model_validate(
            {
                "plan_key": f"class-{self.code}-{team.row.id:04d}",
                "player_key": team.row.player_key,
                "label": team.row.name,
                "area_code": s.area.code,
                "area_name": s.area.name,
                "years": s.years,
                "seed": s.seed,
                "decisions": decisions,
                "outcome": outcome_of(s),
            }
        )
