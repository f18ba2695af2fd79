"""Saved games: every load goes through load_and_replay (what Continue does). A refused save
must be set aside byte for byte (or, if it is not a regular file, left untouched)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from fuzzlib import (
    Case,
    Result,
    Surface,
    call_cli,
    call_in_process,
    general_mutations,
    materialise,
)
from surfaces_json import dump, json_mutations

AREA = "Hartlepool"


def _world() -> Any:
    from game.census import load_world

    return load_world()


def _save_base() -> dict:
    """A real two-year game with a funded card, as its save file holds it."""
    from game.play import Fund, GameSession

    s = GameSession.new(_world(), AREA, seed=7)
    for card in s.proposals:
        if s.check(Fund(card_id=card.id)).ok:
            s.act(Fund(card_id=card.id))
            break
    s.advance_year()
    s.advance_year()
    return json.loads(s.to_save().model_dump_json())


def _edit(base: dict, label: str, fn: Callable[[dict], None], bad: bool | None = True) -> Case:
    doc = copy.deepcopy(base)
    fn(doc)
    return Case(label, dump(doc), bad=bad)


def _save_specific() -> list[Callable[[Random, Any], Case]]:
    def checksum(rng: Random, base: dict) -> Case:
        def f(d: dict) -> None:
            key = rng.choice(sorted(d["checksums"]))
            d["checksums"][key] = "0" * 32

        return _edit(base, "changed checksum", f)

    def seed(rng: Random, base: dict) -> Case:
        value = rng.choice([-1, 2**64, 8, 0])
        return _edit(base, f"seed {value}", lambda d: d.__setitem__("seed", value))

    def fund(rng: Random, base: dict) -> Case:
        value = rng.choice([-1.0, 1e308, 5e11, 1e12])
        return _edit(
            base, f"fund {value}", lambda d: d["settings"].__setitem__("fund_override", value)
        )

    def fund_nan(rng: Random, base: dict) -> Case:
        text = dump(base).replace(b'"fund_override": null', b'"fund_override": NaN')
        return Case("fund NaN", text, bad=True)

    def too_many_years(rng: Random, base: dict) -> Case:
        n = rng.choice([9, 30, 200])
        return _edit(
            base, f"{n} more advances", lambda d: d["commands"].extend([{"kind": "advance"}] * n)
        )

    def unknown_command(rng: Random, base: dict) -> Case:
        return _edit(
            base,
            "unknown command",
            lambda d: d["commands"].insert(
                rng.randrange(len(d["commands"]) + 1), {"kind": rng.choice(["bribe", "", "fund"])}
            ),
        )

    def wrong_turn(rng: Random, base: dict) -> Case:
        return _edit(base, "turn", lambda d: d.__setitem__("turn", rng.choice([0, 1, 3, 99])))

    def wrong_area(rng: Random, base: dict) -> Case:
        return _edit(base, "area", lambda d: d.__setitem__("area", "W06000001"))

    def years(rng: Random, base: dict) -> Case:
        value = rng.choice([0, 1, 51, 10**6])
        return _edit(base, f"years {value}", lambda d: d["settings"].__setitem__("years", value))

    def version(rng: Random, base: dict) -> Case:
        return _edit(base, "version", lambda d: d.__setitem__("version", rng.choice([0, 2, "1"])))

    def scenario_garbage(rng: Random, base: dict) -> Case:
        return _edit(
            base,
            "scenario garbage",
            lambda d: d["settings"].__setitem__(
                "scenario", {"name": weird_name(rng), "projects": [{"type": "nope"}]}
            ),
        )

    return [
        checksum,
        seed,
        fund,
        fund_nan,
        too_many_years,
        unknown_command,
        wrong_turn,
        wrong_area,
        years,
        version,
        scenario_garbage,
    ]


def weird_name(rng: Random) -> str:
    return rng.choice(["x", "\u200b", "\x1b[2J", "é" * 300])


def _run_save(case: Case, tmp: Path, base: Any) -> Result:
    from game.play import GameSession, SaveFile
    from game.store.saves import load_and_replay

    folder = tmp / "saves"
    folder.mkdir(exist_ok=True)
    path = folder / "autosave.json"
    materialise(case, path)
    world = _world()
    result = call_in_process(
        lambda: load_and_replay(path, SaveFile, lambda s: GameSession.from_save(world, s)),
        case,
        (str(path),),
    )
    SAVES.tally_extra["cases"] += 1
    lost_before = SAVES.tally_extra["lost"]
    if result.outcome in ("clean", "unclear", "refused_valid"):
        SAVES.tally_extra["rejected"] += 1
        if case.special == "huge":
            # a regular file, only too big: set aside like any bad save (too big to compare)
            aside = list(folder.glob("autosave.json.corrupt-*"))
            intact = not path.exists() and [p.stat().st_size for p in aside] == [300 * 2**20]
            SAVES.tally_extra["set aside" if intact else "lost"] += 1
        elif case.special:
            # not a save at all: refused at once and left where it is
            kept = path.exists() or path.is_symlink()
            SAVES.tally_extra["left in place" if kept else "lost"] += 1
        else:
            aside = sorted(folder.glob("autosave.json.corrupt-*"))
            intact = (not path.exists()) and any(p.read_bytes() == case.data for p in aside)
            SAVES.tally_extra["set aside" if intact else "lost"] += 1
        if SAVES.tally_extra["lost"] > lost_before:
            return Result("lost", f"{case.label}: {result.detail}")
    return result


SAVES = Surface(
    "saves",
    general_mutations(dump) + json_mutations(lambda b: b) + _save_specific(),
    _save_base,
    _run_save,
)


def _run_report(case: Case, tmp: Path, base: Any) -> Result:
    """`report --save FILE`: a user's own file is read, reported if bad, never moved."""
    path = tmp / "game.json"
    materialise(case, path)
    argv = ["report", "--save", str(path), "--out", str(tmp / "pack"), "--format", "csv"]
    result = call_cli(argv, case, (str(path),))
    if case.special is None and path.read_bytes() != case.data:
        return Result("lost", f"{case.label}: the file changed")
    return result


REPORT_SAVES = Surface(
    "report --save",
    general_mutations(dump) + json_mutations(lambda b: b) + _save_specific(),
    _save_base,
    _run_report,
)
