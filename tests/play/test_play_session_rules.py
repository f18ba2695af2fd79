"""Money, clout, expiry, deferral, consultation and the newspaper, on the toy engine."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from play_fakes import fake_factory

from game.play import Consult, Defer, Fund, GameSession, Reject


def _snapshot(s: GameSession):
    return (
        s.money,
        s.clout,
        s.turn,
        s.year,
        [c.model_dump() for c in s.proposals],
        [p.model_dump() for p in s.funded],
        len(s.log),
        s.engine.checksum(),
    )


def test_start_of_game(toy_session):
    s = toy_session
    assert s.turn == 0 and s.year == 2021 and not s.finished
    # Oldtown: 205,xxx residents x £80, rounded to £100k; first year's fund in the bank
    assert s.fund == round(s.area.population.total * 80 / 1e5) * 1e5
    assert s.money == 2 * s.fund
    assert s.clout == 10
    assert len(s.proposals) == 4


def test_fund_spends_money_and_clout_and_queues_the_project(toy_session):
    s = toy_session
    card = s.proposals[0]
    res = s.act(Fund(card_id=card.id))
    assert res.ok
    assert s.money == pytest.approx(2 * s.fund - card.cost)
    assert s.clout == 10 - card.clout_to_fund
    assert card.id not in {c.id for c in s.proposals}
    assert [p.card_id for p in s.funded] == [card.id]
    assert s.engine.engine.queue[0].type_id == card.type_id
    assert s.upkeep == pytest.approx(card.running_cost)


def test_reject_costs_clout_by_support(toy_session):
    s = toy_session
    card = s.proposals[1]
    assert s.check(Reject(card_id=card.id)).clout_cost == card.clout_to_reject
    s.act(Reject(card_id=card.id))
    assert s.clout == 10 - card.clout_to_reject
    assert card.id not in {c.id for c in s.proposals}
    assert s.funded == []


def test_defer_extends_expiry_once(toy_session):
    s = toy_session
    card = s.proposals[2]
    assert s.act(Defer(card_id=card.id)).ok
    assert s.card(card.id).expires_year == card.expires_year + 1
    again = s.act(Defer(card_id=card.id))
    assert not again.ok and "already been deferred" in again.reason
    assert s.card(card.id).expires_year == card.expires_year + 1


def test_cards_expire_when_left(toy_session):
    s = toy_session
    first = {c.id for c in s.proposals}
    s.advance_year()  # 2022: still open (expires_year 2022)
    assert first <= {c.id for c in s.proposals}
    y = s.advance_year()  # 2023: gone
    assert not (first & {c.id for c in s.proposals})
    assert len(y.expired) == 4
    assert any(n.key == "news.card_expired" for n in y.news)


def test_consult_costs_clout_and_explains(toy_session):
    s = toy_session
    card = s.proposals[0]
    res = s.act(Consult(card_id=card.id, group_id="young_families"))
    assert res.ok and s.clout == 9
    c = res.consultation
    assert c.group_id == "young_families" and c.group_name == "Young families"
    assert c.delta == pytest.approx(6.0)  # toy engine: 4 points per unit strength 1.5
    assert c.lines and c.lines[0].delta == pytest.approx(6.0)
    assert c.size == s.area.groups["young_families"]
    assert card.id in {x.id for x in s.proposals}  # consulting does not decide


def test_refusals_say_why_and_change_nothing(toy_session):
    s = toy_session
    before = _snapshot(s)
    assert "no open proposal" in s.act(Fund(card_id="zz")).reason
    assert (
        "Unknown citizen group"
        in s.act(Consult(card_id=s.proposals[0].id, group_id="pirates")).reason
    )
    s.money = 0.0
    r = s.act(Fund(card_id=s.proposals[0].id))
    assert not r.ok and r.reason.startswith("Not enough money")
    s.money = before[0]
    s.clout = 0
    r = s.act(Consult(card_id=s.proposals[0].id, group_id="workers"))
    assert not r.ok and "Not enough clout" in r.reason
    s.clout = before[1]
    assert _snapshot(s) == before


def test_newspaper_has_two_to_four_items_every_year(toy_session):
    s = toy_session
    s.act(Fund(card_id=s.proposals[0].id))
    keys = set()
    for _ in range(10):
        y = s.advance_year()
        assert 2 <= len(y.news) <= 4
        assert all(n.text and n.key.startswith("news.") for n in y.news)
        assert y.headlines == [(n.key, n.params) for n in y.news]
        keys |= {n.key for n in y.news}
    assert "news.project_opened" in keys
    assert any(k.startswith("news.event.") for k in keys)
    assert s.finished and s.proposals == []


def test_year_flow_money_and_reports(toy_session):
    s = toy_session
    card = s.proposals[0]
    s.act(Fund(card_id=card.id))
    money = s.money
    y = s.advance_year()
    assert y.year == 2022 and y.turn == 1
    assert y.income == s.fund
    opened = card.build_years == 0
    assert s.money == pytest.approx(money + s.fund - (card.running_cost if opened else 0))
    for _ in range(4):
        y = s.advance_year()
    assert y.report_due == "midterm"
    mid = s.census_report("midterm")
    assert mid.kind == "midterm" and mid.year == 2026 and mid.ending is None
    for _ in range(5):
        y = s.advance_year()
    assert y.report_due == "final"
    with pytest.raises(RuntimeError):
        s.advance_year()
    r = s.census_report("final")
    assert r.ending in ("parade", "mob", "mixed") and 0 <= r.score <= 100
    assert not s.check(Fund(card_id="c05")).ok


def test_score_and_ending_by_hand():
    from game.play.report_data import ending_for, score_game
    from game.play.rules import load_rulebook

    rules = load_rulebook().rules
    # approval 70 -> 70; 500 net jobs / 100k = 5 per 1000 -> 5 / (5 + 5) = 50;
    # £35k per job -> 100
    score, parts = score_game(70.0, 500.0, 100_000.0, 35_000.0, rules)
    assert parts == {"approval": 70.0, "jobs": 50.0, "value": 100.0, "jobs_per_1000": 5.0}
    assert score == pytest.approx(0.5 * 70 + 0.3 * 50 + 0.2 * 100)
    assert ending_for(score, rules, 70.0) == "parade"
    assert ending_for(34.9, rules, 70.0) == "mob"
    assert ending_for(50.0, rules, 70.0) == "mixed"
    # a high score cannot buy a parade from a town that mostly disapproves, and a low
    # approval brings the mob whatever the score
    assert ending_for(60.0, rules, 50.0) == "mixed"
    assert ending_for(60.0, rules, 39.0) == "mob"
    assert score_game(50.0, 0.0, 100_000.0, None, rules)[1]["value"] == 0.0
    # 20 jobs per 1000 -> 80: the jobs score keeps rising but never saturates
    assert score_game(50.0, 2000.0, 100_000.0, None, rules)[1]["jobs"] == 80.0
    assert score_game(50.0, 10_000.0, 100_000.0, None, rules)[1]["jobs"] < 96.0


actions = st.lists(
    st.tuples(
        st.sampled_from(["fund", "reject", "defer", "consult", "advance"]),
        st.integers(0, 5),
        st.sampled_from(["young_families", "older_people", "workers"]),
    ),
    max_size=30,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(script=actions, seed=st.integers(0, 1000))
def test_invariants_money_clout_never_negative_check_never_mutates(
    toy_world, toy_catalogue, script, seed
):
    s = GameSession.new(
        toy_world, "Midtown", seed=seed, catalogue=toy_catalogue, engine_factory=fake_factory
    )
    for kind, k, group in script:
        if s.finished:
            break
        if kind == "advance":
            s.advance_year()
        else:
            cards = s.proposals
            if not cards:
                continue
            cid = cards[k % len(cards)].id
            action = {
                "fund": Fund(card_id=cid),
                "reject": Reject(card_id=cid),
                "defer": Defer(card_id=cid),
                "consult": Consult(card_id=cid, group_id=group),
            }[kind]
            before = _snapshot(s)
            verdict = s.check(action)
            assert _snapshot(s) == before
            result = s.act(action)
            assert result.ok == verdict.ok
            if result.ok:
                assert s.money == pytest.approx(before[0] - verdict.cost)
                assert s.clout == before[1] - verdict.clout_cost
            else:
                assert _snapshot(s) == before
        assert s.money >= 0.0
        assert 0 <= s.clout <= s.rules.clout_max
        assert s.upkeep <= s.upkeep_cap + 1e-6


def test_a_second_project_of_the_same_kind_is_numbered_not_labelled_by_card_id(toy_session):
    s = toy_session
    card = next(c for c in s.proposals if s.check(Fund(card_id=c.id)).ok)
    s.act(Fund(card_id=card.id))
    twin = card.model_copy(update={"id": "c999"})
    assert s._label_for(twin) == f"{card.title} #2"
    assert "c999" not in s._label_for(twin)
