"""Issue 8 point 1, validation holes: each test is the reproduction that passed before.

* an override that changed a number but gave no source of its own kept the catalogue's
  source text (a GBP 1,000 business park was accepted as "sourced");
* unknown keys in outputs / group_effects / indicator_effects were ignored ("homez": 100
  built nothing, silently).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.errors import ScenarioError
from game.scenarios import load_scenario
from game.scenarios.catalogue import known_group_ids
from game.scenarios.models import INDICATOR_EFFECT_KEYS, OUTPUT_KEYS


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_override_without_its_own_source_is_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"name": "x", "overrides": [{"id": "business_park", "capital_cost": 1000}]},
    )
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    msg = str(err.value)
    assert "overrides[0]" in msg and "business_park" in msg and "capital_cost" in msg
    assert "without a source" in msg and "\n" not in msg


def test_override_source_for_another_field_does_not_cover_the_change(tmp_path: Path) -> None:
    src = {"field": "build_years", "source": "Our programme plan", "status": "assumption"}
    path = _write(
        tmp_path,
        {
            "name": "x",
            "overrides": [
                {"id": "business_park", "capital_cost": 1000, "build_years": 1, "sources": [src]}
            ],
        },
    )
    with pytest.raises(ScenarioError, match=r"capital_cost changed without a source"):
        load_scenario(path)


def test_override_dict_needs_a_source_per_key_or_for_the_field(tmp_path: Path) -> None:
    base = {"id": "affordable_homes", "outputs": {"homes": 150}}
    with pytest.raises(ScenarioError, match=r"outputs\.homes"):
        load_scenario(_write(tmp_path, {"name": "x", "overrides": [base]}))
    ok = {
        **base,
        "sources": [{"field": "outputs.homes", "source": "Site plan", "status": "assumption"}],
    }
    s = load_scenario(_write(tmp_path, {"name": "x", "overrides": [ok]}))
    assert s.overrides[0].outputs == {"homes": 150}


def test_override_with_its_own_source_is_accepted_and_shows_it(tmp_path: Path) -> None:
    from game.scenarios import scenario_catalogue

    src = {"field": "capital_cost", "source": "Council cost plan 2024", "status": "assumption"}
    s = load_scenario(
        _write(
            tmp_path,
            {
                "name": "x",
                "overrides": [{"id": "business_park", "capital_cost": 9e6, "sources": [src]}],
            },
        )
    )
    entry = scenario_catalogue(s).types["business_park"].source_for("capital_cost")
    assert entry is not None and entry.source == "Council cost plan 2024"


@pytest.mark.parametrize(
    ("field", "key", "suggest"),
    [
        ("outputs", "homez", "homes"),
        ("indicator_effects", "green_spcae", "green_space"),
        ("group_effects", "studnets", "students"),
    ],
)
def test_unknown_key_in_a_new_type_is_rejected_naming_it(
    tmp_path: Path, field: str, key: str, suggest: str
) -> None:
    ptype = {
        "id": "my_homes",
        "name": "My homes",
        "category": "housing",
        "capital_cost": 1e6,
        "build_years": 1,
        field: {key: 1},
        "sources": [
            {"field": f, "source": "Test plan", "status": "assumption"}
            for f in ("capital_cost", "build_years", field)
        ],
    }
    with pytest.raises(ScenarioError) as err:
        load_scenario(_write(tmp_path, {"name": "x", "project_types": [ptype]}))
    msg = str(err.value)
    assert key in msg and suggest in msg and "\n" not in msg


def test_unknown_output_in_an_override_is_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "name": "x",
            "overrides": [
                {
                    "id": "affordable_homes",
                    "outputs": {"homez": 100},
                    "sources": [{"field": "outputs", "source": "Plan", "status": "assumption"}],
                }
            ],
        },
    )
    with pytest.raises(ScenarioError, match="unknown output 'homez'; did you mean homes"):
        load_scenario(path)


def test_indicator_effect_keys_match_the_engine() -> None:
    from game.sim.indicators import INDEX_INDICATORS

    assert set(INDICATOR_EFFECT_KEYS) == set(INDEX_INDICATORS)


@settings(max_examples=40, deadline=None)
@given(key=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=20))
def test_any_output_key_is_either_known_or_rejected(key: str) -> None:
    from pydantic import ValidationError

    from game.scenarios.models import ProjectOverride

    try:
        ProjectOverride(id="x", outputs={key: 1.0})
    except ValidationError as exc:
        assert key not in OUTPUT_KEYS and key in str(exc)
    else:
        assert key in OUTPUT_KEYS


def test_known_groups_come_from_the_census_group_table() -> None:
    groups = known_group_ids()
    assert "students" in groups and "young_families" in groups and len(groups) >= 18
