"""Welsh mutations of place names (issue 10, point 6: the Welsh place name everywhere)."""

from __future__ import annotations

import pytest

from game.model.welsh import aspirate, in_place, nasal, place_forms, soft


@pytest.mark.parametrize(
    ("name", "yn", "to"),
    [
        ("Caerdydd", "yng Nghaerdydd", "Gaerdydd"),
        ("Casnewydd", "yng Nghasnewydd", "Gasnewydd"),
        ("Ceredigion", "yng Ngheredigion", "Geredigion"),
        ("Gwynedd", "yng Ngwynedd", "Wynedd"),
        ("Powys", "ym Mhowys", "Bowys"),
        ("Pen-y-bont ar Ogwr", "ym Mhen-y-bont ar Ogwr", "Ben-y-bont ar Ogwr"),
        ("Bro Morgannwg", "ym Mro Morgannwg", "Fro Morgannwg"),
        ("Blaenau Gwent", "ym Mlaenau Gwent", "Flaenau Gwent"),
        ("Torfaen", "yn Nhorfaen", "Dorfaen"),
        ("Merthyr Tudful", "ym Merthyr Tudful", "Ferthyr Tudful"),
        ("Abertawe", "yn Abertawe", "Abertawe"),
        ("Wrecsam", "yn Wrecsam", "Wrecsam"),
        ("Ynys Môn", "yn Ynys Môn", "Ynys Môn"),
        ("Rhondda Cynon Taf", "yn Rhondda Cynon Taf", "Rondda Cynon Taf"),
        ("Llanelli", "yn Llanelli", "Lanelli"),
        ("Sir Benfro", "yn Sir Benfro", "Sir Benfro"),
        ("Conwy", "yng Nghonwy", "Gonwy"),
    ],
)
def test_in_and_to_a_welsh_place(name, yn, to):
    assert in_place(name) == yn
    assert soft(name) == to


def test_aspirate_and_nasal():
    assert aspirate("Caerdydd") == "Chaerdydd" and aspirate("Powys") == "Phowys"
    assert aspirate("Bangor") == "Bangor"
    assert nasal("Bangor") == "Mangor" and nasal("Dinbych") == "Ninbych"


def test_english_names_are_not_mutated():
    forms = place_forms(None, "Hartlepool")
    assert forms["area_cy_yn"] == "yn Hartlepool" and forms["area_cy_soft"] == "Hartlepool"
    assert place_forms("Caerdydd", "Cardiff")["area_cy_yn"] == "yng Nghaerdydd"


def test_every_welsh_authority_gets_a_form(world):
    for a in world.areas.values():
        if a.name_cy:
            forms = place_forms(a.name_cy, a.name)
            assert forms["area_cy_yn"].startswith(("yn ", "yng ", "ym "))
            assert forms["area_cy_soft"]
