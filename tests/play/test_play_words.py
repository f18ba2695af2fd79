"""Issue 10, point 6 (data side): approval reasons and consultations in words people use."""

from __future__ import annotations

import pytest

from game.census import load_world
from game.play import Consult, GameSession
from game.play.rules import english_templates
from game.play.shipped import shipped_parameters


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_no_approval_reason_is_an_index(world):
    for spec in shipped_parameters().indicator_specs.values():
        assert "index" not in spec.reason.lower(), spec
        assert spec.reason != spec.name
    s = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(3):
        s.advance_year()
    reasons = {ln.source for _, lines in s.approvals().values() for ln in lines}
    assert reasons and not any("index" in r.lower() for r in reasons)
    assert "Commute access index" not in str(s.explanations_since_start)


def test_consulting_gives_the_groups_reason_not_the_projects_name(world):
    s = GameSession.new(world, "Hartlepool", seed=7)
    templates = english_templates()
    seen = 0
    for card in s.proposals:
        for stance in card.stances:
            s.clout = 10
            res = s.act(Consult(card_id=card.id, group_id=stance.group_id))
            assert res.ok
            for ln in res.consultation.lines:
                assert ln.source != card.title and card.title not in ln.text
                if ln.key:
                    seen += 1
                    assert ln.key.startswith(f"card.why.{card.category}.")
                    assert templates[ln.key] == ln.source
                    assert ("for" in ln.key.split(".")) == (ln.delta >= 0)
    assert seen > 0


def test_every_category_has_a_reason_both_ways(world):
    templates = english_templates()
    from game.scenarios import load_catalogue

    for category in {t.category for t in load_catalogue().types.values()}:
        for side in ("for", "against"):
            assert f"card.why.{category}.{side}" in templates, (category, side)


def test_the_why_here_line_fits_the_project(world):
    """A card names a census need only if the project helps the people it is about
    (play-test: community solar 'because of the factories', a park 'because of young adults')."""
    from game.play.rules import load_rulebook
    from game.scenarios import load_catalogue

    rules = {n.need: n for n in load_rulebook().needs}
    types = load_catalogue().types
    seen = 0
    for area in ("Hartlepool", "Blackpool", "Tower Hamlets", "Ceredigion", "Wokingham"):
        s = GameSession.new(world, area, seed=11)
        for _ in range(4):
            for card in s.proposals:
                if card.need is None:
                    continue
                seen += 1
                helped = {g for g, v in types[card.type_id].group_effects.items() if v > 0}
                assert helped & set(rules[card.need].groups), (area, card.type_id, card.need)
            s.advance_year()
    assert seen > 5


def test_jobs_here_is_shown_against_no_projects_and_the_score_during_play(world):
    """'272 net new jobs' beside 'Jobs here -279': the headline carries the effect against
    the no-projects baseline, and the score's parts are known every year."""
    from game.play import Fund

    s = GameSession.new(world, "Hartlepool", seed=7)
    for _ in range(5):
        for c in sorted(s.proposals, key=lambda c: c.cost):
            if s.check(Fund(card_id=c.id)).ok:
                s.act(Fund(card_id=c.id))
        s.advance_year()
        h = s.headline()
        assert h.jobs_vs_baseline == pytest.approx(h.jobs - h.jobs_baseline)
        now = s.score_so_far()
        assert now.year == s.year and now.final_year == 2031
        assert sum(now.weights.values()) == pytest.approx(1.0)
    report = s.census_report("midterm")
    assert h.jobs_vs_baseline == pytest.approx(report.jobs_vs_baseline)
    assert now.net_new_jobs == pytest.approx(report.net_additional_jobs)


def test_attract_facts_name_the_area_and_compare_with_england_and_wales(world):
    from game.play.facts import area_facts

    facts = area_facts(
        world.resolve("Hartlepool"), world.areas.values(), section_names=world.section_names
    )
    assert facts[0].key == "fact.population" and "92,571" in facts[0].text
    assert len(facts) >= 8 and all("Hartlepool" in f.text for f in facts)
    assert all("England and Wales" in f.text for f in facts[2:])
