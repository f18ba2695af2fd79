"""A team's PC in a class game (issue 12): the hub holds the team's game; the window keeps
a local mirror of it for the year screen, the charts and the reports, and moves its screens
with the class (the lobby, the year while a round runs, the newspaper when it ends).

Every network call runs on one worker thread, in order, so a poll sent after a decision sees
that decision and the frame loop never waits. About once a second a poll reads the team's
state and the class's clock; between polls the countdown runs on the local clock. The mirror
(ctx.session) is rebuilt from the hub's save (ClassLink.save, replayed by
GameSession.from_save, the teacher's shocks included) whenever it stops matching the hub: on
(re)joining, when a round ends, when a shock takes money. A decision is sent first and
applied to the mirror only when the hub has taken it. The App calls tick() once a frame.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.client.context import AppContext, run_in_background, settle_memory
from game.client.scene import Host
from game.errors import CivicError
from game.play import GameSession, SaveFile
from game.play.actions import Action
from game.play.models import ActionResult
from game.room.classroom.models import TeamState

if TYPE_CHECKING:
    from game.room.client import RoomLink
    from game.room.client.classlink import ClassLink

log = logging.getLogger(__name__)

POLL_EVERY = 1.0  # seconds between reads of the team's state
LOBBY, YEAR = "class_lobby", "class_year"
PLAYING = ("playing", "paused")
_JOINING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="class-join")


class TeamNameNeeded(CivicError):
    """The code is a class game's and no team name was typed (the join screen says so)."""


class AreaNeeded(CivicError):
    """A new team in a class where each team plays its own area, with no area typed."""


def _line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]


def connect(
    address: str,
    team: str | None,
    clock: Callable[[], float] = time.monotonic,
    area: str | None = None,
) -> Future[ClassPlay | RoomLink]:
    """Find the hub (a bare code is looked for on the local network, once), then join its
    class game as `team`, or, when the code is an ordinary room's, the room. On a worker
    thread: the join screen polls the Future."""

    def work() -> ClassPlay | RoomLink:
        # the hub client (httpx, and the local store's SQLAlchemy) loads on joining, not
        # at start-up: most games never join a class
        from game.room.client import RoomLink, parse_join

        base, code = parse_join(address)
        play = ClassPlay.join(f"{base}/c/{code}", team, clock, area)
        if play is not None:
            return play
        return RoomLink.connect(f"{base}/r/{code}", team).result()

    return _JOINING.submit(work)


@dataclass
class Decision:
    """A decision on its way to the hub; settled once the hub answered and, if it took it,
    the mirror took it too."""

    action: Action
    session: GameSession
    future: Future[ActionResult]
    result: ActionResult | None = None
    error: str = ""
    settled: bool = False


class ClassPlay:
    def __init__(
        self,
        link: ClassLink | None,
        state: TeamState,
        *,
        clock: Callable[[], float] = time.monotonic,
        rejoined: bool = False,
    ) -> None:
        self.link = link  # None: a still picture (screenshots), nothing is polled
        self.state = state
        self.clock = clock  # the countdown's between polls (tests pass a still one)
        self.seen_at = clock()
        self.rejoined = rejoined
        self.poll_every = POLL_EVERY
        self.error = ""  # why the last poll or rebuild failed; cleared by the next success
        self.news_due = False  # a round ended: show its newspaper
        self.closed = False
        self._net = ThreadPoolExecutor(max_workers=1, thread_name_prefix="class-link")
        self._poll: Future[TeamState] | None = None
        self._poll_gen = 0
        self._polled = -math.inf
        self._fresh = False  # the last state was read after every decision had settled
        self.generation = 0  # one more for every decision sent
        self.decisions: list[Decision] = []
        self._save: Future[SaveFile] | None = None
        self._replay: Future[GameSession] | None = None
        self._rebuilt_for: tuple | None = None  # the hub state the last rebuild answered

    @classmethod
    def join(
        cls,
        address: str,
        team: str | None,
        clock: Callable[[], float] = time.monotonic,
        area: str | None = None,
    ) -> ClassPlay | None:
        """Join (or rejoin, by the same team name) the class game at `address`; None when
        the hub has no class game with that code (an ordinary room). A new team names its
        area when the class lets each team play its own. Blocking."""
        from game.room.client.classlink import ClassLink

        link = ClassLink(address, team or "-", area=area)
        try:
            try:
                status = link.status()
            except CivicError:
                link.close()
                return None
            if not team:
                raise TeamNameNeeded("a class game needs your team's name")
            known = {t.name.casefold() for t in status.teams}
            if status.each_own_area and not area and team.casefold() not in known:
                raise AreaNeeded("each team in this class plays its own area: name yours")
            joined = link.join()
            return cls(link, link.state(), clock=clock, rejoined=joined.rejoined)
        except BaseException:
            link.close()
            raise

    # -- what the screens read ------------------------------------------------------------
    @property
    def team(self) -> str:
        return self.state.team

    @property
    def phase(self) -> str:
        return self.state.status.phase

    @property
    def clock_phase(self) -> str:
        """What the countdown shows: the round's phase, or "lost" while the hub is silent."""
        return "lost" if self.error else self.phase

    def remaining(self) -> float:
        """Seconds left in the round: the hub's, run on locally since the last poll."""
        st = self.state.status
        if st.phase != "playing":
            return st.remaining_seconds
        return max(0.0, st.remaining_seconds - (self.clock() - self.seen_at))

    @property
    def busy(self) -> bool:
        """The mirror is being rebuilt from the hub's save."""
        return self._save is not None or self._replay is not None

    def current(self, ctx: AppContext) -> bool:
        """The mirror is the hub's game as of the last poll (same year, nothing on the way)."""
        s = ctx.session
        return s is not None and not self.busy and s.year == self.state.year

    # -- decisions ------------------------------------------------------------------------
    def decide(self, action: Action, session: GameSession) -> Decision:
        """Send a decision; tick() applies it to `session` once the hub has taken it."""
        assert self.link is not None, "a still picture takes no decisions"
        self.generation += 1
        decision = Decision(action, session, self._net.submit(self.link.act, action))
        self.decisions.append(decision)
        return decision

    def _settle(self, ctx: AppContext) -> None:
        for d in [d for d in self.decisions if d.future.done()]:
            self.decisions.remove(d)
            try:
                d.result = d.future.result()
            except Exception as exc:  # noqa: BLE001 - the hub refused or is gone: shown
                d.error = _line(exc)
            took = d.result is not None and d.result.ok and ctx.session is d.session
            if took and not d.session.act(d.action).ok:  # the mirror disagrees: the hub's
                log.warning("the local game refused what the hub took: rebuilding")
                self._rebuilt_for = None
                self._fresh = True
            d.settled = True

    # -- the frame ------------------------------------------------------------------------
    def tick(self, app: Host) -> None:
        if self.closed or self.link is None:
            return
        if not app.stack.has_pending and LOBBY not in [s.name for s in app.stack.scenes]:
            self.leave(app.ctx)  # the pupil left the class (to the title)
            return
        self._settle(app.ctx)
        self._poll_step()
        self._sync(app.ctx)
        if not app.stack.has_pending:
            self._navigate(app)

    def poll_now(self) -> None:
        self._polled = -math.inf

    def _poll_step(self) -> None:
        assert self.link is not None
        if self._poll is None and time.monotonic() - self._polled >= self.poll_every:
            self._polled = time.monotonic()
            self._poll_gen = self.generation
            self._poll = self._net.submit(self.link.state)
        if self._poll is None or not self._poll.done():
            return
        job, self._poll = self._poll, None
        try:
            state = job.result()
        except Exception as exc:  # noqa: BLE001 - the network: shown, tried again
            self.error = _line(exc)
            return
        self.error = ""
        self.state, self.seen_at = state, self.clock()
        self._fresh = self._poll_gen == self.generation and not self.decisions

    def _fingerprint(self) -> tuple:
        s = self.state
        return (
            s.year,
            round(s.money, 2),
            s.clout,
            tuple(c.id for c in s.proposals),
            tuple(p.card_id for p in s.funded),
        )

    def matches(self, session: GameSession) -> bool:
        """The mirror shows exactly the hub's game (year, money, clout, cards, projects)."""
        mine = (
            session.year,
            round(session.money, 2),
            session.clout,
            tuple(c.id for c in session.proposals),
            tuple(p.card_id for p in session.funded),
        )
        return mine == self._fingerprint()

    def _sync(self, ctx: AppContext) -> None:
        assert self.link is not None
        if self._save is not None and self._save.done():
            fetched, self._save = self._save, None
            try:
                save = fetched.result()
            except Exception as exc:  # noqa: BLE001 - shown, tried again after the next poll
                self.error, self._rebuilt_for = _line(exc), None
                return

            def replay() -> GameSession:
                session = ctx.resume_factory(ctx.world, save)
                settle_memory()  # as after a simulated year: no collection stalls a frame
                return session

            self._replay = run_in_background(replay, ctx.threaded)
        if self._replay is not None and self._replay.done():
            replayed, self._replay = self._replay, None
            self._fresh = False  # compare again after the next poll
            try:
                session = replayed.result()
            except Exception as exc:  # noqa: BLE001 - a save that does not replay: shown
                log.error("the hub's save did not replay", exc_info=exc)
                self.error = _line(exc)
                return
            old, ctx.session = ctx.session, session
            if old is not None and session.turn > old.turn:
                self.news_due = True
            return
        if self.busy or not self._fresh or not ctx.world_ready:
            return
        self._fresh = False  # each state is compared once (the mirror's cards are copies)
        if ctx.session is not None and self.matches(ctx.session):
            return
        if self._rebuilt_for == self._fingerprint():
            return  # rebuilt for this very state already: do not loop on a disagreement
        self._rebuilt_for = self._fingerprint()
        self._save = self._net.submit(self.link.save)

    def _navigate(self, app: Host) -> None:
        """The lobby, the year while a round runs, the newspaper when one ended."""
        names = [s.name for s in app.stack.scenes]
        tail = names[names.index(LOBBY) + 1 :]
        above = len(tail)
        playing = self.phase in PLAYING
        # back to the lobby, dialogs and all: the year is over (or its newspaper is due), or
        # the teacher started one while the pupil was still reading the last newspaper
        over = not playing and YEAR in tail
        started = playing and YEAR not in tail and self.current(app.ctx)
        if above and (self.news_due or over or started):
            for _ in range(above):
                app.stack.pop()
            return
        if self.news_due and self.current(app.ctx) and not above:
            self.news_due = False
            session = app.ctx.session
            assert session is not None and session.summaries
            app.stack.push(app.screens.newspaper(session.summaries[-1]))
            return
        if playing and not above and not self.news_due and self.current(app.ctx):
            app.stack.push(app.screens.class_year())

    # -- leaving --------------------------------------------------------------------------
    def leave(self, ctx: AppContext) -> None:
        """Stop polling and forget the class game here (the hub keeps it: join again)."""
        self.close()
        if ctx.class_game is self:
            ctx.class_game = None
            ctx.session = None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._net.shutdown(wait=False, cancel_futures=True)
        if self.link is not None:
            self.link.close()
