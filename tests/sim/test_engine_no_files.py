"""The engine is handed its parameters: it opens no file while it is built or run."""

from __future__ import annotations

import builtins
import io
import os
import pathlib

import pytest

from game.census import load_world
from game.resources import data_dir
from game.scenarios import PlannedProject, Scenario
from game.sim.engine import Engine, FundProject
from game.sim.params_bundle import load_parameters


def _forbid_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(name: str):
        def opener(*args: object, **kwargs: object) -> object:
            tried.append(f"{name}{args[:1]}")
            raise AssertionError(f"the engine tried to read a file: {name}{args[:1]}")

        return opener

    monkeypatch.setattr(builtins, "open", refuse("open"))
    monkeypatch.setattr(io, "open", refuse("io.open"))
    monkeypatch.setattr(os, "open", refuse("os.open"))
    for meth in ("open", "read_text", "read_bytes", "exists", "is_file", "is_dir", "iterdir"):
        monkeypatch.setattr(pathlib.Path, meth, refuse(f"Path.{meth}"))
    return tried


def test_engine_built_and_run_from_an_in_memory_bundle_opens_no_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = load_world()
    params = load_parameters(data_dir())  # read once, at the boundary, before the guard
    scenario = Scenario(
        name="in memory",
        projects=(
            PlannedProject(type="business_park", year=2021),
            PlannedProject(type="affordable_homes", year=2022),
        ),
    )
    tried = _forbid_files(monkeypatch)
    for variant in ("low", "central", "high"):
        eng = Engine(
            world, "Tees Valley", years=4, scenario=scenario, params=params, variant=variant
        )
        eng.submit(FundProject("gigabit_broadband"))
        eng.appraise("new_park")
        eng.preview_approval(FundProject("new_park"))
        for _ in range(4):
            eng.advance_year()
        assert eng.jobs_account().net_additional > 0
    assert tried == []
    monkeypatch.undo()
    # the guard itself works: it would have caught a read
    guard = _forbid_files(monkeypatch)
    with pytest.raises(AssertionError):
        (data_dir() / "params" / "demography.csv").read_text()
    assert guard
