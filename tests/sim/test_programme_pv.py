"""Issue 8: a programme's present values are all discounted to one base year (the run's
first year), so they add up; each project's flows start when the engine starts them."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.scenarios import PlannedProject, Scenario
from game.sim.engine import Engine
from game.sim.outputs import project_jobs_table, project_totals_table
from game.sim.runs import run_low_central_high

PARAMS = shipped_parameters()
R = PARAMS.appraisal["discount_rate"]


def test_a_later_project_is_discounted_to_the_runs_first_year() -> None:
    world = load_world()
    plan = Scenario(
        name="twice",
        projects=(
            PlannedProject(type="business_park", year=2021),
            PlannedProject(type="business_park", year=2024),
        ),
    )
    engines = run_low_central_high(world, "Hartlepool", PARAMS, years=8, scenario=plan)
    eng = engines["central"]
    first, later = eng.state.projects
    a0 = eng.appraise("business_park", started=first.started)
    a3 = eng.appraise("business_park", started=later.started)
    assert later.started - first.started == 3
    assert a3.pv_costs == pytest.approx(a0.pv_costs / (1 + R) ** 3, rel=1e-12)
    assert a3.pv_benefits == pytest.approx(a0.pv_benefits / (1 + R) ** 3, rel=1e-12)
    assert a3.bcr == pytest.approx(a0.bcr)  # a ratio does not depend on the base year
    # the programme total adds the two on one base year (it added 2 x the first before)
    totals = project_totals_table(project_jobs_table(engines))
    total = totals[
        (totals.level == "lad") & (totals.variant == "central") & (totals.part == "total")
    ].iloc[0]
    assert total.gva_pv_costs == pytest.approx(a0.pv_costs * (1 + (1 + R) ** -3), rel=1e-9)


def test_benefits_start_in_the_year_the_engine_starts_the_jobs() -> None:
    """Funded in year s with build time b, operational jobs count from the record year
    s + b + 1, i.e. the flow over year s + b; its benefit is discounted by (1+r)^-(s+b)."""
    world = load_world()
    eng = Engine(world, "Hartlepool", years=6, params=PARAMS)
    b = PARAMS.catalogue.types["business_park"].build_years
    params = dict(PARAMS.appraisal, appraisal_years=1, job_benefit_decay=0.0)
    from game.sim.previews import appraise_with

    ptype = PARAMS.catalogue.types["business_park"]
    a = appraise_with(PARAMS, ptype, 1.0, "lad", "sub_region", appraisal=params)
    first = 1 / ptype.ramp_up_years if ptype.ramp_up_years else 1.0  # premises letting
    one_year = a.local.operational.net * first * params["gva_per_fte"] + ptype.annual_benefit
    assert a.pv_benefits == pytest.approx(one_year / (1 + R) ** b, rel=1e-12)
    # and the engine's first year with the operational jobs is the record year s + b + 1
    from game.sim.engine import FundProject

    eng.submit(FundProject("business_park"))
    eng.run()
    years = [r.year for r in eng.history if r.project_jobs.get("p1", {}).get("operational")]
    assert years[0] == eng.start_year + b + 1
