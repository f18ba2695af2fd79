"""Assumptions and provenance: every parameter and cost a run used, with its source and
status, read from the shipped data files themselves (so new parameter files appear here
without a change), and the census tables behind the area's profile."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from game.report.markup import plain
from game.resources import data_dir

if TYPE_CHECKING:  # the report reads a finished engine; it never builds one
    from game.sim.engine import Engine

COLUMNS = ["topic", "file", "parameter", "value", "unit", "source", "status"]
# Columns that name one parameter per row (a named-value file lists every row).
NAME_COLUMNS = ("name", "parameter", "variant")
TOPICS = {
    "params": "Engine parameter",
    "projects": "Appraisal parameter",
    "play": "Benchmark",
}


def _number(text: str | None) -> Any:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return text


@lru_cache(maxsize=32)
def _rows(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def _file_rows(path: Path, used_profiles: frozenset[str]) -> list[list[Any]]:
    rows = _rows(path)
    if not rows or "source" not in rows[0]:
        return []
    topic = TOPICS.get(path.parent.name, "Parameter")
    rel = f"{path.parent.name}/{path.name}"
    key = next((c for c in NAME_COLUMNS if c in rows[0]), None)
    out: list[list[Any]] = []
    if key is not None:
        for r in rows:
            values = {k: v for k, v in r.items() if k not in (key, "source", "status", "unit")}
            value = (
                _number(r.get("value"))
                if "value" in r
                else "; ".join(f"{k} {v}" for k, v in values.items())
            )
            out.append([topic, rel, r[key], value, r.get("unit", ""), r["source"], r["status"]])
        return out
    if "profile" in rows[0]:  # additionality: the profiles the funded projects use
        for r in rows:
            if r["profile"] not in used_profiles:
                continue
            value = "; ".join(
                f"{k} {r[k]}"
                for k in ("deadweight", "leakage", "displacement", "substitution", "multiplier")
            )
            out.append(
                [
                    topic,
                    rel,
                    f"{r['profile']} at {r['level']}",
                    value,
                    "share / factor",
                    r["source"],
                    r["status"],
                ]
            )
        return out
    # Long schedules (by age, by group): one line per distinct source, with the row count.
    groups: dict[tuple[str, str], int] = {}
    for r in rows:
        groups[(r["source"], r["status"])] = groups.get((r["source"], r["status"]), 0) + 1
    for (source, status), n in groups.items():
        out.append([topic, rel, f"{n} rows", "table", "", source, status])
    return out


def _flat(value: Any) -> Any:
    """A catalogue field as one cell: numbers as "key 1.5", nested tables (a custom type's
    additionality by level) as "lad: deadweight 0.3, ..." so a scenario's own values print."""
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if isinstance(v, dict):
                parts.append(f"{k}: " + ", ".join(f"{kk} {_flat(vv)}" for kk, vv in v.items()))
            else:
                parts.append(f"{k} {_flat(v)}")
        return "; ".join(parts)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    return value


def _catalogue_rows(engine: Engine) -> list[list[Any]]:
    out: list[list[Any]] = []
    seen: set[str] = set()
    for p in engine.state.projects:
        if p.type_id in seen:
            continue
        seen.add(p.type_id)
        t = engine.catalogue.types[p.type_id]
        data = t.model_dump()
        for s in t.sources:
            head, _, rest = s.field.partition(".")
            value: Any = data.get(head)
            if rest and isinstance(value, dict):
                value = value.get(rest)
            if isinstance(value, dict):
                value = _flat(value)
            unit = {
                "capital_cost": "GBP",
                "running_cost": "GBP a year",
                "build_years": "years",
                "construction_job_years": "job-years",
            }.get(head, "")
            out.append(
                [
                    "Project cost and output",
                    "projects/catalogue.json (or the scenario)",
                    f"{t.id}.{s.field}",
                    value,
                    unit,
                    s.source,
                    s.status,
                ]
            )
    return out


def assumptions_table(engine: Engine) -> pd.DataFrame:
    """Every parameter and cost behind `engine`'s run: the funded project types' catalogue
    entries first, then each data file of parameters."""
    used = frozenset(
        {"construction"}
        | {engine.catalogue.types[p.type_id].additionality_profile for p in engine.state.projects}
    )
    rows = _catalogue_rows(engine)
    root = data_dir()
    for folder in ("projects", "params", "play"):
        for path in sorted((root / folder).glob("*.csv")):
            if folder == "play" and path.name != "benchmarks.csv":
                continue
            rows += _file_rows(path, used)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if engine.ctx.census_leakage:
        note = (
            "Leakage of operational jobs replaced by the area's Census 2021 in-commuting "
            "share (ODWP01EW): "
            + "; ".join(f"{lv} {v:.1%}" for lv, v in engine.ctx.census_leakage.items())
        )
        extra = pd.DataFrame(
            [
                [
                    "Engine parameter",
                    "census/odwp01_commuting.csv",
                    "census leakage",
                    note,
                    "share",
                    "Census 2021 ODWP01EW",
                    "derived",
                ]
            ],
            columns=COLUMNS,
        )
        frame = pd.concat([frame, extra], ignore_index=True)
    return frame


_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(.*?)\|(.*?)\|(.*?)\|\s*$")


@lru_cache(maxsize=1)
def census_sources_table() -> pd.DataFrame:
    """The census extracts and their source tables, from data/census/README.md."""
    rows = []
    try:
        text = (data_dir() / "census" / "README.md").read_text(encoding="utf-8")
    except OSError:
        text = ""
    for line in text.splitlines():
        m = _ROW.match(line)
        if m:
            rows.append([m.group(1), *(plain(m.group(k).strip()) for k in (2, 3, 4))])
    return pd.DataFrame(rows, columns=["file", "source table", "vintage", "content"])
