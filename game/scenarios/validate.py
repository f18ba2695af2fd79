"""Every problem in a scenario file at once (for `python main.py validate`).

`load_scenario` stops at the first problem, which suits a run; an analyst fixing a file
wants the whole list. The checks are the same ones: pydantic's (all errors of the file in
one pass), then each added type, override and planned project on its own, so one bad
entry does not hide the next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.errors import ScenarioError
from game.scenarios.catalogue import load_catalogue, read_json, resolve_type, unknown_type_message
from game.scenarios.models import PlannedProject, ProjectOverride, ProjectType, Scenario
from game.scenarios.scenario import merged_override, override_unsourced


def _pydantic_lines(err: ValidationError, where: str) -> list[str]:
    out = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        got = e.get("input")
        shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
        out.append(f"{where}: {loc}: {e['msg']}{shown}")
    return out


def _entries(raw: dict[str, Any], key: str) -> list[Any]:
    items = raw.get(key, [])
    return items if isinstance(items, list) else []


def scenario_problems(
    path: Path | str,
) -> tuple[Scenario | None, list[str], dict[str, Any] | None]:
    """(the scenario if it is valid, every problem found, the raw object) for one file."""
    where = str(path)
    try:
        raw = read_json(Path(path))
    except ScenarioError as exc:
        return None, [str(exc)], None
    if not isinstance(raw, dict):
        return None, [f"{where}: expected a JSON object with 'name' and 'projects'"], None
    problems: list[str] = []
    scenario = None
    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as exc:
        problems += _pydantic_lines(exc, where)
    base = load_catalogue()
    types: dict[str, ProjectType] = dict(base.types)
    broken: set[str] = set()  # ids of added types already reported as invalid
    for i, item in enumerate(_entries(raw, "project_types")):
        try:
            ProjectType.model_validate(item)
        except ValidationError:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                broken.add(item["id"])  # its projects are not "unknown type" as well
            continue  # already reported by the whole-file pass
        try:
            ptype = resolve_type(item, f"{where}: project_types[{i}]", base.profiles)
        except ScenarioError as exc:
            problems.append(str(exc))
            types[item["id"]] = ProjectType.model_validate(item)  # still a known id
            continue
        types[ptype.id] = ptype
    for i, item in enumerate(_entries(raw, "overrides")):
        problems += _override_problems(item, i, where, types, base.profiles)
    for i, item in enumerate(_entries(raw, "projects")):
        try:
            planned = PlannedProject.model_validate(item)
        except ValidationError:
            continue  # already reported by the whole-file pass
        if planned.type not in types and planned.type not in broken:
            problems.append(f"{where}: projects[{i}]: {unknown_type_message(planned.type, types)}")
    return (scenario if not problems else None), problems, raw


def _override_problems(
    item: Any, i: int, where: str, types: dict[str, ProjectType], profiles: Any
) -> list[str]:
    try:
        override = ProjectOverride.model_validate(item)
    except ValidationError:
        return []  # already reported by the whole-file pass
    if override.id not in types:
        return [f"{where}: overrides[{i}]: {unknown_type_message(override.id, types)}"]
    changes = override.model_dump(exclude_none=True, exclude={"id"})
    out = []
    missing = override_unsourced(override, changes)
    if missing:
        out.append(
            f"{where}: overrides[{i}] ('{override.id}'): {', '.join(missing)} changed without "
            "a source of its own"
        )
    try:
        resolve_type(
            merged_override(types[override.id], changes), f"{where} overrides[{i}]", profiles
        )
    except ScenarioError as exc:
        out.append(str(exc))
    return out
