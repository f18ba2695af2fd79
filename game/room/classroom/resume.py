"""A class in progress survives a hub restart: the store keeps every team, its game (the
save: settings, seed and command log, shocks included), its decisions, the rounds and the
round clock, so a new ClassGame on the same room rebuilds where the class was. A round
that was in play comes back paused (the teacher presses Resume when the class is ready)
with the time it had left, at least a minute."""

from __future__ import annotations

import time
from typing import Any

from game.play import GameSession, SaveFile, ThrowShock
from game.room.classroom.debrief import plural
from game.room.classroom.models import ClassSettings

MIN_LEFT = 60.0  # seconds a resumed round gets at least, so teams see the board again


def stored_settings(cs: Any) -> ClassSettings | None:
    """The settings the class was started with (None: a room from before they were kept)."""
    data = cs.settings().get("class_game")
    return ClassSettings.model_validate(data) if data else None


def in_progress(cs: Any) -> bool:
    """Has this class room a game to resume (a team joined or a round played)?"""
    return bool(cs.teams() or cs.rounds())


def resume(game: Any) -> str | None:
    """Rebuild `game` (a new ClassGame, lobby) from its store; one line saying where the
    class is, or None if there was nothing to resume."""
    from game.room.classroom.game import Team

    cs = game.cs
    rows, rounds = cs.teams(), cs.rounds()
    if not rows and not rounds:
        return None
    saves, decisions = cs.saves(), cs.decisions()
    for row in rows:
        data = saves.get(row.id)
        session = (
            GameSession.from_save(
                game.world,
                SaveFile.model_validate(data),
                shocks=game.shocks,
                engine_factory=game.engine_factory,
            )
            if data
            else game.new_session(game.area.code)
        )
        mine = [d for d in decisions if d.team == row.name]
        game.teams[row.name.casefold()] = Team(row=row, session=session, decisions=mine)
    game.round = rounds[-1].number if rounds else 0
    game.thrown = _thrown(game)
    if rounds and rounds[-1].ended_at is None:
        return _paused_round(game)
    if game.round >= game.settings.years:
        game.phase = "debrief"
        game.file_plans()
        return f"the class has finished all {game.round} years: the debrief is open"
    game.phase = "between" if game.round else "lobby"
    if game.thrown and game.thrown[-1][0] == game.round:
        game.pending_shock = game.thrown[-1][1]
    if not game.round:
        return f"{plural(len(game.teams), 'team')} waiting in the lobby"
    done, years = game.round, game.settings.years
    return f"year {done} of {years} done: start year {done + 1} when ready"


def _thrown(game: Any) -> list:
    """(years played before it, shock) for each shock in a team's log (all teams get the
    same shocks at the same time)."""
    if not game.teams:
        return []
    out, played = [], 0
    for entry in next(iter(game.teams.values())).session.log:
        if entry.kind == "advance":
            played += 1
        elif isinstance(entry, ThrowShock):
            out.append((played, game.shocks[entry.shock_id]))
    return out


def _paused_round(game: Any) -> str:
    for team in game.teams.values():
        team.decided = {
            d.card_id for d in team.decisions if d.round_number == game.round and not d.auto
        }
    clock = game.cs.settings().get("clock") or {}
    full = game.settings.round_minutes * 60.0
    left = float(clock.get("left", full))
    if clock.get("running"):
        left -= max(0.0, time.time() - float(clock.get("at", time.time())))
    left = min(max(left, MIN_LEFT), max(full, left))
    game.timer.start(left)
    game.timer.pause()
    game.phase = "paused"
    game._keep_clock()
    return (
        f"year {game.round} of {game.settings.years} was in play: it is paused with "
        f"{int(left // 60)}:{int(left % 60):02d} left; press Resume on the teacher's page"
    )
