"""Load a scenario file (JSON): planned projects plus added or overridden project types."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.errors import ScenarioError
from game.scenarios.catalogue import (
    Catalogue,
    describe_validation,
    load_catalogue,
    read_json,
    resolve_type,
    unknown_type_message,
)
from game.scenarios.models import (
    MAX_PROJECTS,
    MAX_TYPES,
    SOURCED_FIELDS,
    ProjectOverride,
    ProjectType,
    Scenario,
)


def override_unsourced(override: ProjectOverride, changes: dict[str, Any]) -> list[str]:
    """Numbers an override changes that its own `sources` do not cover. The catalogue's
    entry describes the old number, so keeping it would pass a made-up figure (a GBP 1,000
    business park) off as sourced. Zero needs no source, as in the catalogue."""
    given = {s.field for s in override.sources or ()}

    def covered(field: str) -> bool:
        return field in given or field.split(".", 1)[0] in given

    missing: list[str] = []
    for field in SOURCED_FIELDS:
        value = changes.get(field)
        if not value:
            continue
        if isinstance(value, dict):
            missing += [
                f"{field}.{k}" for k, v in value.items() if v and not covered(f"{field}.{k}")
            ]
        elif not covered(field):
            missing.append(field)
    return missing


def merged_override(base: ProjectType, changes: dict[str, Any]) -> dict[str, Any]:
    """The catalogue type with an override's changes laid over it. New sources replace
    those for the same field and keep the rest; a new additionality profile drops the
    type's own table so the profile is used."""
    merged = base.model_dump()
    changes = dict(changes)
    if "sources" in changes:
        fields = {s["field"] for s in changes["sources"]}
        kept = [s for s in merged["sources"] if s["field"] not in fields]
        changes["sources"] = kept + list(changes["sources"])
    merged.update(changes)
    if "additionality_profile" in changes:
        merged["additionality"] = {}
    return merged


def load_scenario(path: Path | str) -> Scenario:
    """Parse and validate a scenario; every referenced type id must exist after overrides."""
    path = Path(path)
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path}: expected a JSON object with 'name' and 'projects'")
    # Refuse oversized lists before validating each item (500,000 projects took a minute).
    for key, limit in (
        ("projects", MAX_PROJECTS),
        ("project_types", MAX_TYPES),
        ("overrides", MAX_TYPES),
    ):
        items = raw.get(key)
        if isinstance(items, list) and len(items) > limit:
            raise ScenarioError(
                f"{path}: {key}: {len(items):,} entries, above the limit of {limit:,}"
            )
    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(describe_validation(exc, str(path))) from None
    scenario_catalogue(scenario, where=str(path))  # validates ids, overrides and sources
    return scenario


def scenario_catalogue(
    scenario: Scenario, base: Catalogue | None = None, where: str = "scenario"
) -> Catalogue:
    """The catalogue a scenario plays with: base types, then added types, then overrides."""
    base = base or load_catalogue()
    types: dict[str, ProjectType] = dict(base.types)
    added: set[str] = set()
    for i, ptype in enumerate(scenario.project_types):
        if ptype.id in added:
            raise ScenarioError(
                f"{where}: project_types[{i}]: duplicate project type id '{ptype.id}'"
            )
        added.add(ptype.id)
        types[ptype.id] = resolve_type(
            ptype.model_dump(), f"{where}: project_types[{i}]", base.profiles
        )
    for i, override in enumerate(scenario.overrides):
        if override.id not in types:
            raise ScenarioError(
                f"{where}: overrides[{i}]: {unknown_type_message(override.id, types)}"
            )
        changes = override.model_dump(exclude_none=True, exclude={"id"})
        unsourced = override_unsourced(override, changes)
        if unsourced:
            raise ScenarioError(
                f"{where}: overrides[{i}] ('{override.id}'): {', '.join(unsourced)} changed "
                "without a source of its own (add a 'sources' entry with field, source and "
                "status for each new number; the catalogue's source described the old one)"
            )
        merged = merged_override(types[override.id], changes)
        types[override.id] = resolve_type(merged, f"{where} overrides[{i}]", base.profiles)
    for i, planned in enumerate(scenario.projects):
        if planned.type not in types:
            raise ScenarioError(
                f"{where}: projects[{i}]: {unknown_type_message(planned.type, types)}"
            )
    return Catalogue(types=types, profiles=base.profiles)
