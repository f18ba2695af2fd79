"""Census reports and the final verdict on the real census world and engine: the report's
totals agree with its projects list, the jobs account and the report pack; the verdict and
its scores judge fairly in big and tiny areas."""

from __future__ import annotations

import pytest
from real_play import play

from game.census import load_world
from game.play.models import GroupApproval
from game.play.report_data import movers, score_game, verdict_reason
from game.play.rules import english_templates, load_rulebook


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_midterm_report_agrees_with_its_projects_list(world):
    s = play(world, "Hartlepool", 5)
    r = s.census_report("midterm")
    assert r.jobs is not None and r.jobs.year == r.year == 2026
    counted = [p for p in r.projects if p.counted]
    assert counted, "a five-year plan should have open projects"
    assert sum(p.net_jobs for p in counted) == pytest.approx(r.net_additional_jobs)
    assert sum(p.gross_jobs for p in counted) == pytest.approx(r.gross_jobs)
    waiting = {p.label for p in r.projects if not p.counted}
    assert waiting == {lbl for lbl, _ in r.jobs.not_yet_open}
    assert all(p.net_jobs == 0.0 for p in r.projects if not p.counted)
    assert all(opens > 2026 for _, opens in r.jobs.not_yet_open)
    # cost per net job only for money spent on jobs that exist
    assert r.cost_per_net_job == pytest.approx(sum(p.cost for p in counted) / r.net_additional_jobs)
    assert r.jobs_vs_baseline == pytest.approx(r.jobs_now - r.jobs_baseline)
    # the census newspaper quotes the same account
    from game.play import fmt

    census_news = {n.key: n.params for n in s.summaries[4].news}
    assert census_news["news.census_jobs"]["net"] == fmt.count(r.net_additional_jobs)
    # the session's account for that year is the report's, and so is the pack's table
    assert s.jobs_account(2026) == r.jobs
    from game.report import tables

    jobs = tables(r)["jobs"].set_index("measure")
    assert jobs.loc["net_additional", "value"] == pytest.approx(r.net_additional_jobs)
    assert jobs.loc["gross_total", "label"] == "Jobs created (gross)"
    assert jobs.loc["jobs_vs_baseline", "label"] == "Jobs located here vs no new projects"
    projects = tables(r)["projects"]
    assert projects.loc[projects["counted"], "net_jobs"].sum() == pytest.approx(
        r.net_additional_jobs
    )


def _approvals(changes: dict[str, float]) -> list[GroupApproval]:
    return [
        GroupApproval(group_id=g, name=g, size=1, approval=50 + d, change=d, top_reasons=[])
        for g, d in changes.items()
    ]


def test_verdict_never_praises_a_poor_sub_score():
    rules = load_rulebook().rules
    # Scilly-like: popular, but value for money 10/100
    assert verdict_reason("parade", {"approval": 70, "jobs": 80, "value": 10}, rules) == (
        "popular_costly"
    )
    # Tower Hamlets-like: 70% approval but a mixed score -> popular, not "split"
    assert verdict_reason("mixed", {"approval": 70, "jobs": 30, "value": 15}, rules) == (
        "popular_costly"
    )
    assert verdict_reason("mixed", {"approval": 45, "jobs": 30, "value": 15}, rules) == "split"
    assert verdict_reason("parade", {"approval": 70, "jobs": 60, "value": 60}, rules) == "all_good"
    t = english_templates()
    assert "worth the money" not in t["report.verdict.parade.popular_costly"]
    winners, losers = movers(_approvals({"a": 3.0, "b": -4.0, "c": 0.1, "d": 6.0}), rules)
    assert winners == ["d", "a"] and losers == ["b"]


def test_tiny_area_does_not_max_the_jobs_score():
    """The fund floor lifts Scilly's fund far above £80 a resident; judge it on the
    residents the fund was sized for so a few jobs on an island do not saturate."""
    rules = load_rulebook().rules
    _, parts = score_game(60.0, 30.0, 2_271.0, 200_000.0, rules, fund=1_000_000.0)
    assert parts["jobs"] < 50.0
    assert parts["jobs_per_1000"] == pytest.approx(1000 * 30 / 12_500, abs=0.01)


@pytest.mark.parametrize("area", ["Hartlepool", "Isles of Scilly"])
def test_final_verdict_names_movers_and_matches_parts(world, area):
    s = play(world, area, 10)
    r = s.census_report("final")
    assert [v.key for v in r.verdict_lines][0] == (
        f"report.verdict.{r.ending}.{verdict_reason(r.ending, r.score_parts, s.rules)}"
    )
    assert r.verdict_lines[1].key.startswith("report.verdict.movers")
    change = {a.group_id: a.change for a in r.approvals}
    if r.biggest_winners:
        assert r.biggest_winners[0] == max(change, key=lambda g: change[g])
        assert r.verdict_lines[1].params["winner_id"] == r.biggest_winners[0]
        assert s.group_names[r.biggest_winners[0]] in r.verdict_lines[1].text
    if r.biggest_losers:
        assert r.biggest_losers[0] == min(change, key=lambda g: change[g])
    if r.score_parts["value"] < s.rules.verdict_good_part:
        assert "fair price" not in r.verdict and "worth the money" not in r.verdict
