"""Engine.jobs_account: the one jobs vocabulary (gross, net new, jobs vs baseline)."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.errors import ScenarioError
from game.play.shipped import shipped_parameters
from game.resources import data_dir
from game.scenarios import PlannedProject, Scenario, load_catalogue, load_scenario
from game.scenarios.models import Factors, ProjectType, Source
from game.sim.engine import Engine, FundProject

SCENARIO = data_dir() / "scenarios" / "hartlepool_business_park_skills.json"

PARAMS = shipped_parameters()


@pytest.fixture(scope="module")
def world():
    return load_world()


@pytest.fixture(scope="module")
def hartlepool(world):
    eng = Engine(world, "Hartlepool", scenario=load_scenario(SCENARIO), params=PARAMS)
    eng.run()
    return eng


def test_projects_sum_to_the_totals_and_the_indicator(hartlepool) -> None:
    acc = hartlepool.jobs_account()
    assert acc.year == 2031 and len(acc.projects) == 6 and acc.not_yet_open == ()
    assert acc.net_additional == pytest.approx(sum(p.local.net for p in acc.projects))
    assert acc.net_additional_wider == pytest.approx(sum(p.wider.net for p in acc.projects))
    assert acc.gross_total == pytest.approx(acc.gross_operational_fte + acc.construction_fte)
    assert acc.gross_total == pytest.approx(sum(p.local.gross for p in acc.projects))
    rebuilt = (
        acc.gross_total
        - acc.deadweight
        - acc.leakage
        - acc.displacement
        - acc.substitution
        + acc.multiplier_gain
    )
    assert rebuilt == pytest.approx(acc.net_additional)
    assert acc.cost_to_date == pytest.approx(sum(p.capital for p in hartlepool.active))
    assert acc.cost_per_net_job == pytest.approx(acc.cost_to_date / acc.net_additional)
    # The yearly indicator is the same measure, so every screen shows one number.
    for rec in hartlepool.history:
        assert rec.indicators["net_additional_jobs"] == pytest.approx(
            hartlepool.jobs_account(rec.year).net_additional
        )
    last = hartlepool.history[-1]
    assert acc.jobs_vs_baseline == pytest.approx(
        last.indicators["jobs"] - last.baseline_indicators["jobs"]
    )
    # The appraisal of each project (what the cards show) agrees with its account part.
    for part in acc.projects:
        scale = next(p.scale for p in hartlepool.active if p.id == part.project_id)
        assert hartlepool.appraise(part.type_id, scale).local.total.net == pytest.approx(
            part.local.net
        )


def test_every_variant_appraises_like_its_account(world) -> None:
    from game.sim.runs import run_low_central_high

    sc = Scenario(name="t", projects=(PlannedProject(type="business_park"),))
    # seven years: the park opens in 2024 and its premises let over three years
    for eng in run_low_central_high(
        world, "Hartlepool", years=7, scenario=sc, params=PARAMS
    ).values():
        part = eng.jobs_account().projects[0]
        a = eng.appraise("business_park")
        assert a.local.total.net == pytest.approx(part.local.net)
        assert a.wider.total.net == pytest.approx(part.wider.net)


def test_projects_still_being_built_are_listed_not_counted(hartlepool) -> None:
    mid = hartlepool.jobs_account(2024)  # offshore wind units open in 2025
    assert ("Offshore wind supply-chain units", 2025) in mid.not_yet_open
    assert "offshore_wind_supply_units" not in {p.type_id for p in mid.projects}
    assert hartlepool.jobs_account(2021).net_additional == 0.0
    with pytest.raises(ScenarioError, match="2040"):
        hartlepool.jobs_account(2040)


def test_a_project_opening_after_the_plan_end_is_excluded(world) -> None:
    build = load_catalogue().get("business_park").build_years
    assert build >= 2
    sc = Scenario(
        name="late",
        projects=(
            PlannedProject(type="business_growth_grants", year=2021),
            PlannedProject(type="business_park", year=2022, label="Late park"),
        ),
    )
    eng = Engine(world, "Hartlepool", years=2, scenario=sc, params=PARAMS)
    eng.run()
    acc = eng.jobs_account()
    assert acc.not_yet_open == (("Late park", 2022 + build),)
    assert [p.type_id for p in acc.projects] == ["business_growth_grants"]
    grants = eng.appraise("business_growth_grants")
    assert acc.net_additional == pytest.approx(grants.local.total.net)
    assert acc.cost_to_date == pytest.approx(grants.capital_cost)


def _hand_type() -> ProjectType:
    f = Factors(leakage=0.1, displacement=0.2, substitution=0.0, deadweight=0.5, multiplier=1.5)
    return ProjectType(
        id="hand_case",
        name="Hand case",
        category="business",
        capital_cost=3_000_000,
        build_years=1,
        operational_fte={"C": 100},
        additionality_profile="custom",
        additionality={lv: f for lv in ("lad", "sub_region", "region", "national")},
        sources=(
            Source(field="capital_cost", source="test value", status="assumption"),
            Source(field="build_years", source="test value", status="assumption"),
            Source(field="operational_fte", source="test value", status="assumption"),
            Source(field="additionality", source="test value", status="assumption"),
        ),
    )


def test_hand_computed_account(world) -> None:
    cat = load_catalogue(extra=[_hand_type()])
    eng = Engine(world, "Hartlepool", years=3, catalogue=cat, params=PARAMS)
    eng.submit(FundProject("hand_case"))
    eng.run()
    acc = eng.jobs_account()
    # A custom type keeps its own leakage (10%): census leakage replaces only a catalogue
    # profile's value (issue 8; it used to overwrite this one with Hartlepool's 20.5%).
    leak = 0.1
    assert acc.projects[0].leakage_basis == "scenario"
    # 100 gross -> deadweight 50 -> leakage 50*leak -> displacement 20% -> x1.5.
    net = 100 * 0.5 * (1 - leak) * 0.8 * 1.5
    assert acc.gross_total == pytest.approx(100.0) and acc.construction_fte == 0.0
    assert acc.deadweight == pytest.approx(50.0)
    assert acc.leakage == pytest.approx(50 * leak)
    assert acc.displacement == pytest.approx(50 * (1 - leak) * 0.2)
    assert acc.net_additional == pytest.approx(net)
    assert acc.cost_per_net_job == pytest.approx(3_000_000 / net)
    # Jobs located here are before leakage: 100 x 0.5 x 0.8 x 1.5 = 60 in the labour model.
    assert acc.jobs_vs_baseline == pytest.approx(60.0, rel=1e-6)
