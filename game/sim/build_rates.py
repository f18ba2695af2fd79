"""Build step: derive the national schedule files in data/params from the raw sources.

Run by a maintainer, never by the engine:

    python -m game.sim.build_rates --raw ../shared/rates-raw --census-raw ../shared/census-raw

`derive_*` turn the UN WPP 2022 extracts into single-year schedules; `write_schedules`
writes them (with source and status columns) into a params folder (default: the shipped
data/params), and a test checks the shipped files still match the derivation.
docs/methods-population.md explains every step.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from game.atomic import atomic_write_text
from game.errors import DataError
from game.model.area import N_AGES
from game.sim.schedules import (
    FERTILE_AGES,
    FERTILITY_FILE,
    MIGRATION_SCHEDULE_FILE,
    MORTALITY_FILE,
    FloatArray,
)

WPP_PERIOD = "2020-2025"
WPP_SOURCE = (
    "UN DESA Population Division, World Population Prospects 2022 (CC BY 3.0 IGO), UK, "
    "period 2020-2025, via shared/rates-raw"
)
E0_SOURCE = "ONS National life tables England and Wales 2021-2023, as reported in METHODS.md §1"


# ---------------------------------------------------------------------------- derivation


def _read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataError(str(path), "file not found")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def derive_fertility_shape(rates_raw: Path) -> FloatArray:
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
    e0_target: Sequence[float], a0: float, rates_raw: Path
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
        "a1": 0.018,
        "alpha1": 0.10,
        "a2": 0.060,
        "mu2": 18.5,
        "alpha2": 0.10,
        "lambda2": 0.55,
        "a3": 0.0015,
        "mu3": 63.0,
        "alpha3": 0.40,
        "lambda3": 0.30,
        "c": 0.004,
    },
    "female": {
        "a1": 0.018,
        "alpha1": 0.10,
        "a2": 0.065,
        "mu2": 17.5,
        "alpha2": 0.11,
        "lambda2": 0.60,
        "a3": 0.0015,
        "mu3": 62.0,
        "alpha3": 0.40,
        "lambda3": 0.30,
        "c": 0.004,
    },
}


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


def write_schedules(params_dir: Path, rates_raw: Path, census_raw: Path) -> None:
    """Re-derive every national schedule file from the raw sources (deterministic)."""
    from game.sim.params_bundle import read_demography  # the one provenance-checked reader

    demo = read_demography(params_dir)
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


HOUSEHOLD_SIZE_FILE = "household_size.csv"
QUIZ_FILE = "ons-census2021-quiz-indicators/census-quiz-data-2021-v9.csv"
TS054_FILE = "nomis-census2021-bulk/census2021-ts054-ltla.csv"


def derive_household_sizes(
    census_raw: Path, national_size: float
) -> tuple[dict[str, float], float]:
    """Average household size (household residents / households) per LAD, Census 2021.

    TS041/TS001 (household residents) are not in census-raw; the ONS census-quiz extract
    gives each LAD's share of 1-, 2-, 3- and 4-or-more-person households (TS017 rounded to
    0.1%). Mean size = p1 + 2 p2 + 3 p3 + m4 p4, where m4, the mean size of a 4-or-more
    household, is one national figure chosen so that the household-weighted mean over E&W
    equals the published 2.36 (households from TS054). Returns (sizes, m4).
    """
    households: dict[str, float] = {}
    for row in _read_rows(census_raw / TS054_FILE):
        households[row["geography code"]] = float(row["Tenure of household: Total: All households"])
    shares: dict[str, tuple[float, float, float, float]] = {}
    for row in _read_rows(census_raw / QUIZ_FILE):
        code = row["code"]
        if code in households:
            shares[code] = tuple(  # type: ignore[assignment]
                float(row[f"household_{k}-person_perc"]) / 100.0 for k in (1, 2, 3, 4)
            )
    missing = sorted(set(households) - set(shares))
    if missing:
        raise DataError(str(census_raw / QUIZ_FILE), f"no household sizes for {missing[:3]}")
    total = sum(households.values())
    small = sum(households[c] * (p[0] + 2 * p[1] + 3 * p[2]) for c, p in shares.items())
    big = sum(households[c] * p[3] for c, p in shares.items())
    m4 = (national_size * total - small) / big
    sizes = {c: p[0] + 2 * p[1] + 3 * p[2] + m4 * p[3] for c, p in shares.items()}
    return dict(sorted(sizes.items())), m4


def write_household_sizes(params_dir: Path, census_raw: Path) -> None:
    from game.sim.params_bundle import read_links_values

    national = read_links_values(params_dir)["household_size"]
    sizes, m4 = derive_household_sizes(census_raw, national)
    source = (
        "Census 2021 household size distribution (ONS census quiz extract of TS017: 1, 2, 3 "
        f"and 4+ person households, 0.1%) x sizes 1, 2, 3 and {m4:.3f} for 4+ (one national "
        f"figure giving the E&W mean {national} over TS054 households); household "
        "residents / households"
    )
    _write_csv(
        params_dir / HOUSEHOLD_SIZE_FILE,
        ["area_code", "household_size", "source", "status"],
        [[c, f"{v:.4f}", source, "derived"] for c, v in sizes.items()],
    )


def main(argv: Sequence[str] | None = None) -> int:
    from game.census.paths import shared_dir
    from game.resources import data_dir

    parser = argparse.ArgumentParser(
        prog="python -m game.sim.build_rates", description=__doc__.splitlines()[0]
    )
    shared = shared_dir()  # $CIVIC_FUTURES_SHARED_DIR or ../shared (game.census.paths)
    parser.add_argument(
        "--raw", type=Path, default=shared / "rates-raw", help="folder of the UN WPP extracts"
    )
    parser.add_argument(
        "--census-raw",
        type=Path,
        default=shared / "census-raw",
        help="folder with ons-mid-year-estimates/ and the census quiz extract",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="params folder to write (default: data/params)"
    )
    args = parser.parse_args(argv)
    out = args.out or data_dir() / "params"
    try:
        write_schedules(out, args.raw, args.census_raw)
        write_household_sizes(out, args.census_raw)
    except DataError as exc:
        print(f"error: {exc}")
        return 2
    print(f"wrote national schedules to {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    raise SystemExit(main())
