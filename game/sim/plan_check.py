"""A scenario's plan against the run that carries it out: nothing is dropped silently.

The engine rejects a planned project it cannot fund (over the growth fund, an area outside
the one played) and never reaches one planned after the last funding year; the game shows
those as news, but an analyst's run that quietly leaves a project out gives a wrong answer
that looks right. `simulate` (and the report pack) therefore refuse such a run, naming
each project, unless the caller accepts the drops. Member areas may be given by name.

`--budget none` (an analyst has no growth fund) gives the engine a fund equal to what the
plan spends, capital and running costs over the run, so the fund never turns anything
away and the fund indicator is not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from game.errors import CivicError, ScenarioError
from game.model.world import World
from game.scenarios import Scenario, scenario_catalogue
from game.scenarios.models import PlannedProject
from game.sim.params_bundle import Parameters

if TYPE_CHECKING:  # run_plan builds engines through game.sim.runs, imported when it runs
    from game.sim.engine import Engine


def _label(i: int, planned: PlannedProject) -> str:
    name = f" '{planned.label}'" if planned.label else ""
    return f"projects[{i}]{name} ({planned.type}, {planned.year})"


def resolve_member_areas(world: World, scenario: Scenario, area: str) -> Scenario:
    """The scenario with each project's `area` as a member LAD code: a name ("Redcar and
    Cleveland") is looked up; an area outside the one played is refused naming the project
    (the engine would otherwise reject it at run time and carry on)."""
    everywhere = str(area).strip().lower() in ("all", "england and wales")
    members = set(world.codes if everywhere else world.members(area))
    changed = []
    for i, planned in enumerate(scenario.projects):
        if planned.area is None:
            changed.append(planned)
            continue
        try:
            code = world.resolve(planned.area).code
        except CivicError as exc:
            raise ScenarioError(f"{_label(i, planned)}: area: {exc}") from None
        if code not in members:
            raise ScenarioError(
                f"{_label(i, planned)}: area '{planned.area}' ({code}) is not part of the "
                f"area played ({area}); give one of its member councils"
            )
        changed.append(planned.model_copy(update={"area": code}))
    return scenario.model_copy(update={"projects": tuple(changed)})


def plan_spending(scenario: Scenario, years: int) -> float:
    """Capital plus running costs of every planned project over a run of `years` (an upper
    bound: a project opening late runs for fewer years)."""
    types = scenario_catalogue(scenario).types
    total = 0.0
    for planned in scenario.projects:
        t = types[planned.type]
        total += (t.capital_cost + t.running_cost * years) * planned.scale
    return total


@dataclass(frozen=True)
class PlanCheck:
    dropped: tuple[str, ...]  # one line per project the run left out
    fund_warning: str | None  # the growth fund went below zero (running costs)


def check_run(engine: Engine, scenario: Scenario | None, *, no_fund: bool = False) -> PlanCheck:
    """Which planned projects a finished run left out, and whether running costs took the
    fund below zero (and when)."""
    dropped: list[str] = []
    if scenario is not None:
        plans = list(enumerate(scenario.projects))
        used: set[int] = set()

        def match(year: int, type_id: str) -> str:
            for i, p in plans:
                if i not in used and p.year == year and p.type == type_id:
                    used.add(i)
                    return _label(i, p)
            return f"{type_id} ({year})"

        # Plans are applied in file order, so funded and rejected events each take the
        # next plan of their year and type: the rejected one is named, not its twin.
        for e in engine.log:
            if e.kind == "funded":
                match(e.year, str(e.data.get("type_id", "")))
            elif e.kind == "rejected":
                reason = e.data.get("reason", e.text)
                dropped.append(
                    f"{match(e.year, str(e.data.get('type_id', '')))}: not funded, {reason}"
                )
        last = engine.end_year - 1
        for year, cmd in engine.unapplied_plans():
            dropped.append(
                f"{match(year, cmd.type_id)}: planned after the last funding year of this run "
                f"({last}); run more years or move it"
            )
    return PlanCheck(tuple(dropped), None if no_fund else _fund_warning(engine))


def _fund_warning(engine: Engine) -> str | None:
    below = [r for r in engine.history if r.indicators.get("budget_remaining", 0.0) < -0.5]
    if not below:
        return None
    first, end = below[0], engine.history[-1].indicators["budget_remaining"]
    return (
        f"the growth fund goes below zero in {first.year}: running costs of the funded "
        f"projects leave it at -£{-end / 1e6:,.1f}m by {engine.history[-1].year} "
        "(raise the budget, fund less, or run with --budget none)"
    )


def refuse_dropped(check: PlanCheck) -> None:
    """Raise (exit status 2 on the command line) when the run left projects out."""
    if check.dropped:
        raise ScenarioError(
            f"{'; '.join(check.dropped)}; refusing to report a plan with projects left out "
            "(use --budget none when there is no growth fund, or --allow-dropped to run "
            "without them)"
        )


NO_FUND = "none"


def run_plan(
    world: World,
    area: str,
    scenario: Scenario | None,
    params: Parameters,
    *,
    years: int,
    budget: float | Literal["none"] | None = None,
    allow_dropped: bool = False,
    **engine_kwargs: Any,
) -> tuple[dict[str, Engine], PlanCheck]:
    """Run a plan as `simulate` does (low / central / high, with the parameter bundle
    `params`) and check it: member areas by name, `budget="none"` for no growth fund,
    refusal (ScenarioError) when projects would be left out unless `allow_dropped`. The
    report pack and `validate` call this too."""
    from game.sim.runs import run_low_central_high

    no_fund = budget == NO_FUND
    fund = budget if isinstance(budget, int | float) and not isinstance(budget, bool) else None
    if scenario is not None:
        scenario = resolve_member_areas(world, scenario, area)
        if no_fund:
            fund = plan_spending(scenario, years) + 1.0
    engines = run_low_central_high(
        world, area, params, years=years, scenario=scenario, budget=fund, **engine_kwargs
    )
    check = check_run(engines["central"], scenario, no_fund=no_fund)
    if not allow_dropped:
        refuse_dropped(check)
    return engines, check
