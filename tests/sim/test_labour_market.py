"""Labour market arithmetic on a one-area example worked out by hand, and on the real world."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.model.area import N_AGES
from game.play.shipped import shipped_parameters
from game.sim.labour import (
    SECTIONS,
    LabourBase,
    calibrate_labour,
    calibrate_labour_from_arrays,
    labour_market,
)
from game.sim.migration_links import MigrationLinkParams, migrants_for_jobs

PARAMS = shipped_parameters()

LINKS = MigrationLinkParams(
    household_size=2.36,
    vacancy_rate=0.03,
    double_jobbing=1.0,
    dwelling_lag_years=1,
    jobs_lag_years=1,
    take_up_unemployed=0.3,
    take_up_inactive=0.1,
    unemployment_floor=0.02,
    migrant_activity_rate=0.5,
)


def one_area() -> tuple[np.ndarray, LabourBase]:
    P = np.zeros((1, 2, N_AGES))
    P[0, 0, 20:30] = 100.0  # 1,000 men aged 20-29
    schedule = np.zeros((2, N_AGES))
    schedule[:, 16:] = 0.5
    industry = np.zeros((1, 21))
    industry[0, SECTIONS.index("C")] = 30.0
    industry[0, SECTIONS.index("Q")] = 70.0
    base = calibrate_labour_from_arrays(
        ("A",),
        P,
        active=np.array([600.0]),
        unemployed=np.array([60.0]),
        residents_16_plus=np.array([1000.0]),
        live_and_work=np.array([300.0]),
        resident_workers=np.array([540.0]),
        workplace_jobs=np.array([400.0]),
        industry=industry,
        schedule=schedule,
        links=LINKS,
    )
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
    base = calibrate_labour(world, world.codes, PARAMS.activity, PARAMS.links)
    s = labour_market(world.population_array(), base)
    rate = s.unemployed.sum() / s.labour_force.sum()
    assert rate == pytest.approx(1_675_200 / 29_448_856, abs=0.002)  # TS066 E&W
    i = world.index["E06000001"]
    assert s.workplace_jobs[i] == pytest.approx(world.areas["E06000001"].commuting.workplace_jobs)
    assert np.all(s.in_commuters >= 0) and np.all(s.out_commuters >= 0)
    assert np.all((s.unemployment_rate > 0.005) & (s.unemployment_rate < 0.15))


def test_workplace_jobs_by_section_follow_the_commuters_home_mix() -> None:
    from game.sim.labour import commuting_weighted_industry

    C, G, Q = (SECTIONS.index(s) for s in "CGQ")
    industry = np.zeros((2, 21))
    industry[0, [C, G]] = [80.0, 20.0]  # area X residents: 80% manufacturing
    industry[1, [G, Q]] = [50.0, 50.0]  # area Y residents: half retail, half health
    commute = np.array([[60, 40], [10, 90]])  # [home, work]
    jobs = commuting_weighted_industry(commute, industry, [0, 1])
    # X: 60 X-residents (48 C, 12 G) + 10 Y-residents (5 G, 5 Q) = 70 jobs.
    assert jobs[0, [C, G, Q]] == pytest.approx([48.0, 17.0, 5.0])
    # Y: 40 X-residents (32 C, 8 G) + 90 Y-residents (45 G, 45 Q) = 130 jobs.
    assert jobs[1, [C, G, Q]] == pytest.approx([32.0, 53.0, 45.0])
    assert jobs.sum(axis=1) == pytest.approx(commute.sum(axis=0))
    # In the labour base these shares split each area's workplace jobs (not the residents').
    P = np.zeros((2, 2, N_AGES))
    P[:, 0, 20:30] = 100.0
    base = calibrate_labour_from_arrays(
        ("X", "Y"),
        P,
        active=np.array([600.0, 600.0]),
        unemployed=np.array([60.0, 60.0]),
        residents_16_plus=np.array([1000.0, 1000.0]),
        live_and_work=np.array([60.0, 90.0]),
        resident_workers=np.array([100.0, 100.0]),
        workplace_jobs=np.array([70.0, 130.0]),
        industry=industry,
        schedule=PARAMS.activity,
        links=LINKS,
        workplace_industry=jobs,
    )
    s = labour_market(P, base)
    assert s.jobs_by_section[0, [C, G, Q]] == pytest.approx([48.0, 17.0, 5.0])
    assert s.jobs_by_section[1, [C, G, Q]] == pytest.approx([32.0, 53.0, 45.0])


def test_real_world_workplace_mix_differs_from_the_residents_mix() -> None:
    world = load_world()
    code = world.resolve("Hartlepool").code
    base = calibrate_labour(world, (code,), PARAMS.activity, PARAMS.links)
    residents = np.array([world.areas[code].industry.get(s, 0) for s in SECTIONS], float)
    assert base.section_shares.sum() == pytest.approx(1.0)
    assert not np.allclose(base.section_shares[0], residents / residents.sum())
