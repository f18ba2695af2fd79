"""JSON surfaces: scenario files (via `simulate --scenario`), map.json, and saved games."""

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
    weird_text,
)

from game.resources import data_dir

SCENARIO = data_dir() / "scenarios" / "hartlepool_business_park_skills.json"


def dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


def _leaves(obj: Any, path: tuple = ()) -> list[tuple]:
    """Paths to every number, string or bool inside obj."""
    if isinstance(obj, dict):
        return [p for k, v in obj.items() for p in _leaves(v, (*path, k))]
    if isinstance(obj, list):
        return [p for i, v in enumerate(obj) for p in _leaves(v, (*path, i))]
    return [path]


def _set(obj: Any, path: tuple, value: Any) -> Any:
    out = copy.deepcopy(obj)
    cur = out
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = value
    return out


def _numbers(obj: Any) -> list[tuple]:
    def get(p: tuple) -> Any:
        cur = obj
        for k in p:
            cur = cur[k]
        return cur

    return [
        p for p in _leaves(obj) if isinstance(get(p), int | float) and not isinstance(get(p), bool)
    ]


ABSURD = ["NaN", "Infinity", "-Infinity", "1e400", "9" * 5000, "true", "-1e300", "1e300"]


def json_mutations(rng_doc: Callable[[Any], Any]) -> list[Callable[[Random, Any], Case]]:
    """Structure-aware mutations of a JSON document (`rng_doc(base)` gives the dict)."""

    def absurd_number(rng: Random, base: Any) -> Case:
        doc = rng_doc(base)
        spots = _numbers(doc)
        path = rng.choice(spots)
        marker = "__ABSURD__"
        text = dump(_set(doc, path, marker)).replace(
            json.dumps(marker).encode(), rng.choice(ABSURD).encode()
        )
        return Case(f"absurd number at {'.'.join(map(str, path))}", text, bad=True)

    def weird_string(rng: Random, base: Any) -> Case:
        doc = rng_doc(base)
        strings = [p for p in _leaves(doc) if isinstance(_get(doc, p), str)]
        path = rng.choice(strings)
        return Case(f"weird string at {path[-1]}", dump(_set(doc, path, weird_text(rng))))

    def duplicate_key(rng: Random, base: Any) -> Case:
        doc = rng_doc(base)
        key = rng.choice(sorted(doc))
        body = dump(doc)
        extra = json.dumps(key).encode() + b": " + dump(doc[key]) + b", "
        return Case(f"duplicate key {key}", b"{" + extra + body[1:], bad=True)

    def deep(rng: Random, base: Any) -> Case:
        n = rng.choice([65, 200, 1000, 100_000])
        doc = rng_doc(base)
        key = rng.choice(sorted(doc))
        nested = b"[" * n + b"1" + b"]" * n
        text = dump(_set(doc, (key,), "__DEEP__")).replace(b'"__DEEP__"', nested)
        return Case(f"nested {n} deep", text, bad=True)

    def not_object(rng: Random, base: Any) -> Case:
        return Case("not an object", rng.choice([b"[]", b"1", b'"x"', b"null", b"[1,2,3]"]), True)

    def lone_surrogate_key(rng: Random, base: Any) -> Case:
        return Case("surrogate key", b'{"\\udc80": 1, ' + dump(rng_doc(base))[1:], bad=True)

    return [absurd_number, weird_string, duplicate_key, deep, not_object, lone_surrogate_key]


def _get(obj: Any, path: tuple) -> Any:
    for p in path:
        obj = obj[p]
    return obj


# -- scenarios ---------------------------------------------------------------------------


def _scenario_base() -> dict:
    return json.loads(SCENARIO.read_text(encoding="utf-8"))


def _scenario_specific() -> list[Callable[[Random, Any], Case]]:
    def many_projects(rng: Random, base: dict) -> Case:
        n = rng.choice([1001, 20_000, 500_000])
        doc = {**base, "projects": [{"type": "business_park"}] * n}
        return Case(f"{n} projects", dump(doc), bad=True)

    def duplicate_type(rng: Random, base: dict) -> Case:
        doc = {**base, "project_types": base["project_types"] * 2}
        return Case("duplicate project type id", dump(doc), bad=True)

    def bool_number(rng: Random, base: dict) -> Case:
        doc = copy.deepcopy(base)
        field = rng.choice(["budget", "years"])
        doc[field] = True
        return Case(f"true as {field}", dump(doc), bad=True)

    def unknown_type(rng: Random, base: dict) -> Case:
        doc = copy.deepcopy(base)
        doc["projects"][0]["type"] = weird_text(rng) or "x"
        return Case("unknown project type", dump(doc), bad=True)

    def huge_budget(rng: Random, base: dict) -> Case:
        return Case("budget 1e200", dump({**base, "budget": 1e200}), bad=True)

    return [many_projects, duplicate_type, bool_number, unknown_type, huge_budget]


def _run_scenario(case: Case, tmp: Path, base: Any) -> Result:
    path = tmp / "scenario.json"
    materialise(case, path)
    argv = [
        "simulate",
        "--scenario",
        str(path),
        "--area",
        "Hartlepool",
        "--years",
        "2",
        "--json",
        "--allow-dropped",
    ]
    return call_cli(argv, case, (str(path),))


SCENARIOS = Surface(
    "scenarios",
    general_mutations(dump) + json_mutations(lambda b: b) + _scenario_specific(),
    _scenario_base,
    _run_scenario,
)


# -- map.json ------------------------------------------------------------------------------


def _map_base() -> dict:
    doc = json.loads((data_dir() / "census" / "map.json").read_text(encoding="utf-8"))
    keep = sorted(doc["polygons"])[:3]  # a small map keeps each case fast
    return {
        "polygons": {k: doc["polygons"][k] for k in keep},
        "hex": {k: doc["hex"][k] for k in keep},
        "hex_layout": doc["hex_layout"],
        "neighbours": {k: [n for n in doc["neighbours"][k] if n in keep] for k in keep},
        "bbox": doc["bbox"],
        "attribution": doc["attribution"],
    }


def _map_specific() -> list[Callable[[Random, Any], Case]]:
    def off_world(rng: Random, base: dict) -> Case:
        doc = copy.deepcopy(base)
        code = sorted(doc["polygons"])[0]
        doc["polygons"][code][0][0] = [rng.choice([1e300, -500.0, 200.0]), 95.0]
        return Case("point off the globe", dump(doc), bad=True)

    def missing_key(rng: Random, base: dict) -> Case:
        doc = dict(base)
        doc.pop(rng.choice(sorted(doc)))
        return Case("missing key", dump(doc), bad=True)

    def inconsistent(rng: Random, base: dict) -> Case:
        doc = copy.deepcopy(base)
        code = sorted(doc["polygons"])[0]
        kind = rng.choice(["stray neighbour", "hex without outline", "layout"])
        if kind == "stray neighbour":
            doc["neighbours"][code] = [*doc["neighbours"][code], "E09999999"]
        elif kind == "hex without outline":
            doc["hex"]["E09999999"] = [0, 0]
        else:
            doc["hex_layout"] = weird_text(rng)
        return Case(f"inconsistent map ({kind})", dump(doc), bad=True)

    return [off_world, missing_key, inconsistent]


def _run_map(case: Case, tmp: Path, base: Any) -> Result:
    from game.census.mapfile import load_map

    path = tmp / "map.json"
    materialise(case, path)
    return call_in_process(lambda: load_map(tmp), case, (str(path),))


MAPS = Surface(
    "map.json",
    general_mutations(dump) + json_mutations(lambda b: b) + _map_specific(),
    _map_base,
    _run_map,
)


# -- what people type on the command line ---------------------------------------------------


def _run_argv(case: Case, tmp: Path, base: Any) -> Result:
    """The case's text is an area name or search typed at the command line."""
    text = (case.data or b"").decode("utf-8", "surrogateescape")
    command = (
        ["profile", text]
        if len(text) % 3 == 0
        else (["areas", "--search", text] if len(text) % 3 == 1 else ["simulate", "--area", text])
    )
    return call_cli([*command, "--json"], case, ("area", "[]"))


def _argv_mutations() -> list[Callable[[Random, Any], Case]]:
    def weird(rng: Random, base: Any) -> Case:
        return Case("weird query", weird_text(rng).encode("utf-8", "surrogatepass"))

    def near(rng: Random, base: Any) -> Case:
        name = rng.choice(["Hartlepool", "York", "Ynys Môn", "Tees Valley", "E06000001"])
        i = rng.randrange(len(name) + 1)
        return Case(
            "near miss", (name[:i] + weird_text(rng) + name[i:]).encode("utf-8", "surrogatepass")
        )

    return [weird, near]


COMMAND_LINE = Surface("command-line area names", _argv_mutations(), lambda: None, _run_argv)
