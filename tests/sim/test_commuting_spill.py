"""Issue 8 point 4: in a grouping, jobs created in one member reach its neighbours through
the census commuting matrix, so unemployment and jobs-led migration move where the
workers live (they used to stay in the member where the jobs are)."""

from __future__ import annotations

import numpy as np
import pytest

from game.census import load_world
from game.play.shipped import shipped_parameters
from game.sim.engine import Engine, FundProject

PARAMS = shipped_parameters()


def test_jobs_in_one_member_are_taken_up_where_the_workers_live() -> None:
    world = load_world()
    mid = world.resolve("Middlesbrough").code
    redcar = world.resolve("Redcar and Cleveland").code
    eng = Engine(world, "Tees Valley", years=7, budget=1e12, params=PARAMS)
    eng.submit(FundProject("business_park", scale=2, area_code=mid))
    eng.run()
    i, j = eng.codes.index(mid), eng.codes.index(redcar)
    t = eng.history[-1].trace
    # the jobs are located in Middlesbrough only ...
    jobs_gain = t.workplace_jobs - t.baseline_workplace_jobs
    assert jobs_gain[i] > 300 and abs(jobs_gain[j]) < jobs_gain[i] / 50
    # ... but Redcar's residents take part of them: its unemployment falls too
    assert t.unemployment_rate[j] < t.baseline_unemployment_rate[j] - 1e-4
    # and some of the people who move in for them settle in Redcar
    gain = (eng.P - eng.Pb).sum(axis=(1, 2))
    assert gain[j] > 0.05 * gain[i]
    # the shares come from the census: Middlesbrough's jobs held by Redcar residents
    share = world.commute_matrix[world.index[redcar], world.index[mid]]
    share = share / world.areas[mid].commuting.workplace_jobs
    assert eng.labour_base.home_share[j, i] == pytest.approx(share)
    np.testing.assert_allclose(
        np.diag(eng.labour_base.home_share), eng.labour_base.resident_share_of_jobs
    )


def test_a_single_area_keeps_its_own_residents_share() -> None:
    world = load_world()
    eng = Engine(world, "Hartlepool", years=1, params=PARAMS)
    assert eng.labour_base.home_share.shape == (1, 1)
    assert eng.labour_base.home_share[0, 0] == pytest.approx(
        eng.labour_base.resident_share_of_jobs[0]
    )
