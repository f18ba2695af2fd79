"""The World on a hand-made three-area example, and the frozen pydantic models."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from game.errors import UnknownAreaError
from game.model.area import N_AGES, AreaProfile, CohortTable, Commuting, Components
from game.model.groups import GroupDefinition
from game.model.names import fold
from game.model.world import World


def area(code: str, name: str, region: str, people: int, ca: str | None = None) -> AreaProfile:
    male = [0] * N_AGES
    male[30] = people
    return AreaProfile(
        code=code,
        name=name,
        region_code=region,
        region=f"Region {region}",
        country="England",
        ca_code=ca,
        ca_name=None if ca is None else f"CA {ca}",
        lon=0.0,
        lat=51.0,
        population=CohortTable(male=tuple(male), female=(0,) * N_AGES),
        census_population=people,
        components=Components(
            population_start=people,
            births=1,
            deaths=1,
            internal_in=2,
            internal_out=1,
            international_in=0,
            international_out=0,
        ),
        households=people // 2,
        tenure={"owned_outright": people // 2},
        cars={"none": people // 2},
        economic_activity={"employee_full_time": people},
        industry={"C": people},
        nssec={},
        qualifications={},
        travel_to_work={"home": 1},
        commuting=Commuting(live_and_work=0, home_workers=0, out_commuters=0, in_commuters=0),
        groups={"workers": people},
    )


@pytest.fixture
def tiny() -> World:
    areas = {
        "E06000003": area("E06000003", "Cee", "R2", 30),
        "E06000001": area("E06000001", "Ay", "R1", 10, ca="E47000001"),
        "E06000002": area("E06000002", "Bee", "R1", 20, ca="E47000001"),
    }
    # [home, work]: 5 live and work in Ay, 3 go Ay->Bee, 2 Bee->Ay, 4 Cee->Bee
    commute = np.array([[5, 3, 0], [2, 7, 0], [0, 4, 9]])
    gd = GroupDefinition(
        id="workers",
        name="Workers",
        name_cy="Gweithwyr",
        source="TS066",
        file="ts066.csv",
        categories=("employee_full_time",),
        unit="people",
        description="d",
    )
    return World(areas, commute, np.zeros((3, 3), dtype=np.int64), [gd])


def test_codes_sorted_and_index(tiny: World) -> None:
    assert tiny.codes == ("E06000001", "E06000002", "E06000003")
    assert tiny.index == {"E06000001": 0, "E06000002": 1, "E06000003": 2}


def test_hand_computed_commuting(tiny: World) -> None:
    c = tiny.commuting_for(["E06000001", "E06000002"])
    assert (c.live_and_work, c.out_commuters, c.in_commuters) == (17, 0, 4)
    c = tiny.commuting_for(["E06000002"])
    assert (c.live_and_work, c.out_commuters, c.in_commuters) == (7, 2, 7)


def test_groupings_and_resolve(tiny: World) -> None:
    r1 = tiny.resolve("region r1")
    assert r1.kind == "region" and r1.members == ("E06000001", "E06000002")
    assert r1.census_population == 30 and r1.groups == {"workers": 30}
    assert r1.components.internal_in == 4 and r1.population.male[30] == 30
    assert tiny.resolve("e47000001").members == ("E06000001", "E06000002")
    assert tiny.resolve("ay").code == "E06000001"
    assert [g.code for g in tiny.groupings("ca")] == ["E47000001"]
    assert tiny.members("E06000003") == ("E06000003",)
    with pytest.raises(ValueError):
        tiny.groupings("county")


def test_unknown_area_has_suggestions(tiny: World) -> None:
    with pytest.raises(UnknownAreaError) as info:
        tiny.resolve("Bea")
    assert info.value.suggestions == ["Bee (E06000002)"]
    with pytest.raises(UnknownAreaError):
        tiny.combine(["E06000001", "X"])


def test_models_are_frozen_and_strict() -> None:
    with pytest.raises(ValidationError):
        CohortTable(male=(1,) * 90, female=(0,) * N_AGES)
    with pytest.raises(ValidationError):
        CohortTable(male=(-1,) + (0,) * 90, female=(0,) * N_AGES)
    with pytest.raises(ValidationError):
        Commuting(live_and_work=1, home_workers=0, out_commuters=0, in_commuters=0, extra=1)
    c = Components(
        population_start=100,
        births=5,
        deaths=3,
        internal_in=10,
        internal_out=4,
        international_in=2,
        international_out=1,
        other=-1,
    )
    assert c.population_end == 108
    with pytest.raises(ValidationError):
        c.births = 6  # type: ignore[misc]
    with pytest.raises(ValidationError):
        GroupDefinition(
            id="Bad Id",
            name="x",
            name_cy="x",
            source="s",
            file="f.csv",
            categories=("a",),
            unit="people",
            description="",
        )


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  Ynys  Môn ") == "ynys mon"
    assert fold("CAERDYDD") == "caerdydd"
    assert fold("Pen-y-bont ar Ogwr") == "pen-y-bont ar ogwr"


def welsh_world() -> World:
    ay = area("W06000001", "Isle of Anglesey", "R1", 10).model_copy(update={"name_cy": "Ynys Môn"})
    be = area("W06000015", "Cardiff", "R1", 20).model_copy(update={"name_cy": "Caerdydd"})
    zeros = np.zeros((2, 2), dtype=np.int64)
    return World({a.code: a for a in (ay, be)}, zeros, zeros, [])


def test_welsh_names_resolve_with_or_without_accents() -> None:
    w = welsh_world()
    for q in ("Ynys Môn", "ynys mon", "YNYS MÔN", "Caerdydd", "Isle of Anglesey"):
        assert w.resolve(q).code in ("W06000001", "W06000015"), q
    assert w.resolve("Ynys Mon").code == "W06000001"
    assert w.suggest("Ynys Mn") == ["Ynys Môn (W06000001)"]
    assert w.suggest("caerdyd") == ["Caerdydd (W06000015)"]


def test_search_matches_code_english_and_welsh_names() -> None:
    w = welsh_world()
    assert w.search("mon") == ["W06000001"]
    assert w.search("CAER") == ["W06000015"]
    assert w.search("w06") == ["W06000001", "W06000015"]
    assert w.search("a") == ["W06000001", "W06000015"]  # both contain it: code order
    assert w.search("card") == ["W06000015"]
    assert w.search("nowhere") == []
    with pytest.raises(ValueError):
        w.search("x", kind="county")


def test_population_estimate_and_group_share() -> None:
    a = area("E06000001", "Ay", "R1", 10).model_copy(
        update={"census_population": 9, "group_universes": {"workers": 40}}
    )
    assert a.population_estimate == 10 and a.census_population == 9
    assert a.group_share("workers") == 10 / 40
    assert a.group_share("nobody") is None
    assert area("E06000002", "Bee", "R1", 5).group_share("workers") is None  # no universe
