"""Assembling a class's debrief from its teams' finished games (ClassGame.debrief).

The black line every team is measured against is a game with no new projects played in
the same area, with the same seed, hit by the same shocks at the same years as the teams:
"no new projects, same shock". (The engine's own baseline never feels a shock, so a team
that built nothing would sit below it and read as if doing nothing had lost people.) When
the teams played different areas, each is compared with its own area's line.
"""

from __future__ import annotations

from typing import Any

from game.model.world import World
from game.play import GameSession, load_rulebook
from game.play.shocks import ShockDef
from game.room.classroom.debrief import (
    AreaFacts,
    Baseline,
    Debrief,
    TeamResult,
    census_facts,
    endings,
    prompts,
    team_result,
)
from game.room.store.classes import DecisionRow


def baseline_label(shocks: list[Any]) -> str:
    if not shocks:
        return "No new projects"
    return "No new projects, same shock" if len(shocks) == 1 else "No new projects, same shocks"


def no_projects_line(
    world: World,
    area_code: str,
    *,
    seed: int,
    years: int,
    thrown: list[tuple[int, ShockDef]],
    shocks: dict[str, ShockDef],
    engine_factory: Any = None,
) -> Baseline:
    """Play `years` with no decision at all, throwing each shock after the same number of
    years as in the class; its own figures are the line."""
    s = GameSession.new(
        world, area_code, seed=seed, years=years, engine_factory=engine_factory, shocks=shocks
    )
    for turn in range(years):
        for n, shock in thrown:
            if n == turn:
                s.throw_shock(shock.id)
        s.advance_year()
    return Baseline(
        area_code=s.area.code,
        area_name=s.area.name,
        population=[(p.year, p.scenario) for p in s.series("population")],
        jobs=[(p.year, p.scenario) for p in s.series("jobs")],
    )


def build(
    game: Any,  # ClassGame (typed loosely: game.py imports this module)
    baselines: dict[str, Baseline],
    decisions: list[DecisionRow],
) -> Debrief:
    """The debrief of `game` (in its debrief phase), given each area's line (cached by the
    caller: a debrief page is read many times, the line is played once)."""
    results: list[TeamResult] = []
    areas: dict[str, Any] = {}
    for team in game.teams.values():
        s = team.session
        areas.setdefault(s.area.code, s.area)
        funded = [d.name for d in team.decisions if d.kind == "funded"]
        result = team_result(team.row.name, (s.area.code, s.area.name), s.census_report(), funded)
        line = baselines[s.area.code].population
        result.population_vs_baseline = result.population - (line[-1][1] if line else 0.0)
        results.append(result)
    same = len(areas) <= 1
    area_name = next(iter(areas.values())).name if same and areas else game.area.name
    if not same:
        area_name = "each team's own area"
    names = [n.name for _, n in game.thrown]
    sections = getattr(game.world, "section_names", {})
    return Debrief(
        room=game.room_name,
        area_name=area_name,
        same_area=same,
        years=game.settings.years,
        start_year=min((t.session.snapshots[0].year for t in game.teams.values()), default=2021),
        teams=results,
        baselines=baselines,
        baseline_label=baseline_label(game.thrown),
        decisions=decisions,
        shocks=[(n, s.name) for n, s in game.thrown],
        prompts=prompts(results, decisions, names, area_name),
        facts=[
            AreaFacts(area_name=a.name, facts=census_facts(a, sections)) for a in areas.values()
        ],
        endings=endings(load_rulebook().rules),
    )
