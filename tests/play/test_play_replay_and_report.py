"""Save mid-game and continue == straight through; the report pack tables (toy engine)."""

from __future__ import annotations

import pandas as pd
import pytest
from play_fakes import fake_factory

from game.errors import SaveError
from game.play import Consult, Fund, GameSession, Reject, SaveFile
from game.report import TABLES, export_csv, tables
from game.store import load, save_atomic


def _play_year(s: GameSession) -> None:
    """A fixed, state-driven policy: fund the cheapest affordable card, consult on the next."""
    cards = sorted(s.proposals, key=lambda c: (c.cost, c.id))
    for c in cards:
        if s.check(Fund(card_id=c.id)).ok:
            s.act(Fund(card_id=c.id))
            break
    rest = s.proposals
    if rest:
        s.act(Consult(card_id=rest[0].id, group_id="workers"))
    if len(rest) > 3:
        s.act(Reject(card_id=rest[-1].id))
    s.advance_year()


def _new(world, cat, seed=11):
    return GameSession.new(
        world, "Youngtown", seed=seed, catalogue=cat, engine_factory=fake_factory
    )


def test_save_in_year_4_and_continue_matches_straight_through(toy_world, toy_catalogue, tmp_path):
    straight = _new(toy_world, toy_catalogue)
    while not straight.finished:
        _play_year(straight)

    first = _new(toy_world, toy_catalogue)
    for _ in range(4):
        _play_year(first)
    path = save_atomic(first.to_save(), tmp_path / "autosave.json")
    resumed = GameSession.from_save(
        toy_world, load(path, SaveFile), catalogue=toy_catalogue, engine_factory=fake_factory
    )
    assert resumed.turn == 4 and resumed.year == 2025
    assert resumed.money == first.money and resumed.clout == first.clout
    assert [c.model_dump() for c in resumed.proposals] == [c.model_dump() for c in first.proposals]
    while not resumed.finished:
        _play_year(resumed)
    assert resumed.checksums == straight.checksums
    assert len(straight.checksums) == 10
    assert resumed.census_report("final") == straight.census_report("final")


def test_tampered_save_fails_its_checksum(toy_world, toy_catalogue):
    s = _new(toy_world, toy_catalogue)
    _play_year(s)
    _play_year(s)
    save = s.to_save()
    save.checksums[2] = "0" * 32
    with pytest.raises(SaveError, match="replay differs"):
        GameSession.from_save(toy_world, save, catalogue=toy_catalogue, engine_factory=fake_factory)
    bad = s.to_save()
    bad.commands.insert(0, Fund(card_id="c99"))
    with pytest.raises(SaveError, match="no longer applies"):
        GameSession.from_save(toy_world, bad, catalogue=toy_catalogue, engine_factory=fake_factory)


def test_save_for_a_vanished_area_is_a_save_error(toy_world, toy_catalogue):
    s = _new(toy_world, toy_catalogue)
    save = s.to_save()
    save.settings.area_query = "E06009999"
    with pytest.raises(SaveError, match="cannot be rebuilt: unknown area 'E06009999'"):
        GameSession.from_save(toy_world, save, catalogue=toy_catalogue, engine_factory=fake_factory)
    bad = s.to_save()
    bad.settings.scenario = {"name": "x", "budget": -5}
    with pytest.raises(SaveError, match="cannot be rebuilt"):
        GameSession.from_save(toy_world, bad, catalogue=toy_catalogue, engine_factory=fake_factory)


def test_report_pack_tables_and_csv(toy_world, toy_catalogue, tmp_path):
    s = _new(toy_world, toy_catalogue)
    while not s.finished:
        _play_year(s)
    report = s.census_report("final")
    t = tables(report)
    assert tuple(t) == TABLES
    summary = dict(zip(t["summary"]["measure"], t["summary"]["value"], strict=True))
    assert summary["ending"] == report.ending and summary["score"] == report.score
    pyr = t["pyramid"]
    assert set(pyr["series"]) == {"2021", "scenario", "baseline"}
    assert len(pyr) == 3 * 2 * 91
    now = pyr[pyr["series"] == "scenario"]["people"].sum()
    assert now == pytest.approx(report.population_now)
    assert list(t["projects"]["card_id"]) == [p.card_id for p in report.projects]
    bench = t["benchmarks"]
    assert bench.iloc[0]["id"] == "this_game"
    assert bench.iloc[0]["low"] == pytest.approx(report.cost_per_net_job)
    assert {"rgf", "enterprise_zones"} <= set(bench["id"])
    assert len(t["approvals"]) == len(report.approvals)
    series = t["series"]
    jobs = series[series["indicator"] == "jobs"]
    assert list(jobs["year"]) == list(range(2021, 2032))
    assert jobs["scenario"].iloc[-1] == pytest.approx(report.jobs_now)
    hist = t["approval_history"]
    assert len(hist) == 11 * len(report.approvals)
    last = hist[hist["year"] == 2031].set_index("group_id")["approval"]
    assert {a.group_id: a.approval for a in report.approvals} == pytest.approx(last.to_dict())
    paths = export_csv(report, tmp_path / "pack", prefix="hartlepool_")
    assert sorted(p.name for p in paths) == sorted(f"hartlepool_{n}.csv" for n in TABLES)
    back = pd.read_csv(tmp_path / "pack" / "hartlepool_jobs_by_industry.csv")
    assert list(back["section"]) == list(t["jobs_by_industry"]["section"])
