"""A shock thrown at a game: the engine feels it from the next year (jobs by industry, a
one-off migration), the baseline does not, and the next newspaper leads with it."""

from __future__ import annotations

import pytest

from game.play import GameSession
from game.sim.records import Shock


@pytest.fixture(scope="module")
def world():
    from game.census import load_world

    return load_world()


def test_a_shock_moves_jobs_and_people_and_leads_the_news(world):
    calm = GameSession.new(world, "Hartlepool", seed=3, years=5)
    hit = GameSession.new(world, "Hartlepool", seed=3, years=5)
    calm.advance_year()
    hit.advance_year()
    shock = Shock(id="plant", name="Plant closes", jobs_by_section={"C": -800}, migrants=-300)
    hit.apply_shock(shock, "Chemicals plant closes with 800 jobs lost")
    calm_year, hit_year = calm.advance_year(), hit.advance_year()
    assert hit.headline().jobs == pytest.approx(calm.headline().jobs - 800, abs=1)
    assert hit.headline().population == pytest.approx(calm.headline().population - 300, abs=1)
    # the no-new-projects baseline is the world without the shock
    assert hit.snapshots[-1].jobs_baseline == pytest.approx(calm.snapshots[-1].jobs_baseline)
    assert hit_year.news[0].key == "news.shock"
    assert hit_year.news[0].text == "Chemicals plant closes with 800 jobs lost"
    assert all(n.key != "news.shock" for n in calm_year.news)
    # felt again every later year (the jobs stay lost), printed once
    later = hit.advance_year()
    calm.advance_year()
    assert hit.headline().jobs < calm.headline().jobs - 700
    assert all(n.key != "news.shock" for n in later.news)


def test_a_shock_naming_no_industry_section_is_refused(world):
    from game.errors import ScenarioError

    s = GameSession.new(world, "Hartlepool", seed=3, years=5)
    with pytest.raises(ScenarioError, match="section 'Z'"):
        s.apply_shock(Shock(id="bad", name="bad", jobs_by_section={"Z": 5}), "x")
