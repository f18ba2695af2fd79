"""Labour market arithmetic on a one-area example worked out by hand, and on the real world."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.model.area import N_AGES
from game.sim.labour import (
    SECTIONS,
    LabourBase,
    calibrate_labour,
    calibrate_labour_from_arrays,
    labour_market,
)
from game.sim.migration_links import MigrationLinkParams, migrants_for_jobs

LINKS = MigrationLinkParams(
    household_size=2.36, vacancy_rate=0.03, double_jobbing=1.0, dwelling_lag_years=1,
    jobs_lag_years=1, take_up_unemployed=0.3, take_up_inactive=0.1, unemployment_floor=0.02,
    migrant_activity_rate=0.5,
)  # fmt: skip


def one_area() -> tuple[np.ndarray, LabourBase]:
    P = np.zeros((1, 2, N_AGES))
    P[0, 0, 20:30] = 100.0  # 1,000 men aged 20-29
    schedule = np.zeros((2, N_AGES))
    schedule[:, 16:] = 0.5
    industry = np.zeros((1, 21))
    industry[0, SECTIONS.index("C")] = 30.0
    industry[0, SECTIONS.index("Q")] = 70.0
    base = calibrate_labour_from_arrays(
        ("A",), P, active=np.array([600.0]), unemployed=np.array([60.0]),
        residents_16_plus=np.array([1000.0]), live_and_work=np.array([300.0]),
        resident_workers=np.array([540.0]), workplace_jobs=np.array([400.0]),
        industry=industry, schedule=schedule, links=LINKS,
    )  # fmt: skip
    return P, base


def test_base_year_reproduces_the_census_counts() -> None:
    P, base = one_area()
    assert base.activity_rate[0, 0, 25] == pytest.approx(0.6)  # 0.5 scaled to 600/1000
    s = labour_market(P, base)
    assert s.labour_force[0] == pytest.approx(600.0)
    assert s.employed_residents[0] == pytest.approx(540.0)
    assert s.unemployed[0] == pytest.approx(60.0)
    assert s.unemployment_rate[0] == pytest.approx(0.1)
    assert s.workplace_jobs[0] == pytest.approx(400.0)
    assert s.in_commuters[0] == pytest.approx(100.0)  # 400 jobs - 300 local workers
    assert s.out_commuters[0] == pytest.approx(240.0)  # 540 workers - 300 local
    assert s.jobs_by_section[0, SECTIONS.index("Q")] == pytest.approx(280.0)
    assert s.jobs_by_section.sum() == pytest.approx(400.0)


def test_new_jobs_go_to_local_unemployed_and_inactive_first() -> None:
    P, base = one_area()
    s = labour_market(P, base, extra_jobs=np.array([100.0]))
    # residents hold 300/400 of jobs -> 75 resident jobs; 30% (22.5) from the unemployed,
    # 10% (7.5) from the inactive, who join the labour force; the rest by in-commuters
    assert s.local_take_up[0] == pytest.approx(30.0)
    assert s.labour_force[0] == pytest.approx(607.5)
    assert s.employed_residents[0] == pytest.approx(570.0)
    assert s.unemployed[0] == pytest.approx(37.5)
    assert s.workplace_jobs[0] == pytest.approx(500.0)
    assert s.in_commuters[0] == pytest.approx(170.0)
    assert s.out_commuters[0] == pytest.approx(240.0)


def test_extra_jobs_by_section_land_in_their_sections() -> None:
    P, base = one_area()
    extra = np.zeros((1, 21))
    extra[0, SECTIONS.index("J")] = 50.0
    s = labour_market(P, base, extra_jobs=extra)
    assert s.jobs_by_section[0, SECTIONS.index("J")] == pytest.approx(50.0)
    assert s.workplace_jobs[0] == pytest.approx(450.0)


def test_jobs_led_migrants_fill_what_locals_do_not_and_are_not_double_counted() -> None:
    P, base = one_area()
    state = labour_market(P, base)
    m = migrants_for_jobs(np.array([100.0]), state, LINKS)
    # 75 resident jobs - 30 local take-up = 45 workers; /(1 - 0.1) = 50 active; /0.5 = 100
    assert m[0] == pytest.approx(100.0)
    losses = migrants_for_jobs(np.array([-100.0]), state, LINKS)
    assert losses[0] == pytest.approx(-100.0)
    # the movers arrive (100 men aged 25, activity 0.6 -> 60 more in the labour force);
    # with the baseline population given, jobs do not grow with them
    P2 = P.copy()
    P2[0, 0, 25] += 100.0
    s = labour_market(P2, base, extra_jobs=np.array([100.0]), baseline_population=P)
    assert s.workplace_jobs[0] == pytest.approx(500.0)
    assert s.labour_force[0] == pytest.approx(667.5)
    assert s.employed_residents[0] == pytest.approx(570.0 + 54.0)
    assert s.in_commuters[0] == pytest.approx(500.0 - (300.0 + 30.0 + 45.0))


def test_real_world_base_matches_census_unemployment() -> None:
    world = load_world()
    base = calibrate_labour(world, world.codes)
    s = labour_market(world.population_array(), base)
    rate = s.unemployed.sum() / s.labour_force.sum()
    assert rate == pytest.approx(1_675_200 / 29_448_856, abs=0.002)  # TS066 E&W
    i = world.index["E06000001"]
    assert s.workplace_jobs[i] == pytest.approx(world.areas["E06000001"].commuting.workplace_jobs)
    assert np.all(s.in_commuters >= 0) and np.all(s.out_commuters >= 0)
    assert np.all((s.unemployment_rate > 0.005) & (s.unemployment_rate < 0.15))
