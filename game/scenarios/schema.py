"""The JSON Schema for scenario files, generated from the pydantic models.

    python -m game.scenarios.schema --out data/schema/scenario.schema.json

The models are the single definition; this adds what they check outside pydantic's own
schema (the known keys of outputs, indicator_effects, group_effects and operational_fte)
so an editor can complete and flag them. A test keeps the shipped file up to date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.atomic import atomic_write_text
from game.resources import data_dir
from game.scenarios.catalogue import known_group_ids
from game.scenarios.models import (
    INDICATOR_EFFECT_KEYS,
    OUTPUT_KEYS,
    SIC_SECTIONS,
    Scenario,
)

SCHEMA_FILE = data_dir() / "schema" / "scenario.schema.json"


def _keys(defs: dict[str, Any], model: str, field: str, names: tuple[str, ...]) -> None:
    prop = defs[model]["properties"][field]
    target = next((o for o in prop.get("anyOf", []) if o.get("type") == "object"), prop)
    target["propertyNames"] = {"enum": list(names)}


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True)
    defs = schema["$defs"]
    for model in ("ProjectType", "ProjectOverride"):
        _keys(defs, model, "outputs", OUTPUT_KEYS)
        _keys(defs, model, "indicator_effects", INDICATOR_EFFECT_KEYS)
        _keys(defs, model, "group_effects", known_group_ids())
        _keys(defs, model, "operational_fte", SIC_SECTIONS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Civic Futures scenario",
        "description": (
            "A Civic Futures scenario: planned projects, added or overridden project "
            "types. Generated from game/scenarios/models.py; see data/scenarios/README.md."
        ),
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SCHEMA_FILE, help="where to write it")
    args = parser.parse_args(argv)
    atomic_write_text(args.out, schema_text())
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
