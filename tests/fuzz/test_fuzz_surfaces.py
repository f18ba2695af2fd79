"""Property tests: every input surface keeps the contract for every generated case.

Each surface's mutations (tests/fuzz/surfaces_*.py) are drawn by hypothesis with a seeded
Random it controls, so a failure shrinks to one mutation and prints its label. Structural
strategies add documents no mutation would write: arbitrary JSON for the JSON surfaces,
arbitrary text for the CSV ones. The default run is quick; `pytest -m fuzz` or
CIVIC_FUZZ_LONG=1 runs many more examples.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzzlib import LONG, Case, Surface
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from surfaces_csv import BASE_POPULATION, CENSUS, CENSUS_FOLDER
from surfaces_json import COMMAND_LINE, MAPS, SCENARIOS
from surfaces_room import ROOM_API
from surfaces_saves import REPORT_SAVES, SAVES

SURFACES = [SCENARIOS, BASE_POPULATION, *CENSUS, MAPS, SAVES, REPORT_SAVES, COMMAND_LINE, ROOM_API]
GOOD = ("ok", "clean")


def examples(quick: int, long: int) -> Any:
    return settings(
        max_examples=long if LONG else quick,
        deadline=None,
        database=None,
        derandomize=not LONG,  # the default run is the same every time
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


_BASES: dict[str, Any] = {}


def base_of(surface: Surface) -> Any:
    if surface.name not in _BASES:
        _BASES[surface.name] = surface.base()
    return _BASES[surface.name]


def check(surface: Surface, case: Case, tmp: Path) -> None:
    result = surface.run(case, tmp, base_of(surface))
    assert result.outcome in GOOD, (
        f"{surface.name} [{case.label}]: {result.outcome}\n{result.detail}"
    )


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: s.name)
@examples(quick=14, long=400)
@given(data=st.data())
def test_mutated_files_keep_the_contract(surface: Surface, data: st.DataObject, tmp_path_factory):
    mutation = data.draw(st.sampled_from(surface.mutations), label="mutation")
    rnd = data.draw(st.randoms(use_true_random=False), label="random")
    case = mutation(rnd, base_of(surface))
    check(surface, case, tmp_path_factory.mktemp("case"))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=30,
)


def _spliced(base: dict, key: str, value: Any) -> bytes:
    return json.dumps({**base, key: value}, allow_nan=True).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("surface", [SCENARIOS, MAPS, SAVES], ids=lambda s: s.name)
@examples(quick=12, long=400)
@given(doc=JSON, key=st.text(max_size=12), splice=st.booleans())
def test_arbitrary_json_keeps_the_contract(surface, doc, key, splice, tmp_path_factory):
    """Any JSON value, alone or spliced into a valid file under any key (an existing key
    replaced by junk, or a new one)."""
    base = base_of(surface)
    if splice:
        if len(key) % 2 == 0:  # replace an existing field; else add an unknown one
            key = sorted(base)[len(key) % len(base)]
        data = _spliced(base, key, doc)
    else:
        data = json.dumps(doc, allow_nan=True).encode("utf-8", "surrogatepass")
    check(surface, Case("arbitrary JSON", data), tmp_path_factory.mktemp("case"))


CSV_TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789,.-+e\n\r\"' EMaleF") + ["\u200b", "\x00", "ÿ"]),
    max_size=400,
)


@pytest.mark.parametrize(
    "surface", [BASE_POPULATION, CENSUS[0], CENSUS[2], CENSUS[5]], ids=lambda s: s.name
)
@examples(quick=12, long=400)
@given(head=st.booleans(), text=CSV_TEXT)
def test_arbitrary_csv_text_keeps_the_contract(surface, head, text, tmp_path_factory):
    """Arbitrary text, alone or after the real header line."""
    header = base_of(surface).data.split(b"\n", 1)[0] + b"\n" if head else b""
    data = header + text.encode("utf-8", "surrogatepass")
    check(surface, Case("arbitrary CSV text", data), tmp_path_factory.mktemp("case"))


@examples(quick=4, long=150)
@given(data=st.data())
def test_mutated_census_folders_keep_the_contract(data: st.DataObject, tmp_path_factory):
    """A whole --census-dir folder with one table mutated, through `profile` (the world is
    built each time, so this is the slowest surface and gets the fewest examples)."""
    mutation = data.draw(st.sampled_from(CENSUS_FOLDER.mutations), label="mutation")
    rnd = data.draw(st.randoms(use_true_random=False), label="random")
    case = mutation(rnd, base_of(CENSUS_FOLDER))
    check(CENSUS_FOLDER, case, tmp_path_factory.mktemp("case"))
