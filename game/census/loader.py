"""Load data/census (or an analyst's folder of tables) into a validated World.

Validation happens once, here at the boundary; the World and its profiles are then frozen.
The parsed world is cached per resolved directory, so repeated calls are free.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import ValidationError

from game.census.aliases import ALIASES_FILE, read_aliases
from game.census.paths import DEFAULT_CENSUS_DIR
from game.census.sections import section_matrix as _section_matrix
from game.census.tables import (
    AREAS_COLUMNS,
    Category,
    no_repeats,
    read_csv_text,
    read_wide,
    require_columns,
    to_counts,
)
from game.errors import DataError
from game.inputs import shown
from game.model.area import N_AGES, AreaProfile, CohortTable, Commuting, Components, Migration
from game.model.groups import GroupDefinition
from game.model.world import World

# Census topic tables (wide layout). With --census-dir, every one must be in the folder.
TOPIC_FILES = (
    "mye2021_population.csv",
    "mye2020_components.csv",
    "ts007_age.csv",
    "ts045_cars.csv",
    "ts054_tenure.csv",
    "ts060_industry.csv",
    "ts061_travel.csv",
    "ts062_nssec.csv",
    "ts066_economic_activity.csv",
    "ts067_qualifications.csv",
)
COMMUTING_FILE = "odwp01_commuting.csv"
MIGRATION_FILE = "odmg01_migration.csv"
# Reference files: taken from the folder if present, else from the shipped data/census.
AREAS_FILE, CATEGORIES_FILE, GROUPS_FILE, SIC_FILE = (
    "areas.csv",
    "categories.csv",
    "groups.csv",
    "sic_sections.csv",
)

COMMUTE_SPECIAL = {"-8", "888888888", "999999999", "S92000003", "N92000002"}
MIGRATION_SPECIAL = {"-8", "999999999", "S92000003", "N92000002"}

_CACHE: dict[Path, World] = {}


def load_world(census_dir: Path | str | None = None) -> World:
    """The validated world for a folder of census tables (default: the shipped extracts)."""
    folder = Path(census_dir) if census_dir is not None else DEFAULT_CENSUS_DIR
    key = folder.resolve()
    if key not in _CACHE:
        if not folder.is_dir():
            raise DataError(str(folder), "census folder not found", hint="check --census-dir")
        _CACHE[key] = _build_world(folder)
    return _CACHE[key]


def clear_cache() -> None:
    _CACHE.clear()


def _reference(folder: Path, name: str) -> Path:
    own = folder / name
    # anything at that name (a FIFO, a folder, a dangling link) is the analyst's and is
    # read, and refused, as such; only a missing name falls back to the shipped file
    return own if own.exists() or own.is_symlink() else DEFAULT_CENSUS_DIR / name


def _read_categories(path: Path) -> dict[str, list[Category]]:
    df = read_csv_text(path)
    require_columns(path, df, ["file", "key", "label", "sign", "negative_ok"])
    if df.empty:
        raise DataError(str(path), "no data rows (only a header)", row=2)
    out: dict[str, list[Category]] = {}
    seen: dict[tuple[str, str], int] = {}
    for i, r in enumerate(df.itertuples(index=False)):
        key = (str(r.file), str(r.key))
        if key in seen:
            raise DataError(
                str(path),
                f"{key[0]} key {shown(key[1])} repeats row {seen[key]}",
                row=i + 2,
                column="key",
            )
        seen[key] = i + 2
        try:
            sign, neg = int(str(r.sign)), int(str(r.negative_ok))
        except ValueError:
            raise DataError(str(path), "sign and negative_ok must be integers", row=i + 2) from None
        if sign not in (-1, 0, 1) or neg not in (0, 1):
            raise DataError(str(path), "sign must be -1, 0 or 1 and negative_ok 0 or 1", row=i + 2)
        out.setdefault(str(r.file), []).append(Category(str(r.key), str(r.label), sign, bool(neg)))
    return out


def _read_areas(path: Path) -> pd.DataFrame:
    df = read_csv_text(path)
    require_columns(path, df, AREAS_COLUMNS)
    if df.empty:
        raise DataError(str(path), "no data rows (only a header)", row=2)
    for i, code in enumerate(df["code"]):
        if not re.fullmatch(r"[EW]0[6-9]\d{6}", code, re.ASCII):
            raise DataError(str(path), f"'{code}' is not a 2021 LAD code", row=i + 2, column="code")
    if df["code"].duplicated().any():
        i = int(np.nonzero(df["code"].duplicated().to_numpy())[0][0])
        raise DataError(str(path), "duplicate area code", row=i + 2, column="code")
    for col, limit in (("lon", 180.0), ("lat", 90.0)):
        numbers = pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=np.float64)
        bad = ~np.isfinite(numbers)
        if bad.any():
            i = int(np.nonzero(bad)[0][0])
            raise DataError(str(path), "not a number", row=i + 2, column=col)
        outside = np.abs(numbers) > limit
        if outside.any():
            i = int(np.nonzero(outside)[0][0])
            raise DataError(
                str(path),
                f"{numbers[i]} is outside the world (-{limit:g}..{limit:g})",
                row=i + 2,
                column=col,
            )
    return df.sort_values("code").reset_index(drop=True)


def _expand(item: str, keys: dict[str, int]) -> list[str]:
    """`male_0-4` -> male_0..male_4; `d10-33` -> d10..d33 (only keys that exist)."""
    m = re.fullmatch(r"(.*?)(\d+)-(\d+)", item, re.ASCII)
    if not m:
        return [item] if item in keys else []
    prefix, a, b = m[1], m[2], m[3]
    width = len(a) if a.startswith("0") else 1
    lo, hi = int(a), int(b)
    # Walk the table's own keys, not the range: `male_0-99999999999` must not loop for
    # hours (it took 49 s at 1e8); the order is the range's, as before.
    found = []
    for key in keys:
        rest = key[len(prefix) :] if key.startswith(prefix) else ""
        n = int(rest) if rest.isascii() and rest.isdigit() else -1
        if lo <= n <= hi and f"{prefix}{n:0{width}d}" == key:
            found.append((n, key))
    return [key for _, key in sorted(found)]


def _read_groups(
    path: Path, topics: dict[str, tuple[dict[str, int], np.ndarray]]
) -> tuple[list[GroupDefinition], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Group definitions, each group's size per area, and the size of its universe."""
    df = read_csv_text(path)
    cols = ["id", "name", "name_cy", "source", "file", "categories", "unit", "description"]
    require_columns(path, df, cols)
    if df.empty:  # the game's approval is by citizen group: a world needs at least one
        raise DataError(str(path), "no data rows (only a header)", row=2)
    defs: list[GroupDefinition] = []
    sizes: dict[str, np.ndarray] = {}
    universes: dict[str, np.ndarray] = {}
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        # universe, universe_excludes and note are optional (older groups.csv files)
        excludes = [s.strip() for s in str(r.get("universe_excludes", "")).split(";") if s.strip()]
        if r["file"] not in topics:
            raise DataError(
                str(path),
                f"unknown table file '{r['file']}'",
                row=row,
                column="file",
                hint=f"one of: {', '.join(sorted(topics))}",
            )
        keys, values = topics[r["file"]]
        items = [s.strip() for s in str(r["categories"]).split(";") if s.strip()]
        picked: list[str] = []
        for item in items:
            found = _expand(item, keys)
            if not found:
                raise DataError(
                    str(path),
                    f"category '{item}' is not in {r['file']}",
                    row=row,
                    column="categories",
                    hint="see categories.csv for the keys",
                )
            picked.extend(found)
        for item in excludes:
            if item not in keys:
                raise DataError(
                    str(path),
                    f"category '{item}' is not in {r['file']}",
                    row=row,
                    column="universe_excludes",
                    hint="see categories.csv for the keys",
                )
        try:
            gd = GroupDefinition.model_validate(
                {**r, "categories": tuple(items), "universe_excludes": tuple(excludes)}
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            raise DataError(str(path), err["msg"], row=row, column=str(err["loc"][0])) from None
        if gd.id in sizes:
            raise DataError(str(path), f"duplicate group id '{gd.id}'", row=row, column="id")
        defs.append(gd)
        sizes[gd.id] = values[:, [keys[k] for k in dict.fromkeys(picked)]].sum(axis=1)
        total = values[:, keys["total"]]
        universes[gd.id] = total - values[:, [keys[k] for k in excludes]].sum(axis=1)
    return defs, sizes, universes


def _read_commuting(path: Path, codes: tuple[str, ...]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    cols = ["home code", "workplace code", "place of work indicator", "count"]
    df = read_csv_text(path, tuple(cols[:3]))
    require_columns(path, df, cols)
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    counts = to_counts(path, df, ["count"])[:, 0]
    no_repeats(path, df, cols[:3])
    homes = df["home code"].to_numpy()
    works = df["workplace code"].to_numpy()
    inds = df["place of work indicator"].to_numpy()
    h = _codes_to_index(path, homes, index, "home code", set())
    w = _codes_to_index(path, works, index, "workplace code", COMMUTE_SPECIAL)
    bad_ind = ~np.isin(inds, ["-8", "1", "2", "3"])
    if bad_ind.any():
        i = int(np.nonzero(bad_ind)[0][0])
        raise DataError(
            str(path),
            f"unknown place of work indicator '{inds[i]}'",
            row=i + 2,
            column="place of work indicator",
            hint="use -8, 1, 2 or 3",
        )
    matrix = np.zeros((n, n), dtype=np.int64)
    lad = w >= 0
    np.add.at(matrix, (h[lad], w[lad]), counts[lad])
    extra = {
        "home_workers": _bincount(h[inds == "1"], counts[inds == "1"], n),
        "offshore_or_abroad": _bincount(
            h[np.isin(works, ["888888888", "999999999"])],
            counts[np.isin(works, ["888888888", "999999999"])],
            n,
        ),
        "elsewhere_uk": _bincount(
            h[np.isin(works, ["S92000003", "N92000002"])],
            counts[np.isin(works, ["S92000003", "N92000002"])],
            n,
        ),
        "not_in_employment": _bincount(h[works == "-8"], counts[works == "-8"], n),
    }
    return matrix, extra


def _bincount(idx: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(idx, weights=weights, minlength=n).astype(np.int64)


def _codes_to_index(
    path: Path, values: np.ndarray, index: dict[str, int], column: str, special: set[str]
) -> np.ndarray:
    found = pd.Index(list(index)).get_indexer(pd.Index(values))
    unknown = np.nonzero(found < 0)[0]
    if len(unknown):
        not_special = unknown[~np.isin(values[unknown], list(special))]
        if len(not_special):
            i = int(not_special[0])
            raise DataError(
                str(path),
                f"unknown area code '{values[i]}'",
                row=i + 2,
                column=column,
                hint="use 2021 local authority (LAD21) codes"
                + (f" or one of {', '.join(sorted(special))}" if special else ""),
            )
    return found.astype(np.int64)


def _read_migration(path: Path, codes: tuple[str, ...]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    df = read_csv_text(path, ("origin code", "current code"))
    require_columns(path, df, ["origin code", "current code", "count"])
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    counts = to_counts(path, df, ["count"])[:, 0]
    no_repeats(path, df, ["origin code", "current code"])
    origins = df["origin code"].to_numpy()
    o = _codes_to_index(path, origins, index, "origin code", MIGRATION_SPECIAL)
    c = _codes_to_index(path, df["current code"].to_numpy(), index, "current code", set())
    matrix = np.zeros((n, n), dtype=np.int64)
    lad = o >= 0
    np.add.at(matrix, (o[lad], c[lad]), counts[lad])
    extra = {
        "not_moved": _bincount(c[origins == "-8"], counts[origins == "-8"], n),
        "from_abroad": _bincount(c[origins == "999999999"], counts[origins == "999999999"], n),
        "from_elsewhere_uk": _bincount(
            c[np.isin(origins, ["S92000003", "N92000002"])],
            counts[np.isin(origins, ["S92000003", "N92000002"])],
            n,
        ),
    }
    return matrix, extra


def _read_topics(
    folder: Path, codes: tuple[str, ...]
) -> dict[str, tuple[dict[str, int], np.ndarray]]:
    """Every topic table by file name: (category key -> column, counts by area)."""
    categories = _read_categories(_reference(folder, CATEGORIES_FILE))
    topics: dict[str, tuple[dict[str, int], np.ndarray]] = {}
    for name in TOPIC_FILES:
        cats = categories.get(name)
        if not cats:
            raise DataError(str(_reference(folder, CATEGORIES_FILE)), f"no categories for {name}")
        values = read_wide(folder / name, cats, codes)
        topics[name] = ({c.key: i for i, c in enumerate(cats)}, values)
    return topics


def _parts(topic: tuple[dict[str, int], np.ndarray], i: int) -> dict[str, int]:
    """One area's row of a topic table, by category key, without the total."""
    keys, values = topic
    names = [k for k in keys if k != "total"]
    return dict(zip(names, values[i, [keys[k] for k in names]].tolist(), strict=True))


def _by_key(ids: list[str], matrix: np.ndarray | None, i: int) -> dict[str, int]:
    return {} if matrix is None else dict(zip(ids, matrix[i].tolist(), strict=True))


def _components(cv: list[int], ck: dict[str, int]) -> Components:
    return Components(
        population_start=cv[ck["population_mid_2019"]],
        births=cv[ck["births"]],
        deaths=cv[ck["deaths"]],
        internal_in=cv[ck["internal_in"]],
        internal_out=cv[ck["internal_out"]],
        international_in=cv[ck["international_in"]],
        international_out=cv[ck["international_out"]],
        other=cv[ck["other"]],
    )


def _commuting(m: np.ndarray, extra: dict[str, np.ndarray], i: int) -> Commuting:
    return Commuting(
        live_and_work=int(m[i, i]),
        home_workers=int(extra["home_workers"][i]),
        out_commuters=int(m[i].sum() - m[i, i]),
        in_commuters=int(m[:, i].sum() - m[i, i]),
        offshore_or_abroad=int(extra["offshore_or_abroad"][i]),
        elsewhere_uk=int(extra["elsewhere_uk"][i]),
        not_in_employment=int(extra["not_in_employment"][i]),
    )


def _migration(m: np.ndarray, extra: dict[str, np.ndarray], i: int) -> Migration:
    return Migration(
        not_moved=int(extra["not_moved"][i]),
        moved_within=int(m[i, i]),
        arrived_from_ew=int(m[:, i].sum() - m[i, i]),
        left_to_ew=int(m[i].sum() - m[i, i]),
        arrived_from_abroad=int(extra["from_abroad"][i]),
        arrived_from_elsewhere_uk=int(extra["from_elsewhere_uk"][i]),
    )


def _place(r: dict[Any, Any]) -> dict[str, object]:
    """An areas.csv row's names and geography, as AreaProfile fields."""
    leps = [
        (c, nm)
        for c, nm in ((r["lep1_code"], r["lep1_name"]), (r["lep2_code"], r["lep2_name"]))
        if c
    ]
    return {
        "code": r["code"],
        "name": r["name"],
        "name_cy": r["name_cy"] or None,
        "kind": "lad",
        "region_code": r["region_code"],
        "region": r["region"],
        "country": r["country"],
        "lep_codes": tuple(c for c, _ in leps),
        "lep_names": tuple(nm for _, nm in leps),
        "ca_code": r["ca_code"] or None,
        "ca_name": r["ca_name"] or None,
        "lon": float(r["lon"]),
        "lat": float(r["lat"]),
    }


def _build_world(folder: Path) -> World:
    areas = _read_areas(_reference(folder, AREAS_FILE))
    codes = tuple(areas["code"])
    topics = _read_topics(folder, codes)
    commute, wp_extra = _read_commuting(folder / COMMUTING_FILE, codes)
    migration, mg_extra = _read_migration(folder / MIGRATION_FILE, codes)
    defs, sizes, universes = _read_groups(_reference(folder, GROUPS_FILE), topics)
    ind_keys, ind_values = topics["ts060_industry.csv"]
    sections, section_names = _section_matrix(_reference(folder, SIC_FILE), ind_keys, ind_values)

    pop_keys, pop = topics["mye2021_population.csv"]
    male_cols = [pop_keys[f"male_{a}"] for a in range(N_AGES)]
    female_cols = [pop_keys[f"female_{a}"] for a in range(N_AGES)]
    comp_keys, comp = topics["mye2020_components.csv"]
    group_ids = list(sizes)
    group_matrix = np.stack([sizes[g] for g in group_ids], axis=1) if group_ids else None
    universe_matrix = np.stack([universes[g] for g in group_ids], axis=1) if group_ids else None
    section_ids = list(sections)
    section_matrix = np.stack([sections[s] for s in section_ids], axis=1)
    profiles: dict[str, AreaProfile] = {}
    for i, r in enumerate(areas.to_dict("records")):
        profiles[r["code"]] = AreaProfile.model_validate(
            _place(r)
            | {
                "population": CohortTable(
                    male=tuple(pop[i, male_cols].tolist()),
                    female=tuple(pop[i, female_cols].tolist()),
                ),
                "census_population": int(topics["ts007_age.csv"][1][i, 0]),
                "components": _components(comp[i].tolist(), comp_keys),
                "households": int(topics["ts054_tenure.csv"][1][i, 0]),
                "tenure": _parts(topics["ts054_tenure.csv"], i),
                "cars": _parts(topics["ts045_cars.csv"], i),
                "economic_activity": _parts(topics["ts066_economic_activity.csv"], i),
                "industry": dict(zip(section_ids, section_matrix[i].tolist(), strict=True)),
                "nssec": _parts(topics["ts062_nssec.csv"], i),
                "qualifications": _parts(topics["ts067_qualifications.csv"], i),
                "travel_to_work": _parts(topics["ts061_travel.csv"], i),
                "commuting": _commuting(commute, wp_extra, i),
                "migration": _migration(migration, mg_extra, i),
                "groups": _by_key(group_ids, group_matrix, i),
                "group_universes": _by_key(group_ids, universe_matrix, i),
            }
        )
    aliases = read_aliases(_reference(folder, ALIASES_FILE), codes)
    return World(
        profiles,
        commute,
        migration,
        defs,
        names_cy={"W92000004": "Cymru"},
        section_names=section_names,
        aliases=aliases,
    )
