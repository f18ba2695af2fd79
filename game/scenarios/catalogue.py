"""Load the project catalogue (data/projects/*.json) and additionality profiles.

Files are validated once here; everything downstream trusts the frozen models.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.errors import ScenarioError
from game.inputs import InputError, load_json
from game.provenance import check_provenance
from game.resources import data_dir
from game.scenarios.models import LEVELS, Factors, ProjectType, Source, unknown_keys

PROJECTS_DIR = data_dir() / "projects"
PARAMS_DIR = data_dir() / "params"
ADDITIONALITY_CSV = PARAMS_DIR / "additionality.csv"
MAX_SCENARIO_BYTES = 5 * 1024 * 1024  # the shipped catalogue and scenarios are < 100 kB
GROUPS_CSV = data_dir() / "census" / "groups.csv"


@lru_cache(maxsize=1)
def known_group_ids(path: Path = GROUPS_CSV) -> tuple[str, ...]:
    """Citizen group ids a project's `group_effects` may name (the census group table)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(row["id"] for row in csv.DictReader(fh))


@dataclass(frozen=True)
class AdditionalityProfile:
    name: str
    levels: Mapping[str, Factors]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Catalogue:
    types: dict[str, ProjectType]
    profiles: dict[str, AdditionalityProfile] = field(default_factory=dict)

    def get(self, type_id: str) -> ProjectType:
        try:
            return self.types[type_id]
        except KeyError:
            raise ScenarioError(unknown_type_message(type_id, self.types)) from None


def unknown_type_message(type_id: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(type_id, sorted(known), n=3, cutoff=0.5)
    msg = f"unknown project type id '{type_id}'"
    if close:
        msg += f"; did you mean: {', '.join(close)}?"
    return msg


def describe_validation(err: ValidationError, where: str) -> str:
    """First pydantic error as one line: `<where>: <loc>: <message> (got <input>)`."""
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    got = first.get("input")
    shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
    return f"{where}: {loc}: {first['msg']}{shown}"


def read_json(path: Path) -> Any:
    """A JSON file read through the strict, bounded reader (game.inputs)."""
    try:
        return load_json(path, MAX_SCENARIO_BYTES)
    except InputError as exc:
        raise ScenarioError(str(exc)) from None


def load_profiles(path: Path = ADDITIONALITY_CSV) -> dict[str, AdditionalityProfile]:
    rows: dict[str, dict[str, Factors]] = {}
    sources: dict[str, list[Source]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            check_provenance(path, row, i)
            try:
                name, level = row["profile"], row["level"]
                if level not in LEVELS:
                    raise ScenarioError(f"{path}, row {i}: unknown level '{level}'")
                factors = Factors(
                    leakage=float(row["leakage"]),
                    displacement=float(row["displacement"]),
                    substitution=float(row["substitution"]),
                    deadweight=float(row["deadweight"]),
                    multiplier=float(row["multiplier"]),
                )
                src = Source(
                    field=f"additionality.{level}", source=row["source"], status=row["status"]
                )
            except (KeyError, ValueError) as exc:
                raise ScenarioError(f"{path}, row {i}: {exc}".splitlines()[0]) from None
            rows.setdefault(name, {})[level] = factors
            sources.setdefault(name, []).append(src)
    out = {}
    for name, levels in rows.items():
        missing = [lv for lv in LEVELS if lv not in levels]
        if missing:
            raise ScenarioError(f"{path}: profile '{name}' lacks level(s) {', '.join(missing)}")
        out[name] = AdditionalityProfile(name, dict(levels), tuple(sources[name]))
    return out


def resolve_type(raw: Any, where: str, profiles: Mapping[str, AdditionalityProfile]) -> ProjectType:
    """Validate one project type and fill its additionality factors from its profile."""
    try:
        ptype = ProjectType.model_validate(raw)
    except ValidationError as exc:
        ident = raw.get("id", "?") if isinstance(raw, dict) else "?"
        raise ScenarioError(describe_validation(exc, f"{where} (project '{ident}')")) from None
    try:
        unknown_keys(ptype.group_effects, known_group_ids(), "citizen group")
    except ValueError as exc:
        raise ScenarioError(f"{where}: project '{ptype.id}': group_effects: {exc}") from None
    if ptype.additionality_profile == "custom":
        missing = [lv for lv in LEVELS if lv not in ptype.additionality]
        if missing:
            raise ScenarioError(
                f"{where}: project '{ptype.id}': custom additionality lacks {', '.join(missing)}"
            )
    else:
        profile = profiles.get(ptype.additionality_profile)
        if profile is None:
            raise ScenarioError(
                f"{where}: project '{ptype.id}': unknown additionality profile "
                f"'{ptype.additionality_profile}' (known: {', '.join(sorted(profiles))})"
            )
        merged = {lv: ptype.additionality.get(lv, profile.levels[lv]) for lv in LEVELS}  # type: ignore[call-overload]
        ptype = ptype.model_copy(update={"additionality": merged})
    missing_src = ptype.unsourced_fields()
    if missing_src:
        raise ScenarioError(
            f"{where}: project '{ptype.id}': no source/status for {', '.join(missing_src)}"
        )
    return ptype


def _types_in(path: Path) -> list[Any]:
    data = read_json(path)
    items = data.get("project_types") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ScenarioError(f"{path}: expected a list of project types under 'project_types'")
    return items


def _base_catalogue(directory: Path, profiles_path: Path) -> Catalogue:
    profiles = load_profiles(profiles_path)
    types: dict[str, ProjectType] = {}
    files = sorted(directory.glob("*.json"))
    if not files:
        raise ScenarioError(f"{directory}: no project catalogue files (*.json)")
    for path in files:
        for i, raw in enumerate(_types_in(path)):
            ptype = resolve_type(raw, f"{path} item {i}", profiles)
            if ptype.id in types:
                raise ScenarioError(f"{path}: duplicate project type id '{ptype.id}'")
            types[ptype.id] = ptype
    return Catalogue(types=types, profiles=profiles)


def load_catalogue(
    extra: list[ProjectType] | None = None,
    directory: Path | None = None,
    profiles_path: Path | None = None,
) -> Catalogue:
    """The shipped catalogue plus `extra` types (which replace same-id types). Read from
    disk on every call: the engine gets its catalogue in game.sim.params_bundle.Parameters."""
    base = _base_catalogue(directory or PROJECTS_DIR, profiles_path or ADDITIONALITY_CSV)
    if not extra:
        return base
    types = dict(base.types)
    for ptype in extra:
        types[ptype.id] = resolve_type(ptype.model_dump(), "extra types", base.profiles)
    return Catalogue(types=types, profiles=base.profiles)
