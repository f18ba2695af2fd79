"""Looking ahead without changing anything: a project's appraisal and the consultation
preview of what it would do to each group's approval.

The preview runs the engine's own indicator arithmetic (game.sim.indicators.compute) on
this year's inputs with the project's outputs added, so a preview and the year that
follows can never disagree about what an output is worth.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from game.errors import ScenarioError
from game.scenarios.catalogue import unknown_type_message
from game.scenarios.models import ProjectType
from game.sim import indicators as ind
from game.sim.appraisal import Appraisal, appraise
from game.sim.approval import ApprovalModel, Contribution, project_target
from game.sim.area_setup import AreaContext
from game.sim.params_bundle import Parameters
from game.sim.project_queue import ProjectQueue
from game.sim.records import FundProject, Preview
from game.sim.year_step import add_open_stocks

MIN_SHOWN = 0.005


def appraise_type(ctx: AreaContext, type_id: str, scale: float, start_offset: int = 0) -> Appraisal:
    """The appraisal of one project type at `scale` for this area and variant; present
    values discounted to `start_offset` years before its funding year."""
    if type_id not in ctx.catalogue.types:
        raise ScenarioError(unknown_type_message(type_id, ctx.catalogue.types))
    ptype = ctx.catalogue.types[type_id]
    update: dict[str, object] = {"additionality": ctx.level_factors(ptype)}
    d = ctx.variant.delivery_factor  # the variant's delivery risk on operational jobs
    if d != 1.0:
        update["operational_fte"] = {k: v * d for k, v in ptype.operational_fte.items()}
    if ctx.variant.delay_years:  # ... and timing risk: it opens later, benefits start later
        update["build_years"] = ptype.build_years + ctx.variant.delay_years
    ptype = ptype.model_copy(update=update)
    result = appraise(
        ptype,
        scale,
        ctx.level,
        ctx.wider_level,
        dict(ctx.played.profile.groups),
        ctx.params.appraisal,
        construction={
            ctx.level: ctx.construction(ctx.level),
            ctx.wider_level: ctx.construction(ctx.wider_level),
        },
        national_construction=ctx.params.catalogue.profiles["construction"].levels["national"],
        start_offset=start_offset,
    )
    reach = result.people_affected
    homes = ptype.outputs.get("homes", 0.0)
    if homes and ptype.housing == "general":
        # general homes house the area's own households (Census 2021 household size), not
        # E&W's 2.36 per home that the catalogue's people_served assumes
        reach = homes * scale * ctx.start.household_size
    # A project cannot reach more people than live in the area (a small island).
    reach = min(reach, float(ctx.start.population))
    return dataclasses.replace(result, people_affected=reach)


def preview_indicators(
    ctx: AreaContext, queue: ProjectQueue, inputs: ind.IndicatorInputs, cmd: FundProject, year: int
) -> tuple[dict[str, float], dict[str, float]]:
    """(indicators now, indicators once the project is open), by the one arithmetic."""
    p = queue.make(cmd, year, "preview")
    stocks = inputs.stocks.copy()
    add_open_stocks(stocks, p)
    stocks.running_cost += p.running
    specs, ip = ctx.params.indicator_specs, ctx.params.indicator
    now = ind.compute(ctx.start, specs, ip, inputs)
    return now, ind.compute(ctx.start, specs, ip, inputs.with_stocks(stocks))


def preview_approval(
    ctx: AreaContext,
    queue: ProjectQueue,
    model: ApprovalModel,
    inputs: ind.IndicatorInputs,
    cmd: FundProject,
    year: int,
) -> Preview:
    """Change in each group's approval target once the project is open (consultation)."""
    ptype = ctx.catalogue.get(cmd.type_id)
    pop = float(inputs.population.sum())
    direct = project_target(
        model.groups, ptype.group_effects, cmd.scale, pop, True, ctx.params.approval
    )
    now, after = preview_indicators(ctx, queue, inputs, cmd, year)
    start = ctx.start_indicators
    d_ind = model.indicator_targets(ind.signals(after, start)) - model.indicator_targets(
        ind.signals(now, start)
    )
    labels = {k: v.label for k, v in ctx.params.indicator_specs.items()}
    label = cmd.label or ptype.describe(cmd.scale)
    result: Preview = {}
    for gi, g in enumerate(model.groups):
        items = (
            [Contribution("project:preview", None, float(direct[gi]), label)]
            if abs(direct[gi]) >= MIN_SHOWN
            else []
        )
        for k, name in enumerate(ind.SIGNAL_INDICATORS):
            d = float(d_ind[gi, k])
            if abs(d) >= MIN_SHOWN:
                items.append(Contribution("indicator", name, d, labels.get(name, name)))
        items.sort(key=lambda c: -abs(c.delta))
        result[g] = (float(sum(c.delta for c in items)), items)
    return result


def zero_stocks() -> ind.Stocks:
    return ind.Stocks(index_points={})


def start_inputs(
    P0: np.ndarray, labour_force: float, unemployed: float, jobs: float, budget: float
) -> ind.IndicatorInputs:
    """The indicator inputs of the start year (no projects)."""
    return ind.IndicatorInputs(
        0, P0, float(P0.sum()), labour_force, unemployed, jobs, zero_stocks(), budget
    )


def appraise_with(
    params: Parameters,
    ptype: ProjectType,
    scale: float,
    level: str,
    wider_level: str,
    groups: Mapping[str, int] | None = None,
    appraisal: Mapping[str, float] | None = None,
) -> Appraisal:
    """An appraisal outside any engine run (catalogue factors as they stand, central
    variant): for tools and tests. `appraisal` replaces the appraisal parameters."""
    construction = params.catalogue.profiles["construction"].levels
    return appraise(
        ptype,
        scale,
        level,
        wider_level,
        groups,
        appraisal if appraisal is not None else params.appraisal,
        construction=construction,
        national_construction=construction["national"],
    )
