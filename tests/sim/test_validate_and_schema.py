"""Issue 8 point 6: the JSON Schema generated from the models (shipped, kept current) and
`python main.py validate FILE` listing every problem at once."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.cli import main
from game.scenarios.schema import SCHEMA_FILE, schema_text

SCENARIOS = Path(__file__).resolve().parents[2] / "data" / "scenarios"
MESSY = Path(__file__).with_name("messy_scenario.json")


def test_shipped_schema_is_generated_from_the_models() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "run: python -m game.scenarios.schema"
    )


def test_shipped_scenarios_meet_the_schema_and_typos_do_not() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    for f in sorted(SCENARIOS.glob("*.json")):
        assert not list(v.iter_errors(json.loads(f.read_text(encoding="utf-8")))), f.name
    messages = [e.message for e in v.iter_errors(json.loads(MESSY.read_text(encoding="utf-8")))]
    assert any("budjet" in m for m in messages)
    assert any("'homez' is not one of" in m for m in messages)


def test_validate_lists_every_problem_at_once(capsys) -> None:
    assert main(["validate", str(MESSY)]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    expected = [
        "projects.2.scale",  # pydantic, whole file in one pass
        "unknown output 'homez'",
        "budjet",
        "unknown citizen group 'studnets'",
        "overrides[0] ('business_park'): capital_cost changed without a source",
        "overrides[1]: unknown project type id 'no_such_type'",
        "projects[0]: unknown project type id 'moon_base'",
        "projects[1] 'Late park' (business_park, 2030): after the last funding year",
        "projects[3] (affordable_homes, 2021): area 'Leeds'",
    ]
    for needle in expected:
        assert sum(needle in line for line in out) == 1, needle
    assert out[-1].endswith(f"{len(expected)} problems")


def test_validate_passes_the_shipped_scenarios(capsys) -> None:
    files = [str(f) for f in sorted(SCENARIOS.glob("*.json"))]
    assert main(["validate", *files]) == 0
    assert capsys.readouterr().out.count(": OK (") == len(files)


def test_validate_dry_run_finds_what_the_fund_turns_away(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.json"
    path.write_text(
        json.dumps(
            {
                "name": "three schools",
                "area": "Hartlepool",
                "years": 3,
                "projects": [{"type": "secondary_school_new", "label": f"S{n}"} for n in "ABC"],
            }
        )
    )
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert "'SB'" in out and "'SC'" in out and "'SA'" not in out
    assert main(["validate", str(path), "--budget", "none"]) == 0


@pytest.mark.parametrize("text", ["[1, 2]", '{"name": 1,}'])
def test_validate_bad_json_is_one_line_per_file(tmp_path: Path, capsys, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2 and "bad.json" in out[0]


def test_the_readme_worked_example_validates_and_runs(tmp_path: Path, capsys) -> None:
    text = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    example = text.split("```json", 1)[1].split("```", 1)[0]
    path = tmp_path / "my_plan.json"
    path.write_text(example, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert main(["simulate", "--scenario", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert len(data["projects"]) == 3 and data["wider_area"]["name"] == "North East"
    apprentices = next(p for p in data["projects"] if p["type_id"] == "apprenticeship_programme")
    assert apprentices["capital_cost"] == 2_400_000 and apprentices["economic_case"]["valued"]


def test_validate_names_a_new_types_problem_once_in_the_usual_form(tmp_path: Path, capsys) -> None:
    # Found by an analyst: a new type with a typo in `outputs` was reported, and then every
    # project using it was reported again as an unknown type ("did you mean: sports_hub?");
    # and a missing source read "file project_types[0]: ..." without the usual colon.
    src = json.loads((SCENARIOS / "hartlepool_business_park_skills.json").read_text())
    bad = json.loads(json.dumps(src))
    bad["project_types"][0]["outputs"]["homez"] = 10
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    assert main(["validate", str(tmp_path / "bad.json")]) == 2
    out = capsys.readouterr()
    lines = (out.out + out.err).strip().splitlines()
    assert any("unknown output 'homez'" in line for line in lines)
    assert not any("unknown project type id" in line for line in lines), lines
    nosrc = json.loads(json.dumps(src))
    nosrc["project_types"][0]["sources"] = [
        s for s in nosrc["project_types"][0]["sources"] if s["field"] != "people_served"
    ]
    (tmp_path / "nosrc.json").write_text(json.dumps(nosrc))
    assert main(["validate", str(tmp_path / "nosrc.json")]) == 2
    out = capsys.readouterr()
    text = out.out + out.err
    assert "nosrc.json: project_types[0]: " in text and "people_served" in text
