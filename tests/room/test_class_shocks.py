"""The shocks file: every shipped shock carries a source and a status (provenance rule) and
turns into the engine's Shock sized to the area; a bad row names the file, row and column."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.errors import DataError
from game.play.shocks import load_shocks
from game.sim.labour import SECTIONS

HEADER = (
    "id,name,headline,jobs_share_by_section,migrants_share,money_share,description,source,status\n"
)


def test_the_shipped_shocks_load_with_provenance_and_fit_any_area():
    from game.census import load_world

    shocks = load_shocks()
    assert {"employer_closes", "flood", "university_campus", "recession"} <= set(shocks)
    assert all(
        s.source and s.status in ("verified", "derived", "assumption") for s in shocks.values()
    )
    assert all(s.source.startswith("Illustrative") for s in shocks.values())
    world = load_world()
    area = world.resolve("Hartlepool")
    effect = shocks["employer_closes"].effect(area)
    # an eighth of the area's manufacturing jobs, a fifth of a percent of its people
    assert effect.jobs_by_section["C"] == pytest.approx(-0.12 * area.industry["C"])
    assert effect.migrants == pytest.approx(-0.002 * area.population.total)
    assert "Hartlepool" in shocks["flood"].headline_for(area.name)


def _write(tmp_path, row: str):
    p = tmp_path / "shocks.csv"
    p.write_text(HEADER + row + "\n", encoding="utf-8")
    return p


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(letter=st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=2))
def test_an_unknown_industry_section_names_the_row_and_column(tmp_path, letter):
    path = _write(tmp_path, f"x,X,H,{letter}:-0.1,0,0,d,Illustrative,assumption")
    if letter in SECTIONS:
        assert load_shocks(path)["x"].jobs_share == {letter: -0.1}
        return
    with pytest.raises(DataError) as err:
        load_shocks(path)
    assert (err.value.row, err.value.column) == (2, "jobs_share_by_section")
    assert "shocks.csv" in str(err.value)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(share=st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=5))
def test_money_share_must_lie_between_0_and_1(tmp_path, share):
    path = _write(tmp_path, f"x,X,H,C:-0.1,0,{share!r},d,Illustrative,assumption")
    if 0.0 <= share <= 1.0:
        assert load_shocks(path)["x"].money_share == pytest.approx(share)
    else:
        with pytest.raises(DataError) as err:
            load_shocks(path)
        assert (err.value.row, err.value.column) == (2, "money_share")


def test_a_shock_without_a_source_is_refused(tmp_path):
    with pytest.raises(DataError) as err:
        load_shocks(_write(tmp_path, "x,X,H,C:-0.1,0,0,d,,assumption"))
    assert (err.value.row, err.value.column) == (2, "source")
