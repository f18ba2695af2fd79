"""What if? Branch a real Hartlepool game at year 3, play both lines to the end, keep the
first, and save and continue with both (game.play.branches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.census import load_world
from game.errors import SaveError
from game.play import Fund, GameSession, Reject, SaveFile
from game.play.branches import go_back, kept_session, truncated, went_back_to
from game.store import load, save_atomic


@pytest.fixture(scope="module")
def world():
    return load_world()


def _cheapest(s: GameSession):
    return sorted(s.proposals, key=lambda c: (c.cost, c.id))


def _play_to_end(s: GameSession, fund: bool) -> None:
    while not s.finished:
        cards = _cheapest(s)
        if cards:
            action = Fund(card_id=cards[0].id) if fund else Reject(card_id=cards[0].id)
            s.act(action)  # may be refused (money, clout): the game goes on
        s.advance_year()


@pytest.fixture(scope="module")
def branched(world):
    first = GameSession.new(world, "hartlepool", seed=7)
    _play_to_end(first, fund=True)
    first_end = (first.to_save().checksums[first.turn], first.jobs_account().net_additional)
    again = go_back(world, first, 3)
    assert again.turn == 3 and again.year == 2024 and not again.finished
    assert first.turn == 10  # the first game is left as it was
    _play_to_end(again, fund=False)  # this time: turn every proposal down
    return again, first_end


def test_going_back_replays_the_shared_years(world) -> None:
    s = GameSession.new(world, "hartlepool", seed=7)
    _play_to_end(s, fund=True)
    save = s.to_save()
    early = truncated(save, 3)
    assert early.turn == 3 and max(early.checksums) == 3
    assert all(early.checksums[t] == save.checksums[t] for t in (1, 2, 3))
    back = GameSession.from_save(world, early)
    assert [p.title for p in back.funded] == [p.title for p in s.funded if p.funded_year < 2024]
    with pytest.raises(SaveError, match="turn 11"):
        truncated(save, 11)


def test_the_two_futures_differ_and_the_first_is_kept(branched, world) -> None:
    w, (first_sum, first_net) = branched
    assert w.finished and len(w.kept) == 1 and went_back_to(w) == 2024
    kept = kept_session(world, w, 0)
    assert kept.to_save().checksums[kept.turn] == first_sum
    assert kept.jobs_account().net_additional == pytest.approx(first_net)
    # the second line funded nothing after 2023, so it has fewer projects and net jobs
    assert len(w.funded) < len(kept.funded)
    assert all(p.funded_year < 2024 for p in w.funded)
    assert w.jobs_account().net_additional < first_net


def test_save_and_continue_restores_both(branched, world, tmp_path: Path) -> None:
    w, (first_sum, _) = branched
    path = save_atomic(w.to_save(), tmp_path / "whatif.json")
    again = GameSession.from_save(world, load(path, SaveFile))  # "continue"
    assert again.to_save().checksums == w.to_save().checksums
    assert [b.label for b in again.kept] == ["First game"] and again.kept[0].from_turn == 3
    kept = kept_session(world, again, 0)
    assert kept.to_save().checksums[kept.turn] == first_sum


def test_an_old_save_without_branches_still_loads(branched, world) -> None:
    w, _ = branched
    raw = w.to_save().model_dump(mode="json")
    raw.pop("branches")
    assert SaveFile.model_validate(raw).branches == []


def test_futures_side_by_side_are_each_lines_own_report(branched, world) -> None:
    from game.play.branches import futures

    w, (_, first_net) = branched
    f = futures(world, w)
    assert f.went_back_to == 2024 and f.a.label == "This game" and f.b.label == "First game"
    assert f.a.finished and f.b.finished
    assert f.b.net_jobs == pytest.approx(first_net)
    assert f.a.net_jobs == pytest.approx(w.census_report("final").net_additional_jobs)
    # shared years are identical, then the lines part
    shared = [p.scenario for p in f.a.population_series if p.year <= 2024]
    assert shared == [p.scenario for p in f.b.population_series if p.year <= 2024]
    assert [p.year for p in f.a.jobs_series] == [p.year for p in f.b.jobs_series]
    rows = dict((k, (a, b)) for k, a, b in f.rows())
    assert rows["net_jobs"] == (f.a.net_jobs, f.b.net_jobs)
