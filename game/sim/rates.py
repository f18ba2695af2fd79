"""National demographic schedules: where they come from and how they are read.

The engine never re-derives these at run time. `derive_*` turn the UN WPP 2022 extracts in
`shared/rates-raw` into single-year schedules; `python -m game.sim.rates` writes them to
data/params/*.csv (with source and status columns) and a test checks the shipped files still
match the derivation. docs/methods-population.md explains every step.
"""

from __future__ import annotations

import csv
import io
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from game.atomic import atomic_write_text
from game.census.paths import default_raw_dir, shared_dir
from game.errors import DataError
from game.model.area import N_AGES, AreaProfile
from game.resources import data_dir

FloatArray = npt.NDArray[np.float64]

PARAMS_DIR = data_dir() / "params"
RATES_RAW_DIR = shared_dir() / "rates-raw"  # build step only: see game.census.paths

FERTILITY_FILE = "national_fertility_shape.csv"
MORTALITY_FILE = "national_mortality.csv"
MIGRATION_SCHEDULE_FILE = "migration_age_schedule.csv"
DEMOGRAPHY_PARAMS_FILE = "demography.csv"

FERTILE_AGES = range(15, 50)  # METHODS §1: births to women 15-49
WPP_PERIOD = "2020-2025"
WPP_SOURCE = (
    "UN DESA Population Division, World Population Prospects 2022 (CC BY 3.0 IGO), UK, "
    "period 2020-2025, via shared/rates-raw"
)
E0_SOURCE = "ONS National life tables England and Wales 2021-2023, as reported in METHODS.md §1"


class WorldLike(Protocol):
    """What calibration needs from game.census.World (kept structural to avoid a hard tie)."""

    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def areas(self) -> dict[str, AreaProfile]: ...
    @property
    def index(self) -> dict[str, int]: ...
    def population_array(self) -> npt.NDArray[np.float64]: ...


@dataclass(frozen=True)
class NationalSchedules:
    """Single-year national schedules, index = age 0..90 (90 = open group 90+)."""

    fertility_shape: FloatArray  # (91,) female births per woman at TFR 1, sums to 1
    q: FloatArray  # (2, 91) life-table q(x): dying between exact ages x and x+1
    death_prob: FloatArray  # (2, 91) dying within the projection year, by age at its end
    migration_rate_shape: FloatArray  # (2, 91) relative mobility by age (peak = 1)
    migrant_profile: FloatArray  # (2, 91) shares of all movers by sex x age, sums to 1
    sex_ratio_at_birth: float  # boys per girl


# ---------------------------------------------------------------------------- derivation


def _read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataError(str(path), "file not found")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def derive_fertility_shape(rates_raw: Path = RATES_RAW_DIR) -> FloatArray:
    """Single-year share of the TFR by mother's age, 15..49, from WPP 5-year shares.

    The 10-14 and 50-54 shares (0.04% together) are folded into 15-19 and 45-49. Inside
    each 5-year group the share is first spread evenly (a step), then smoothed by repeated
    3-point averaging, each pass re-scaled so every 5-year group keeps its published total
    (a mean-preserving smooth: no jumps at group edges, group sums exact).
    """
    path = rates_raw / "unwpp2022_uk_percent_asfr_5yr.csv"
    groups: dict[int, float] = {}
    for row in _read_rows(path):
        if row["period"] != WPP_PERIOD:
            continue
        start = int(row["age_group"].split("-")[0])
        groups[start] = float(row["percent_of_tfr"]) / 100.0
    if sorted(groups) != list(range(10, 55, 5)):
        raise DataError(str(path), f"expected age groups 10-14..50-54 for {WPP_PERIOD}")
    groups[15] += groups.pop(10)
    groups[45] += groups.pop(50)
    starts = sorted(groups)
    totals = np.array([groups[s] for s in starts])
    totals /= totals.sum()
    shape = np.repeat(totals / 5.0, 5)  # ages 15..49
    for _ in range(50):
        padded = np.concatenate(([0.0], shape, [0.0]))
        smooth = (padded[:-2] + padded[1:-1] + padded[2:]) / 3.0
        group_sums = smooth.reshape(-1, 5).sum(axis=1)
        shape = smooth * np.repeat(totals / np.where(group_sums > 0, group_sums, 1.0), 5)
    out = np.zeros(N_AGES)
    out[15:50] = shape
    return out


def _single_year_mx(rows: list[dict[str, str]], sex: str, top: int = 110) -> FloatArray:
    """Single-year m(x), ages 0..top, by linear interpolation of log m between group midpoints."""
    starts: list[float] = []
    values: list[float] = []
    for row in rows:
        if row["period"] != WPP_PERIOD or row["sex"] != sex:
            continue
        label = row["age_start"]
        start = 100 if label == "100+" else int(label)
        starts.append(start)
        values.append(float(row["mx"]))
    order = np.argsort(starts)
    start_arr = np.array(starts, dtype=float)[order]
    all_log_m = np.log(np.array(values)[order])
    infant = math.exp(all_log_m[0])
    # Age 0 is published on its own; interpolating through it would inflate ages 1-2, so
    # the knots start at the 1-4 group (flat below its midpoint).
    start_arr, log_m = start_arr[1:], all_log_m[1:]
    widths = np.diff(np.append(start_arr, start_arr[-1] + 5.0))
    mids = start_arr + widths / 2.0
    ages = np.arange(top + 1, dtype=float)
    mx = np.exp(np.interp(ages + 0.5, mids, log_m))
    mx[0] = infant
    # Beyond the last midpoint keep the Gompertz slope of the last two groups.
    slope = (log_m[-1] - log_m[-2]) / (mids[-1] - mids[-2])
    beyond = ages + 0.5 > mids[-1]
    mx[beyond] = np.exp(log_m[-1] + slope * (ages[beyond] + 0.5 - mids[-1]))
    return mx


def _life_table(mx: FloatArray, a0: float) -> tuple[FloatArray, float, FloatArray]:
    """q(x) for single ages, e0, and person-years L(x); last age is an open group."""
    ax = np.full(mx.shape, 0.5)
    ax[0] = a0
    qx = mx / (1.0 + (1.0 - ax) * mx)
    qx[-1] = 1.0
    lx = np.concatenate(([1.0], np.cumprod(1.0 - qx)[:-1]))
    dx = lx * qx
    big_l = lx - (1.0 - ax) * dx
    big_l[-1] = lx[-1] / mx[-1]
    return qx, float(big_l.sum()), big_l


def derive_mortality(
    e0_target: Sequence[float], a0: float, rates_raw: Path = RATES_RAW_DIR
) -> tuple[FloatArray, FloatArray, tuple[float, float]]:
    """q(x) by sex for ages 0..89 and the open group 90+, scaled to the target e0.

    Returns (q (2, 91), the m(x) multiplier per sex, e0 before scaling per sex). The whole
    m(x) curve is multiplied by one factor per sex, found by bisection, so that the life
    table's e0 equals the ONS value; q(x) = m / (1 + (1 - a) m), a = 0.5 (a0 at age 0).
    For 90+, q is the share of the open group alive at the start who die within the year:
    1 - T(91) / T(90) from the single-year table to age 110.
    """
    rows = _read_rows(rates_raw / "unwpp2022_uk_mx_abridged.csv")
    q = np.zeros((2, N_AGES))
    factors: list[float] = []
    raw_e0: list[float] = []
    for s, sex in enumerate(("male", "female")):
        mx = _single_year_mx(rows, sex)
        raw_e0.append(_life_table(mx, a0)[1])
        lo, hi = 0.5, 2.0
        for _ in range(80):
            mid = (lo + hi) / 2.0
            if _life_table(mx * mid, a0)[1] > e0_target[s]:
                lo = mid
            else:
                hi = mid
        factor = (lo + hi) / 2.0
        factors.append(factor)
        qx, _, big_l = _life_table(mx * factor, a0)
        q[s, :90] = qx[:90]
        t90 = big_l[90:].sum()
        t91 = big_l[91:].sum()
        q[s, 90] = 1.0 - t91 / t90
    return q, np.array(factors), (raw_e0[0], raw_e0[1])


def rogers_castro(ages: FloatArray, p: dict[str, float]) -> FloatArray:
    """Model migration schedule (Rogers & Castro 1981): childhood, labour, retirement, level."""
    child = p["a1"] * np.exp(-p["alpha1"] * ages)
    x2 = ages - p["mu2"]
    labour = p["a2"] * np.exp(-p["alpha2"] * x2 - np.exp(-p["lambda2"] * x2))
    x3 = ages - p["mu3"]
    retire = p["a3"] * np.exp(-p["alpha3"] * x3 - np.exp(-p["lambda3"] * x3))
    return child + labour + retire + p["c"]


# Parameters chosen (assumption) to give the shape METHODS §1 describes: a peak at 18-23
# (students and graduates), a young-family component carrying children, a small bump at
# 60-67 and a low plateau; women's labour peak one year earlier than men's.
MIGRATION_SCHEDULE_PARAMS: dict[str, dict[str, float]] = {
    "male": {
        "a1": 0.018, "alpha1": 0.10, "a2": 0.060, "mu2": 18.5, "alpha2": 0.10,
        "lambda2": 0.55, "a3": 0.0015, "mu3": 63.0, "alpha3": 0.40, "lambda3": 0.30,
        "c": 0.004,
    },
    "female": {
        "a1": 0.018, "alpha1": 0.10, "a2": 0.065, "mu2": 17.5, "alpha2": 0.11,
        "lambda2": 0.60, "a3": 0.0015, "mu3": 62.0, "alpha3": 0.40, "lambda3": 0.30,
        "c": 0.004,
    },
}  # fmt: skip


def derive_migration_schedule(reference_population: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(relative mobility rate (2, 91) with peak 1, movers' sex x age shares (2, 91)).

    Movers' shares = rate x the E&W mid-2021 population, normalised: the age profile of
    migrants that arrive anywhere, used for in-flows and for project-induced migrants.
    """
    ages = np.arange(N_AGES, dtype=float)
    rate = np.stack([rogers_castro(ages, MIGRATION_SCHEDULE_PARAMS[s]) for s in ("male", "female")])
    rate /= rate.max()
    movers = rate * reference_population
    return rate, movers / movers.sum()


def ew_population_mid2021(census_raw: Path) -> FloatArray:
    """England and Wales mid-2021 population (2, 91) from the ONS MYE2 workbook."""
    import pandas as pd  # only needed when re-deriving the parameter files

    path = census_raw / "ons-mid-year-estimates" / "ukpopestimatesmid2021on2021geographyfinal.xls"
    out = np.zeros((2, N_AGES))
    for s, sheet in enumerate(("MYE2 - Males", "MYE2 - Females")):
        with warnings.catch_warnings():  # pandas 3 flags xlrd as deprecated; .xls needs it
            warnings.simplefilter("ignore")
            frame = pd.read_excel(path, sheet_name=sheet, header=7, engine="xlrd")
        row = frame.loc[frame["Code"] == "K04000001"].iloc[0]
        out[s] = [float(row[c]) for c in frame.columns[4 : 4 + N_AGES]]
    return out


# ---------------------------------------------------------------------------- files


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    atomic_write_text(path, buf.getvalue())


def write_schedules(
    params_dir: Path = PARAMS_DIR,
    rates_raw: Path = RATES_RAW_DIR,
    census_raw: Path | None = None,
) -> None:
    """Re-derive every national schedule file from the raw sources (deterministic)."""
    demo = load_demography_params(params_dir)
    shape = derive_fertility_shape(rates_raw)
    _write_csv(
        params_dir / FERTILITY_FILE,
        ["age", "share_of_tfr", "source", "status"],
        [
            [
                a,
                f"{shape[a]:.8f}",
                WPP_SOURCE + "; single years by mean-preserving smooth",
                "verified",
            ]
            for a in FERTILE_AGES
        ],
    )
    q, factors, raw_e0 = derive_mortality(
        (demo["e0_male"], demo["e0_female"]), demo["infant_a0"], rates_raw
    )
    source = (
        f"{WPP_SOURCE}; log m(x) interpolated to single years, m(x) x {{f:.4f}} so e0 = "
        f"{{e0}} ({E0_SOURCE}); WPP e0 before scaling {{raw:.2f}}"
    )
    mort_rows: list[list[object]] = []
    for s, sex in enumerate(("male", "female")):
        text = source.format(
            f=factors[s], e0=demo["e0_male" if s == 0 else "e0_female"], raw=raw_e0[s]
        )
        for a in range(N_AGES):
            mort_rows.append([sex, a, f"{q[s, a]:.8f}", text, "verified"])
    _write_csv(params_dir / MORTALITY_FILE, ["sex", "age", "qx", "source", "status"], mort_rows)

    census_raw = census_raw or default_raw_dir()
    rate, movers = derive_migration_schedule(ew_population_mid2021(census_raw))
    mig_rows: list[list[object]] = []
    for s, sex in enumerate(("male", "female")):
        p = MIGRATION_SCHEDULE_PARAMS[sex]
        text = (
            "Rogers-Castro model schedule, parameters "
            + " ".join(f"{k}={v}" for k, v in p.items())
            + "; mover shares weighted by ONS mid-2021 E&W population (MYE2)"
        )
        for a in range(N_AGES):
            mig_rows.append(
                [sex, a, f"{rate[s, a]:.8f}", f"{movers[s, a]:.10f}", text, "assumption"]
            )
    _write_csv(
        params_dir / MIGRATION_SCHEDULE_FILE,
        ["sex", "age", "relative_rate", "mover_share", "source", "status"],
        mig_rows,
    )


def read_param_table(
    path: Path, columns: Sequence[str], convert: dict[str, Callable[[str], object]]
) -> list[dict[str, Any]]:
    """Read a params CSV, checking columns (incl. source/status) and converting values."""
    rows = _read_rows(path)
    if not rows:
        raise DataError(str(path), "no rows")
    missing = [c for c in (*columns, "source", "status") if c not in rows[0]]
    if missing:
        raise DataError(str(path), f"missing column(s) {', '.join(missing)}", row=1)
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rows, start=2):
        if row["status"] not in ("verified", "assumption"):
            raise DataError(
                str(path), "status must be verified or assumption", row=i, column="status"
            )
        if not row["source"].strip():
            raise DataError(str(path), "empty source", row=i, column="source")
        parsed: dict[str, object] = {}
        for col in columns:
            try:
                parsed[col] = convert.get(col, str)(row[col])
            except (TypeError, ValueError):
                raise DataError(str(path), f"bad value {row[col]!r}", row=i, column=col) from None
        out.append(parsed)
    return out


@cache
def load_demography_params(params_dir: Path = PARAMS_DIR) -> Mapping[str, float]:
    rows = read_param_table(
        params_dir / DEMOGRAPHY_PARAMS_FILE, ["parameter", "value"], {"value": float}
    )
    return MappingProxyType({str(r["parameter"]): float(r["value"]) for r in rows})


def _sex_age_table(path: Path, column: str) -> FloatArray:
    rows = read_param_table(path, ["sex", "age", column], {"age": int, column: float})
    out = np.full((2, N_AGES), np.nan)
    for i, r in enumerate(rows, start=2):
        sex, age = r["sex"], r["age"]
        if sex not in ("male", "female") or not isinstance(age, int) or not 0 <= age < N_AGES:
            raise DataError(str(path), f"bad sex/age {sex}/{age}", row=i)
        out[0 if sex == "male" else 1, age] = r[column]
    if np.isnan(out).any():
        raise DataError(str(path), "every sex x age 0..90 must be present")
    return out


@cache
def load_national_schedules(params_dir: Path = PARAMS_DIR) -> NationalSchedules:
    demo = load_demography_params(params_dir)
    fert_rows = read_param_table(
        params_dir / FERTILITY_FILE, ["age", "share_of_tfr"], {"age": int, "share_of_tfr": float}
    )
    shape = np.zeros(N_AGES)
    for r in fert_rows:
        shape[int(r["age"])] = float(r["share_of_tfr"])
    shape /= shape.sum()
    q = _sex_age_table(params_dir / MORTALITY_FILE, "qx")
    death_prob = cohort_death_probability(q)
    rate = _sex_age_table(params_dir / MIGRATION_SCHEDULE_FILE, "relative_rate")
    movers = _sex_age_table(params_dir / MIGRATION_SCHEDULE_FILE, "mover_share")
    movers /= movers.sum()
    for arr in (shape, q, death_prob, rate, movers):
        arr.setflags(write=False)
    return NationalSchedules(
        fertility_shape=shape,
        q=q,
        death_prob=death_prob,
        migration_rate_shape=rate,
        migrant_profile=movers,
        sex_ratio_at_birth=demo["sex_ratio_at_birth"],
    )


def cohort_death_probability(q: FloatArray) -> FloatArray:
    """Death probability over one projection year for the aged-on cohort now aged a.

    That cohort was a-1 at the start of the year, so it spends the year between exact ages
    a-1/2 and a+1/2 on average: the mean of q(a-1) and q(a) (a Lexis parallelogram), not
    q(a), which would overstate deaths by roughly half a year of ageing (~4%). Births
    (age 0) take q(0); the open group 90+ mixes the 89s joining it with the 90+ already in
    it, so it takes q(90+).
    """
    out = np.array(q, dtype=np.float64, copy=True)
    out[..., 1:90] = 0.5 * (q[..., 0:89] + q[..., 1:90])
    return out


def life_expectancy(q: FloatArray, a0: float = 0.1) -> float:
    """e0 implied by single-year q(0..89) and the open group q(90+) (for checks and docs)."""
    lx = np.concatenate(([1.0], np.cumprod(1.0 - q[:-1])))
    ax = np.full(q.shape, 0.5)
    ax[0] = a0
    big_l = lx[:-1] - (1.0 - ax[:-1]) * lx[:-1] * q[:-1]
    # open group: person-years = l(90) x expected years left, a geometric series in q(90+)
    open_years = lx[-1] * (1.0 / q[-1] - 0.5)
    return float(big_l.sum() + open_years)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    write_schedules()
    print(f"wrote national schedules to {PARAMS_DIR}")
