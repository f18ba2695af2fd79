"""Wording and numbers the reviewers found wrong on the class pages, each pinned: plurals
("1 team", never "1 team(s)"), half-up rounding (a median score of 30.5 is "30.5", never
Python's "30"), every ending explained in one plain line, a round's phase in words."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from room_samples import decision, plan

from game.play import load_rulebook
from game.room.classroom.debrief import TeamResult, endings, plural, prompts, times
from game.room.numbers import half_up, median_text, signed
from game.room.store.classes import DecisionRow


def test_half_up_rounds_halves_up_where_python_rounds_to_even():
    assert (f"{30.5:.0f}", f"{32.5:.0f}") == ("30", "32")  # what the pages used to print
    assert (half_up(30.5), half_up(31.5), half_up(32.5)) == ("31", "32", "33")
    assert half_up(1234567.5) == "1,234,568" and half_up(2.25, 1) == "2.3"
    assert (half_up(None), half_up(float("nan")), half_up(-0.2)) == ("–", "–", "0")
    assert (signed(20.4), signed(-3.5), signed(0.2)) == ("+20", "-4", "0")
    assert (median_text(30.5), median_text(30.0), median_text(30.25)) == ("30.5", "30", "30")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_half_up_is_the_nearest_with_halves_away_from_zero(x, digits):
    shown = Decimal(half_up(x, digits, grouped=False))
    want = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    assert shown == want
    assert abs(float(shown) - x) <= 0.5 * 10**-digits + 1e-9 * max(1.0, abs(x))


def test_plurals_are_words_not_brackets():
    assert (plural(1, "team"), plural(3, "team")) == ("1 team", "3 teams")
    assert (times(1), times(2), times(5)) == ("once", "twice", "5 times")


def _team(name: str, approval: float, funded: list[str]) -> TeamResult:
    return TeamResult(
        name=name,
        area_code="E06000001",
        area_name="Hartlepool",
        population=92000,
        population_baseline=92000,
        net_jobs=10,
        cost_per_net_job=None,
        money_spent=0,
        approval=approval,
        approvals={"Young families": approval},
        score=30,
        ending="mob",
        helped=None,
        hurt=None,
        population_series=[],
        jobs_series=[],
        funded=funded,
    )


def _homes(team: str) -> DecisionRow:
    return DecisionRow(
        team=team,
        round_number=1,
        year=2021,
        kind="funded",
        card_id="c01",
        type_id="affordable_homes",
        category="housing",
        name="Affordable homes (100)",
        scale=1.0,
        cost=5e6,
    )


def test_a_prompt_about_one_team_says_one_team():
    teams = [
        _team("Red", 60.5, ["Affordable homes (100)"]),
        _team("Blue", 50, []),
        _team("Gold", 51, []),
    ]
    text = " ".join(prompts(teams, [_homes("Red")], [], "Hartlepool")["analyse"])
    assert "(s)" not in text
    assert "1 team built homes and 2 did not" in text
    assert "averaged 61 with homes" in text  # 60.5 rounds half up
    assert "most often (once)" in text


def test_every_ending_has_a_plain_meaning_with_the_rules_thresholds():
    rules = load_rulebook().rules
    legend = {e.name: e.meaning for e in endings(rules)}
    assert set(legend) == {"Parade", "Mixed reception", "Angry mob"}
    assert f"under {rules.ending_mob_max_approval:g}% approve" in legend["Angry mob"]
    assert f"score of {rules.ending_parade_min_score:g} or more" in legend["Parade"]


def test_the_listening_report_shows_a_median_score_of_30_5_as_30_5(sqlite_url, tmp_path):
    from game.room.report import write_report
    from game.room.store import RoomStore

    store = RoomStore(sqlite_url)
    try:
        info, _ = store.create_room("9X geography", kind="class")
        for n, score in ((1, 30.0), (2, 31.0)):
            store.add_plan(info.code, plan(n, [decision("funded", "park")], score=score))
        write_report(store, info.code, tmp_path)
    finally:
        store.close()
    html = Path(tmp_path / "report.html").read_text(encoding="utf-8")
    row = re.search(r"<td>Score \(0-100\)</td><td class=\"n\">([^<]+)<", html)
    assert row is not None and row.group(1) == "30.5"


def test_a_group_moved_by_one_point_says_point_and_zero_reasons_are_left_out():
    """The debrief's helped/hurt line: '-1 point', not '-1 points'; a reason that moved
    nobody ('Enough homes +0.0') is not given as a reason."""
    from game.play.models import ExplanationLine, GroupApproval
    from game.room.classroom.debrief import _mover

    def line(source: str, delta: float) -> ExplanationLine:
        return ExplanationLine(
            source=source, indicator="x", delta=delta, text=f"{source} {delta:+.1f}"
        )

    approval = GroupApproval(
        group_id="young_families",
        name="Young families",
        size=1000,
        approval=49.0,
        change=-1.2,
        top_reasons=[line("Fewer jobs", -1.0), line("Enough homes", 0.02)],
    )

    class Report:  # what _mover reads of a census report
        approvals = [approval]

    mover = _mover(Report(), ["young_families"])  # type: ignore[arg-type]
    assert mover is not None
    assert mover.text() == "Young families, -1 point: Fewer jobs -1.0"
