"""ClassGame: one class room's teams, rounds and shocks, with every team's game held here.

The hub holds each team's GameSession: a team's PC sends its decisions and reads its state,
so a PC that crashes loses nothing (rejoining by team name picks the game up), and when a
round's time is up every team's year ends here, whatever its PC is doing. Cards left
undecided are deferred for the team (when the rules allow another deferral). All calls
take one lock: the hub serves requests on several threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from game.errors import CivicError
from game.model.world import World
from game.play import Consult, Defer, Fund, GameSession, Reject, SaveFile
from game.play.actions import Action
from game.play.models import ActionResult
from game.play.shocks import ShockDef, shipped_shocks
from game.room.classroom.clock import Clock
from game.room.classroom.debrief import Debrief, census_facts, prompts, team_result
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
        self.last_news: dict[str, list] = {}

    # -- teams ----------------------------------------------------------------------------
    def join(self, name: str) -> TeamJoined:
        with self.lock:
            key = name.casefold()
            team = self.teams.get(key)
            if team is not None:
                return TeamJoined(team=team.row.name, player_key=team.row.player_key, rejoined=True)
            if self.phase != "lobby":
                raise ClassError(
                    f"the game has started and no team is called '{name}' "
                    "(type your team's name exactly as before, or ask your teacher)"
                )
            row = self.cs.add_team(name, new_key())
            session = GameSession.new(
                self.world,
                self.area.code,
                seed=self.settings.seed,
                years=self.settings.years,
                engine_factory=self.engine_factory,  # type: ignore[arg-type]
                shocks=self.shocks,
            )
            self.teams[key] = Team(row=row, session=session)
            return TeamJoined(team=row.name, player_key=row.player_key, rejoined=False)

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
                self._record(team, action, card, auto=False)
            return result

    def _record(self, team: Team, action: Action, card, *, auto: bool) -> None:
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
        self.cs.add_decisions(team.row.id, [row])

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

    def pause(self) -> None:
        with self.lock:
            self.tick()
            if self.phase == "playing":
                self.timer.pause()
                self.phase = "paused"

    def resume(self) -> None:
        with self.lock:
            if self.phase == "paused":
                self.timer.resume()
                self.phase = "playing"

    def add_minute(self) -> None:
        with self.lock:
            self.tick()
            if self.phase in ("playing", "paused"):
                self.timer.add(MINUTE)

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
        for team in self.teams.values():
            s = team.session
            for card in s.proposals:
                if card.id in team.decided:
                    continue
                action = Defer(card_id=card.id)
                if s.check(action).ok:  # a card past its deferrals lapses by the rules
                    s.act(action)
                    self._record(team, action, card, auto=True)
            summary = s.advance_year()
            self.last_news[team.row.name] = list(summary.news)
            self.cs.save_team(team.row.id, s.to_save().model_dump(mode="json"))
        self.cs.end_round(self.round, ended_by)
        if self.round >= self.settings.years:
            self.phase = "debrief"
            for team in self.teams.values():
                self.store.add_plan(self.code, self.plan_of(team))
        else:
            self.phase = "between"

    def throw_shock(self, shock_id: str) -> ShockDef:
        with self.lock:
            self.tick()
            if self.phase not in ("lobby", "between"):
                raise ClassError("shocks are thrown between rounds")
            if self.pending_shock is not None:
                raise ClassError(f"'{self.pending_shock.name}' was thrown already this break")
            shock = self.shocks.get(shock_id)
            if shock is None:
                raise KeyError(shock_id)
            for team in self.teams.values():
                team.session.throw_shock(shock.id)  # in the team's save's command log
            self.pending_shock = shock
            self.thrown.append((self.round, shock))
            return shock

    # -- reading --------------------------------------------------------------------------
    def _year(self) -> int:
        return next(iter(self.teams.values())).session.year if self.teams else 2021

    def status(self) -> ClassStatus:
        with self.lock:
            self.tick()
            shock = self.thrown[-1][1] if self.thrown else None
            return ClassStatus(
                code=self.code,
                name=self.room_name,
                area_name=self.area.name,
                phase=self.phase,
                round=self.round,
                rounds=self.settings.years,
                round_seconds=self.settings.round_minutes * MINUTE,
                remaining_seconds=self.timer.remaining(),
                teams=[self._public(t) for t in self.teams.values()],
                shock=ShockOut(**shock.model_dump()) if shock is not None else None,
            )

    def _public(self, team: Team) -> TeamPublic:
        s = team.session
        return TeamPublic(
            name=team.row.name,
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
                news=self.last_news.get(team.row.name, []),
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
            results, first = [], None
            for team in self.teams.values():
                report = team.session.census_report("final")
                first = first or report
                funded = [d.name for d in team.decisions if d.kind == "funded"]
                results.append(team_result(team.row.name, report, funded))
            decisions = self.cs.decisions()
            shocks = [(n, s.name) for n, s in self.thrown]
            series = first.series if first is not None else {}
            return Debrief(
                room=self.room_name,
                area_name=self.area.name,
                years=self.settings.years,
                teams=results,
                baseline_population=[(p.year, p.baseline) for p in series.get("population", [])],
                baseline_jobs=[(p.year, p.baseline) for p in series.get("jobs", [])],
                decisions=decisions,
                shocks=shocks,
                prompts=prompts(results, decisions, [n for _, n in shocks], self.area.name),
                facts=census_facts(self.area, getattr(self.world, "section_names", {})),
            )

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
