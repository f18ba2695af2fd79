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


def _fund_cheapest(s: GameSession) -> None:
    from game.play import Fund

    cards = sorted(s.proposals, key=lambda c: c.cost)
    if cards and cards[0].cost <= s.money:
        assert s.act(Fund(card_id=cards[0].id)).ok


def test_a_thrown_shock_is_in_the_save_and_replays_to_the_same_game(world):
    """Thrown in year 3 (after two year ends), saved, replayed: the same game (money,
    people, jobs, every newspaper), and the log names the shock in its place."""
    from game.play import SaveFile, ThrowShock

    s = GameSession.new(world, "Hartlepool", seed=5, years=5)
    for year in range(5):
        if year == 2:
            assert s.throw_shock("flood").id == "flood"
        _fund_cheapest(s)
        s.advance_year()
    save = SaveFile.model_validate_json(s.to_save().model_dump_json())
    assert [c for c in save.commands if isinstance(c, ThrowShock)] == [ThrowShock(shock_id="flood")]
    # after the second year end, before the third year's first decision
    i = save.commands.index(ThrowShock(shock_id="flood"))
    assert sum(c.kind == "advance" for c in save.commands[:i]) == 2
    again = GameSession.from_save(world, save)
    assert again.money == pytest.approx(s.money)
    assert again.headline() == s.headline()
    assert [n.model_dump() for n in again.news_archive] == [n.model_dump() for n in s.news_archive]
    assert sum(n.key == "news.shock" for n in again.news_archive) == 1
    assert again.checksums == s.checksums
    # the shock mattered: without it the checksums no longer match, and the same choices
    # (checksums dropped) end with more jobs
    from game.errors import SaveError

    without = save.commands[:i] + save.commands[i + 1 :]
    with pytest.raises(SaveError, match="replay differs"):
        GameSession.from_save(world, save.model_copy(update={"commands": without}))
    calm = GameSession.from_save(
        world, save.model_copy(update={"commands": without, "checksums": {}})
    )
    assert calm.headline().jobs > s.headline().jobs + 100


def test_an_old_save_with_no_shock_commands_still_loads(world):
    """A save written before shocks were logged (the JSON has only fund/defer/advance...)."""
    from game.play import SaveFile

    s = GameSession.new(world, "Hartlepool", seed=5, years=5)
    _fund_cheapest(s)
    s.advance_year()
    text = s.to_save().model_dump_json()
    assert '"shock"' not in text
    again = GameSession.from_save(world, SaveFile.model_validate_json(text))
    assert again.checksums == s.checksums and again.money == pytest.approx(s.money)


def test_a_shock_ends_undo_for_the_decisions_before_it(world):
    s = GameSession.new(world, "Hartlepool", seed=5, years=5)
    _fund_cheapest(s)
    assert s.check_undo().ok
    s.throw_shock("flood")
    assert not s.check_undo().ok


def test_a_save_naming_a_shock_no_longer_defined_is_a_clean_save_error(world):
    from game.errors import SaveError
    from game.play import SaveFile

    s = GameSession.new(world, "Hartlepool", seed=5, years=5)
    s.advance_year()
    s.throw_shock("recession")
    data = s.to_save().model_dump(mode="json")
    data["commands"][-1]["shock_id"] = "meteor"
    with pytest.raises(SaveError, match="shock 'meteor'"):
        GameSession.from_save(world, SaveFile.model_validate(data))


def test_going_back_to_the_year_a_shock_was_thrown_keeps_the_shock(world):
    """A shock thrown in the break after year 2 is the world's, not a choice: going back to
    the end of year 2 keeps it; going back to year 1 leaves it out."""
    from game.play.branches import truncated

    s = GameSession.new(world, "Hartlepool", seed=5, years=5)
    for year in range(4):
        if year == 2:
            s.throw_shock("flood")
        _fund_cheapest(s)
        s.advance_year()
    save = s.to_save()
    assert [c.kind for c in truncated(save, 2).commands][-1] == "shock"
    assert "shock" not in {c.kind for c in truncated(save, 1).commands}
    GameSession.from_save(world, truncated(save, 2))  # replays, checksums checked
