"""Issue 8 point 6: the wider level is the combined authority where one exists (LEPs closed
in 2024), always named; the 2021 LEP only where there is no combined authority."""

from __future__ import annotations

import json

import pytest

from game.census import load_world
from game.sim.levels import wider_grouping, wider_name


@pytest.fixture(scope="module")
def world():
    return load_world()


def test_leeds_is_shown_at_west_yorkshire_not_its_lep(world) -> None:
    leeds = world.resolve("Leeds")
    assert leeds.lep_codes and leeds.ca_code  # both exist; the LEP came first before
    g = wider_grouping(world, leeds, "sub_region", ("E08000035",))
    assert g.code == leeds.ca_code and "West Yorkshire" in g.name
    named = wider_name(world, leeds, "sub_region", ("E08000035",))
    assert named["kind"] == "combined authority" and "West Yorkshire" in named["label"]


def test_without_a_combined_authority_the_lep_is_named(world) -> None:
    code = next(c for c in world.codes if world.areas[c].lep_codes and not world.areas[c].ca_code)
    a = world.areas[code]
    named = wider_name(world, a, "sub_region", (code,))
    assert named["kind"] == "LEP (2021)" and named["name"] == world.resolve(a.lep_codes[0]).name


def test_simulate_names_the_wider_level(capsys) -> None:
    from game.cli import main

    assert main(["simulate", "--area", "Leeds", "--years", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "West Yorkshire" in data["wider_area"]["label"]
    assert main(["simulate", "--area", "Leeds", "--years", "1"]) == 0
    assert "Wider level: West Yorkshire" in capsys.readouterr().out


def test_census_leakage_at_the_wider_level_uses_the_combined_authority(world) -> None:
    from game.play.shipped import shipped_parameters
    from game.sim.engine import Engine

    e = Engine(world, "Leeds", years=1, params=shipped_parameters())
    ca = world.resolve(world.resolve("Leeds").ca_code)
    c = ca.commuting
    assert e.ctx.census_leakage["sub_region"] == pytest.approx(c.in_commuters / c.workplace_jobs)
