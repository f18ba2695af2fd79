"""Every parameter the engine uses, read once at the boundary into one frozen bundle.

`load_parameters(data_dir)` is the only code that opens the engine's parameter files
(data/params/*.csv, data/projects/*); every row passes the one provenance rule of
game.provenance (a source and a status of verified / derived / assumption). The Engine is
handed a `Parameters` and opens no file itself, so a room server, a report job or a test
can build engines from parameters held in memory. Nothing here is cached: callers that
want the shipped bundle once per process keep it themselves (game.play.shipped).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import numpy as np

from game.errors import DataError
from game.model.area import N_AGES
from game.provenance import named_values, sourced_rows
from game.scenarios.catalogue import Catalogue, load_catalogue
from game.sim.approval import ApprovalWeights
from game.sim.housing import AgeBand, HousingType
from game.sim.indicators import SIGNAL_INDICATORS, IndicatorParams, IndicatorSpec
from game.sim.migration_links import MigrationLinkParams
from game.sim.national_control import NationalControl, read_national_control
from game.sim.schedules import (
    DEMOGRAPHY_PARAMS_FILE,
    FERTILITY_FILE,
    MIGRATION_SCHEDULE_FILE,
    MORTALITY_FILE,
    FloatArray,
    NationalSchedules,
    cohort_death_probability,
)
from game.sim.uncertainty import VARIANTS, Variant

ACTIVITY_FILE = "activity_rates.csv"
LINKS_FILE = "migration_links.csv"
POOLED_FILE = "pooled_areas.csv"
INDICATORS_FILE = "approval_indicators.csv"
APPROVAL_PARAMS_FILE = "approval_params.csv"
WEIGHTS_FILE = "approval_weights.csv"
ADDITIONALITY_FILE = "additionality.csv"
APPRAISAL_FILE = "appraisal_params.csv"
VARIANTS_FILE = "uncertainty.csv"
HOUSEHOLD_SIZE_FILE = "household_size.csv"
HOUSING_TYPES_FILE = "housing_types.csv"
HOUSING_AGES_FILE = "housing_ages.csv"


@dataclass(frozen=True)
class Parameters:
    """The engine's parameters (read-only arrays, read-only mappings)."""

    catalogue: Catalogue
    schedules: NationalSchedules
    demography: Mapping[str, float]  # data/params/demography.csv
    pooled_areas: Mapping[str, str]  # small area -> partner it is calibrated with
    activity: FloatArray  # (2, 91) national economic-activity rates
    links: MigrationLinkParams
    appraisal: Mapping[str, float]  # data/projects/appraisal_params.csv
    approval: Mapping[str, float]  # data/params/approval_params.csv
    weights: ApprovalWeights
    indicator_specs: Mapping[str, IndicatorSpec]
    indicator: IndicatorParams
    variants: Mapping[str, Variant]
    household_size: Mapping[str, float]  # LAD code -> household residents / households
    housing: Mapping[str, HousingType]  # who lives in new homes, by housing type
    national: NationalControl  # ONS national figures the baseline is constrained to

    def variant(self, name: str) -> Variant:
        if name not in self.variants:
            raise ValueError(f"unknown variant '{name}' (use low, central or high)")
        return self.variants[name]


def _frozen(a: FloatArray) -> FloatArray:
    a.setflags(write=False)
    return a


def read_demography(params_dir: Path) -> Mapping[str, float]:
    return MappingProxyType(named_values(params_dir / DEMOGRAPHY_PARAMS_FILE, key="parameter"))


def _number(path: Path, row: Mapping[str, str], i: int, column: str, kind: type = float) -> float:
    try:
        return float(kind(row[column]))
    except (KeyError, TypeError, ValueError):
        raise DataError(str(path), f"bad value {row.get(column)!r}", row=i, column=column) from None


def _sex_age_table(path: Path, column: str) -> FloatArray:
    out = np.full((2, N_AGES), np.nan)
    for i, row in sourced_rows(path, ("sex", "age", column)):
        sex, age = row["sex"], int(_number(path, row, i, "age", int))
        if sex not in ("male", "female") or not 0 <= age < N_AGES:
            raise DataError(str(path), f"bad sex/age {sex}/{age}", row=i)
        out[0 if sex == "male" else 1, age] = _number(path, row, i, column)
    if np.isnan(out).any():
        raise DataError(str(path), "every sex x age 0..90 must be present")
    return out


def read_schedules(params_dir: Path, demography: Mapping[str, float]) -> NationalSchedules:
    path = params_dir / FERTILITY_FILE
    shape = np.zeros(N_AGES)
    for i, row in sourced_rows(path, ("age", "share_of_tfr")):
        shape[int(_number(path, row, i, "age", int))] = _number(path, row, i, "share_of_tfr")
    shape /= shape.sum()
    q = _sex_age_table(params_dir / MORTALITY_FILE, "qx")
    rate = _sex_age_table(params_dir / MIGRATION_SCHEDULE_FILE, "relative_rate")
    movers = _sex_age_table(params_dir / MIGRATION_SCHEDULE_FILE, "mover_share")
    movers /= movers.sum()
    return NationalSchedules(
        fertility_shape=_frozen(shape),
        q=_frozen(q),
        death_prob=_frozen(cohort_death_probability(q)),
        migration_rate_shape=_frozen(rate),
        migrant_profile=_frozen(movers),
        sex_ratio_at_birth=demography["sex_ratio_at_birth"],
    )


def read_activity(params_dir: Path) -> FloatArray:
    """National economic-activity rates (2, 91) from age bands."""
    path = params_dir / ACTIVITY_FILE
    out = np.zeros((2, N_AGES))
    seen = np.zeros(N_AGES, dtype=bool)
    for i, row in sourced_rows(path, ("age_from", "age_to", "male", "female")):
        lo, hi = (
            int(_number(path, row, i, "age_from", int)),
            int(_number(path, row, i, "age_to", int)),
        )
        if not 0 <= lo <= hi < N_AGES or seen[lo : hi + 1].any():
            raise DataError(str(path), f"bad or overlapping age band {lo}-{hi}", row=i)
        for s, col in enumerate(("male", "female")):
            value = _number(path, row, i, col)
            if not 0.0 <= value <= 1.0:
                raise DataError(str(path), f"rate {value} outside 0..1", row=i, column=col)
            out[s, lo : hi + 1] = value
        seen[lo : hi + 1] = True
    return _frozen(out)


def read_links_values(params_dir: Path) -> dict[str, float]:
    return named_values(params_dir / LINKS_FILE, key="parameter")


def read_links(params_dir: Path, activity: FloatArray, migrants: FloatArray) -> MigrationLinkParams:
    path = params_dir / LINKS_FILE
    values = read_links_values(params_dir)
    needed = [f.name for f in dataclasses.fields(MigrationLinkParams)]
    missing = [k for k in needed if k not in values and k != "migrant_activity_rate"]
    if missing:
        raise DataError(str(path), f"missing parameter(s) {', '.join(missing)}", column="parameter")
    return MigrationLinkParams(
        household_size=values["household_size"],
        vacancy_rate=values["vacancy_rate"],
        double_jobbing=values["double_jobbing"],
        dwelling_lag_years=int(values["dwelling_lag_years"]),
        jobs_lag_years=int(values["jobs_lag_years"]),
        take_up_unemployed=values["take_up_unemployed"],
        take_up_inactive=values["take_up_inactive"],
        unemployment_floor=values["unemployment_floor"],
        migrant_activity_rate=float((activity * migrants).sum()),
    )


def read_pooled(params_dir: Path) -> Mapping[str, str]:
    rows = sourced_rows(params_dir / POOLED_FILE, ("area_code", "partner_code"))
    return MappingProxyType({r["area_code"].strip(): r["partner_code"].strip() for _, r in rows})


def read_specs(path: Path) -> Mapping[str, IndicatorSpec]:
    out: dict[str, IndicatorSpec] = {}
    for i, row in sourced_rows(path, ("indicator", "label", "unit", "signal_unit")):
        try:
            start = float(row["start_value"]) if row["start_value"] else None
            out[row["indicator"]] = IndicatorSpec(
                row["indicator"],
                row["label"],
                row["unit"],
                row["signal_unit"],
                start,
                row["higher_is_better"] == "1",
                row["source"],
                row["status"],
                (row.get("reason") or "").strip() or row["label"],  # words people use
            )
        except (KeyError, ValueError) as exc:
            raise DataError(str(path), f"bad row ({exc})", row=i) from None
    missing = [k for k in SIGNAL_INDICATORS if k not in out]
    if missing:
        raise DataError(str(path), f"missing indicator(s) {', '.join(missing)}")
    return MappingProxyType(out)


def indicator_params(values: Mapping[str, float], path: Path, vacancy: float) -> IndicatorParams:
    try:
        return IndicatorParams(
            vacancy=vacancy,
            broadband_rollout=values["broadband_rollout_per_year"],
            broadband_ceiling=values["broadband_ceiling"],
        )
    except KeyError as exc:
        raise DataError(str(path), f"missing parameter {exc}", column="name") from None


def read_weights(path: Path) -> ApprovalWeights:
    rows: list[tuple[str, str, float]] = []
    for i, row in sourced_rows(path, ("group_id", "indicator", "weight")):
        ind = row["indicator"]
        if ind not in SIGNAL_INDICATORS:
            raise DataError(str(path), f"unknown indicator '{ind}'", row=i, column="indicator")
        rows.append((row["group_id"], ind, _number(path, row, i, "weight")))
    groups = tuple(dict.fromkeys(g for g, _, _ in rows))
    m = np.zeros((len(groups), len(SIGNAL_INDICATORS)))
    col = {name: k for k, name in enumerate(SIGNAL_INDICATORS)}
    for g, ind, w in rows:
        m[groups.index(g), col[ind]] = w
    return ApprovalWeights(groups, _frozen(m))


def read_variants(path: Path) -> Mapping[str, Variant]:
    out: dict[str, Variant] = {}
    for i, row in sourced_rows(path, ("variant",)):
        out[row["variant"]] = Variant(
            row["variant"],
            _number(path, row, i, "additionality_scale"),
            _number(path, row, i, "migration_response"),
            _number(path, row, i, "fertility_scale"),
            mortality_scale=_number(path, row, i, "mortality_scale"),
            international_scale=_number(path, row, i, "international_scale"),
            trend_years=int(_number(path, row, i, "trend_years", int)),
            delivery_factor=_number(path, row, i, "delivery_factor"),
            delay_years=int(_number(path, row, i, "delay_years", int)),
        )
    missing = [v for v in VARIANTS if v not in out]
    if missing:
        raise DataError(str(path), f"missing variant(s) {', '.join(missing)}")
    return MappingProxyType(out)


def read_household_size(params_dir: Path) -> Mapping[str, float]:
    path = params_dir / HOUSEHOLD_SIZE_FILE
    out: dict[str, float] = {}
    for i, row in sourced_rows(path, ("area_code", "household_size")):
        size = _number(path, row, i, "household_size")
        if not 1.0 <= size <= 6.0:
            raise DataError(str(path), f"household size {size} outside 1..6", row=i)
        out[row["area_code"].strip()] = size
    return MappingProxyType(out)


def read_housing(params_dir: Path) -> Mapping[str, HousingType]:
    """Housing types (people per home, or "area") with their occupants' age bands."""
    path = params_dir / HOUSING_AGES_FILE
    bands: dict[str, list[AgeBand]] = {}
    for i, row in sourced_rows(path, ("housing_type", "age_from", "age_to", "share", "split_by")):
        lo, hi = (
            int(_number(path, row, i, "age_from", int)),
            int(_number(path, row, i, "age_to", int)),
        )
        if not 0 <= lo <= hi < N_AGES or row["split_by"] not in ("migrants", "population"):
            raise DataError(str(path), f"bad band {lo}-{hi} / {row['split_by']}", row=i)
        band = AgeBand(lo, hi, _number(path, row, i, "share"), row["split_by"])
        bands.setdefault(row["housing_type"].strip(), []).append(band)
    types_path = params_dir / HOUSING_TYPES_FILE
    out: dict[str, HousingType] = {}
    for i, row in sourced_rows(types_path, ("housing_type", "people_per_home")):
        name = row["housing_type"].strip()
        if name not in bands:
            raise DataError(str(path), f"no age bands for housing type '{name}'")
        size = (
            None
            if row["people_per_home"].strip() == "area"
            else (_number(types_path, row, i, "people_per_home"))
        )
        out[name] = HousingType(name, size, tuple(bands[name]))
    if "general" not in out:
        raise DataError(str(types_path), "needs a 'general' housing type")
    return MappingProxyType(out)


def load_parameters(data_dir: Path) -> Parameters:
    """Read every engine parameter under `data_dir` (the shipped one is
    game.resources.data_dir()). Raises DataError naming the file, row and column."""
    params_dir, projects_dir = data_dir / "params", data_dir / "projects"
    demography = read_demography(params_dir)
    schedules = read_schedules(params_dir, demography)
    activity = read_activity(params_dir)
    links = read_links(params_dir, activity, schedules.migrant_profile)
    approval_path = params_dir / APPROVAL_PARAMS_FILE
    approval = MappingProxyType(named_values(approval_path))
    return Parameters(
        catalogue=load_catalogue(
            directory=projects_dir, profiles_path=params_dir / ADDITIONALITY_FILE
        ),
        schedules=schedules,
        demography=demography,
        pooled_areas=read_pooled(params_dir),
        activity=activity,
        links=links,
        appraisal=MappingProxyType(named_values(projects_dir / APPRAISAL_FILE)),
        approval=approval,
        weights=read_weights(params_dir / WEIGHTS_FILE),
        indicator_specs=read_specs(params_dir / INDICATORS_FILE),
        indicator=indicator_params(approval, approval_path, links.vacancy_rate),
        variants=read_variants(projects_dir / VARIANTS_FILE),
        household_size=read_household_size(params_dir),
        housing=read_housing(params_dir),
        national=read_national_control(params_dir),
    )
