"""Issue 8 point 4: homes build out over years, premises let over years, and a share of
funded homes can be already in the local plan (housing deadweight)."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.scenarios import PlannedProject, Scenario
from game.scenarios.models import ProjectOverride, Source
from game.sim.engine import Engine, FundProject

PARAMS = shipped_parameters()
VACANCY = PARAMS.links.vacancy_rate


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_a_large_site_builds_out_at_its_yearly_rate(world) -> None:
    ptype = PARAMS.catalogue.types["housing_infrastructure"]
    assert ptype.outputs["homes"] == 500 and ptype.build_out_per_year == 200
    eng = Engine(world, "Hartlepool", years=9, budget=1e12, params=PARAMS)
    eng.submit(FundProject("housing_infrastructure"))
    eng.run()
    p = eng.active[0]
    done = [p.homes_delivered(y) for y in range(p.stock_from, p.stock_from + 4)]
    assert done == [200, 400, 500, 500]  # was all 500 at once
    size = PARAMS.household_size[world.resolve("Hartlepool").code]
    lag = PARAMS.links.dwelling_lag_years
    gaps = {
        r.year: r.indicators["population"] - r.baseline_indicators["population"]
        for r in eng.history
    }
    for k, homes in enumerate((200, 400, 500)):
        y = p.stock_from + lag + k
        assert gaps[y] == pytest.approx(homes * (1 - VACANCY) * size, rel=1e-9), y


def test_premises_let_over_the_ramp_up_years_in_the_jobs_account(world) -> None:
    eng = Engine(world, "Hartlepool", years=8, params=PARAMS)
    eng.submit(FundProject("business_park"))
    eng.run()
    p = eng.active[0]
    full = eng.jobs_account().projects[0]
    first = eng.jobs_account(p.opens + 1).projects[0]
    assert first.operational_fte == pytest.approx(full.operational_fte / 3)
    assert eng.jobs_account(p.opens + 3).projects[0].net == pytest.approx(full.net)


def test_homes_already_in_the_plan_add_no_residents(world) -> None:
    src = Source(
        field="housing_deadweight", source="Local plan allocation check, 2025", status="verified"
    )
    plan = Scenario(
        name="allocated",
        overrides=(ProjectOverride(id="affordable_homes", housing_deadweight=0.4, sources=(src,)),),
        projects=(PlannedProject(type="affordable_homes", scale=5),),
    )
    with_dw = Engine(world, "Hartlepool", years=5, scenario=plan, params=PARAMS)
    with_dw.run()
    plain = Engine(world, "Hartlepool", years=5, params=PARAMS)
    plain.submit(FundProject("affordable_homes", scale=5))
    plain.run()

    def gap(e: Engine) -> float:
        return float((e.P - e.Pb).sum())

    assert gap(plain) > 1000
    assert gap(with_dw) == pytest.approx(0.6 * gap(plain), rel=1e-9)
