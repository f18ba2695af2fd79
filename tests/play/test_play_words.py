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
