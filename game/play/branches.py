"""What if? Going back to an earlier year, choosing differently and keeping the first game.

A game is its settings, seed and command log, so any earlier year can be rebuilt by
replaying the log up to that year's end (`truncated`). Going back keeps the line being
left as a `Branch` record on the new session (`session.kept`, written in its save), and a
kept line is rebuilt on demand by the same replay, checksums checked: nothing derived is
stored, so a save cannot drift. Continuing a save restores both.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from game.errors import SaveError
from game.model.world import World
from game.play.actions import AdvanceYear, ThrowShock
from game.play.models import SeriesPoint
from game.play.savefile import Branch, SaveFile
from game.play.session import GameSession

MAX_BRANCHES = 8


def truncated(save: SaveFile, turn: int) -> SaveFile:
    """The save as it stood when year `turn` had just been played (before any choice of
    the next year): the log up to and including the turn-th year end, and any shock thrown
    right after it (an outside event, not a choice the player goes back on)."""
    if not 0 <= turn <= save.turn:
        raise SaveError(f"cannot go back to turn {turn}: the game has played {save.turn}")
    commands, seen = [], 0
    for entry in save.commands:
        if seen == turn and not isinstance(entry, ThrowShock):
            break
        commands.append(entry)
        if isinstance(entry, AdvanceYear):
            seen += 1
    return save.model_copy(
        update={
            "turn": turn,
            "commands": commands,
            "checksums": {t: c for t, c in save.checksums.items() if t <= turn},
        }
    )


def go_back(
    world: World, session: GameSession, turn: int, label: str = "First game"
) -> GameSession:
    """A new session at the end of year `turn` of `session`, which is kept (as a branch of
    the new one, with any it kept itself). `session` itself is left untouched."""
    if len(session.kept) >= MAX_BRANCHES:
        raise SaveError(f"at most {MAX_BRANCHES} earlier futures can be kept")
    save = session.to_save()
    line = Branch(
        label=label,
        from_turn=turn,
        turn=save.turn,
        commands=save.commands,
        checksums=save.checksums,
    )
    again = GameSession.from_save(world, truncated(save, turn))
    again.kept = [*session.kept, line]
    return again


def kept_session(world: World, session: GameSession, index: int = -1) -> GameSession:
    """A kept line of `session`, rebuilt by replaying its own log (checksums verified)."""
    b = session.kept[index]
    save = session.to_save().model_copy(
        update={"turn": b.turn, "commands": b.commands, "checksums": b.checksums, "branches": []}
    )
    return GameSession.from_save(world, save)


def went_back_to(session: GameSession, index: int = -1) -> int:
    """The calendar year the player went back to for the kept line `index`."""
    start = session.year - session.turn
    return start + session.kept[index].from_turn


class FutureLine(BaseModel):
    """One future as the comparison screen shows it: the game's own census report figures
    (the same numbers as its report screens) and its yearly series."""

    model_config = ConfigDict(frozen=True)

    label: str
    year: int
    finished: bool
    population: float
    jobs: float
    gross_jobs: float
    net_jobs: float
    cost_per_net_job: float | None
    money_spent: float
    approval_overall: float
    projects: list[str]  # titles, in funding order
    population_series: list[SeriesPoint]
    jobs_series: list[SeriesPoint]


class Futures(BaseModel):
    """This game (a) and a kept line (b) side by side; `went_back_to` is the calendar
    year the player returned to."""

    model_config = ConfigDict(frozen=True)

    a: FutureLine
    b: FutureLine
    went_back_to: int

    def rows(self) -> list[tuple[str, float | None, float | None]]:
        """(measure id, a, b) in the order the screen lists them."""
        keys = (
            "population",
            "jobs",
            "gross_jobs",
            "net_jobs",
            "cost_per_net_job",
            "money_spent",
            "approval_overall",
        )
        return [(k, getattr(self.a, k), getattr(self.b, k)) for k in keys]


def future_line(session: GameSession, label: str) -> FutureLine:
    r = session.census_report("final" if session.finished else "midterm")
    return FutureLine(
        label=label,
        year=session.year,
        finished=session.finished,
        population=r.population_now,
        jobs=r.jobs_now,
        gross_jobs=r.gross_jobs,
        net_jobs=r.net_additional_jobs,
        cost_per_net_job=r.cost_per_net_job,
        money_spent=r.money_spent,
        approval_overall=r.approval_overall,
        projects=[p.title for p in session.funded],
        population_series=session.series("population"),
        jobs_series=session.series("jobs"),
    )


def futures(world: World, session: GameSession, index: int = -1) -> Futures:
    """This game against the kept line `index` (rebuilt by replay)."""
    other = kept_session(world, session, index)
    return Futures(
        a=future_line(session, "This game"),
        b=future_line(other, session.kept[index].label),
        went_back_to=went_back_to(session, index),
    )
