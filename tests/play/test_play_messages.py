"""PLAY speaks in message keys with parameters: every key it renders has English and Welsh
text, refusals carry a key and parameters, and one number format serves play and client."""

from __future__ import annotations

import string

import pytest
from babel.messages.pofile import read_po

from game.census import load_world
from game.play import Fund, GameSession
from game.play.rules import english_templates
from game.resources import assets_dir

I18N = assets_dir() / "i18n"


def _catalogue(lang: str) -> dict[str, str]:
    """key -> text of the client's gettext catalogue (a plural entry: its last form)."""
    with (I18N / lang / "LC_MESSAGES" / "civic.po").open("rb") as fh:
        cat = read_po(fh)
    return {
        (m.id[0] if isinstance(m.id, tuple) else m.id): (
            m.string[-1] if isinstance(m.string, tuple) else m.string
        )
        for m in cat
        if m.id
    }


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_every_play_key_has_english_and_welsh(world):
    """Every template PLAY renders is in the client's catalogues: the English text PLAY
    renders is the English catalogue's (its "other" plural form for counted ones), and the
    Welsh uses no field the English does not give."""
    en, cy = _catalogue("en"), _catalogue("cy")
    t = english_templates()
    for key, text in t.items():
        assert en.get(key) == text, key
        assert cy.get(key), f"no Welsh for {key}"
        want = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        got = {f for _, f, _, _ in string.Formatter().parse(cy[key]) if f}
        assert got <= want | {"n"}, key


def test_one_number_format_for_play_and_client():
    from game.play import fmt

    assert fmt.count(92338.4) == "92,338"
    assert fmt.money(12_500_000) == "£12.5m" and fmt.money(-2_000) == "−£2k"
    assert fmt.money(1.25e9) == "£1.25bn"
    assert fmt.signed(-3.2) == "−3" and fmt.signed(4) == "+4" and fmt.signed(0.2) == "0"
    assert fmt.pct(0.0712) == "7.1%" and fmt.points(-0.04) == "0.0"
    assert fmt.count(float("nan")) == "–" and fmt.money(float("inf")) == "–"


def test_refusals_carry_key_and_params_for_translation(world):
    s = GameSession.new(world, "Hartlepool", seed=1)
    res = s.act(Fund(card_id="nope"))
    assert not res.ok and res.reason_key == "card.error.unknown_card"
    assert res.reason_params == {"card_id": "nope"}
    cy = _catalogue("cy")
    assert cy[res.reason_key].format_map(res.reason_params) == "Nid oes cynnig agored 'nope'"
    s.money = 0.0
    card = s.proposals[0]
    chk = s.check(Fund(card_id=card.id))
    assert chk.reason_key == "card.error.no_money" and set(chk.reason_params) == {"cost", "money"}
