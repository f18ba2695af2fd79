"""The national control: the councils' baseline constrained to ONS's national figures.

Local shares come from the engine (each area's own rates); the totals come from ONS
(data/params/national_control.csv): births, deaths and each country's population for the
years ONS has estimated (mid-2022 to mid-2024), then the 2022-based national population
projection's assumptions (a fertility trend, mortality improvement, net international
migration). As in ONS's and the GLA's final constraining stage, every area's component is
scaled by one national factor a year: fertility and mortality by one E&W factor, immigration
by one factor per country (England, Wales) so that each country's population meets ONS.

`national_path` works the factors out once per world (a few ms a year for 331 areas); the
engine applies them (`year_scales`). docs/methods-population.md shows the figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

import numpy as np
import numpy.typing as npt

from game.errors import DataError
from game.provenance import sourced_rows
from game.sim.population import DemographicRates, Scale, step_population
from game.sim.schedules import FloatArray
from game.sim.uncertainty import Variant

NATIONAL_CONTROL_FILE = "national_control.csv"
BASELINES = ("national", "unconstrained")  # the national control, or the engine's own trend
COUNTRIES = ("england", "wales")
EW = "england_and_wales"
CONTROL_START_YEAR = 2021  # the census-based mid-2021 population the world starts from
ENGLAND_AREAS, WALES_AREAS = 309, 22  # local authorities (2021 boundaries)


@dataclass(frozen=True)
class NationalControl:
    """ONS national figures and projection assumptions (read from national_control.csv)."""

    population: Mapping[int, tuple[float, float]]  # mid-year -> (England, Wales)
    births: Mapping[int, float]  # E&W, year to mid-year
    deaths: Mapping[int, float]
    tfr_anchor: tuple[int, float]  # (year, E&W TFR) the trend starts from
    tfr_long_term: tuple[int, float]  # (year, TFR) reached by then, held after
    migration_long_term: tuple[int, float]  # (year, E&W net international migration)
    migration_last: tuple[int, float]  # (year, E&W net international migration), last ONS
    mortality_improvement: float  # death rates fall by this share a year after the data

    @property
    def last_year(self) -> int:
        return max(self.population)

    def tfr_ratio(self, year: int) -> float:
        """TFR in `year` / TFR at the anchor: a straight line to the long-term TFR."""
        (y0, t0), (y1, t1) = self.tfr_anchor, self.tfr_long_term
        share = min(1.0, max(0.0, (year - y0) / (y1 - y0)))
        return (t0 + (t1 - t0) * share) / t0

    def net_international(self, year: int) -> float:
        """E&W net international migration: a straight line from the last ONS year to the
        projection's long-term level, held after."""
        (y0, n0), (y1, n1) = self.migration_last, self.migration_long_term
        share = min(1.0, max(0.0, (year - y0) / (y1 - y0)))
        return n0 + (n1 - n0) * share


def read_national_control(params_dir: Path) -> NationalControl:
    """Parse data/params/national_control.csv (every row sourced; DataError names the row)."""
    path = params_dir / NATIONAL_CONTROL_FILE
    values: dict[tuple[int, str, str], float] = {}
    for i, row in sourced_rows(path, ("year", "country", "measure", "value")):
        try:
            key = (int(row["year"]), row["country"].strip(), row["measure"].strip())
            values[key] = float(row["value"])
        except ValueError:
            raise DataError(str(path), f"bad year or value in {dict(row)}", row=i) from None
        if values[key] < 0:
            raise DataError(str(path), "negative value", row=i, column="value")

    def pick(country: str, measure: str) -> dict[int, float]:
        return {y: v for (y, c, m), v in values.items() if c == country and m == measure}

    def one(country: str, measure: str) -> tuple[int, float]:
        found = pick(country, measure)
        if not found:
            raise DataError(str(path), f"needs a {country} {measure} row", column="measure")
        year = max(found)
        return year, found[year]

    eng, wal = pick("england", "population"), pick("wales", "population")
    if not eng or sorted(eng) != sorted(wal):
        raise DataError(str(path), "England and Wales populations must cover the same years")
    uk_year, uk_nim = one("uk", "net_international_migration")
    _, share = one(EW, "share_of_uk_migration")
    births, deaths = pick(EW, "births"), pick(EW, "deaths")
    nim = pick(EW, "net_international_migration")
    return NationalControl(
        population={y: (eng[y], wal[y]) for y in sorted(eng)},
        births=births,
        deaths=deaths,
        tfr_anchor=one(EW, "tfr"),
        tfr_long_term=one("uk", "tfr"),
        migration_long_term=(uk_year, uk_nim * share),
        migration_last=(max(nim), nim[max(nim)]),
        mortality_improvement=one(EW, "mortality_improvement")[1],
    )


@dataclass(frozen=True)
class ControlPath:
    """National factors for the years ending mid-(start_year + 1) ... mid-(start_year + T)."""

    start_year: int
    fertility: FloatArray  # (T,)
    mortality: FloatArray  # (T,)
    immigration: FloatArray  # (T, 2): England, Wales
    internal_in: FloatArray  # (T,) internal in-flows x this: E&W internal in = internal out

    @property
    def end_year(self) -> int:
        return self.start_year + len(self.fertility)

    def factors(self, year: int) -> tuple[float, float, FloatArray, float]:
        """(fertility, mortality, immigration (England, Wales), internal in) for the year to
        mid-`year`; 1 outside the path (years before the control starts)."""
        t = year - self.start_year - 1
        if not 0 <= t < len(self.fertility):
            return 1.0, 1.0, np.ones(2), 1.0
        f, m = float(self.fertility[t]), float(self.mortality[t])
        return f, m, self.immigration[t], float(self.internal_in[t])


BoolArray = npt.NDArray[np.bool_]


class StepScales(TypedDict):
    """step_population's scales for one year (game.sim.population.step_population)."""

    fertility_scale: Scale
    mortality_scale: Scale
    international_scale: Scale
    internal_in_scale: float


def wales_mask(codes: tuple[str, ...] | list[str]) -> BoolArray:
    return np.array([c.startswith("W") for c in codes], dtype=bool)


def _immigration_factors(
    control: NationalControl,
    year: int,
    stepped: FloatArray,
    immigrants: FloatArray,
    emigrants: FloatArray,
    wales: BoolArray,
) -> FloatArray:
    """(England, Wales) factors on immigration that meet ONS's populations (years it has
    estimated) or the projection's net international migration (later years)."""
    masks = (~wales, wales)
    if year in control.population:
        out = []
        for target, m in zip(control.population[year], masks, strict=True):
            inflow = immigrants[m].sum()
            gap = target - stepped[m].sum()
            out.append(1.0 + gap / inflow if inflow > 0 else 1.0)
        return np.maximum(np.array(out), 0.0)
    if year > control.last_year:
        inflow = immigrants.sum()
        k = (control.net_international(year) + emigrants.sum()) / inflow if inflow > 0 else 1.0
        return np.full(2, max(k, 0.0))
    return np.ones(2)


def national_path(
    P: FloatArray, rates: DemographicRates, control: NationalControl, end_year: int
) -> ControlPath:
    """The factors for every year from mid-2021 to mid-`end_year`, worked out on the whole
    world's baseline (P, rates: all areas, mid-2021). Each year: births scaled to ONS (or
    the fertility trend), then deaths (or mortality improvement), then immigration so that
    each country's population is ONS's (or E&W net international migration is the
    projection's). Immigration enters as a level with a fixed profile, so the last factor
    is exact without another step."""
    wales = wales_mask(rates.codes)
    years = range(CONTROL_START_YEAR + 1, max(end_year, CONTROL_START_YEAR + 1) + 1)
    fert, mort, immi, inter = [], [], [], []
    f_last, m_last, y_births, y_deaths = 1.0, 1.0, CONTROL_START_YEAR, CONTROL_START_YEAR
    for year in years:
        if year in control.births:
            raw = step_population(P, rates, mortality_scale=m_last).births.sum()
            f, f_last, y_births = control.births[year] / raw, control.births[year] / raw, year
        else:
            f = f_last * control.tfr_ratio(year) / control.tfr_ratio(y_births)
        if year in control.deaths:
            raw = step_population(P, rates, fertility_scale=f).deaths.sum()
            m, m_last, y_deaths = control.deaths[year] / raw, control.deaths[year] / raw, year
        else:
            m = m_last * (1.0 - control.mortality_improvement) ** (year - y_deaths)
        step = step_population(P, rates, fertility_scale=f, mortality_scale=m)
        # Moves within E&W cancel out nationally (cross-border flows are left in the ONS
        # residual that immigration absorbs): in-flows are scaled to the out-flows.
        k_int = step.internal_out.sum() / step.internal_in.sum()
        step = step_population(
            P, rates, fertility_scale=f, mortality_scale=m, internal_in_scale=k_int
        )
        k = _immigration_factors(
            control,
            year,
            step.population.sum(axis=(1, 2)),
            step.international_in,
            step.international_out,
            wales,
        )
        per_area = np.where(wales, k[1], k[0])
        P = step.population + ((per_area - 1.0) * step.international_in)[:, None, None] * (
            rates.in_profile
        )
        P = np.maximum(P, 0.0)
        fert.append(f)
        mort.append(m)
        immi.append(k)
        inter.append(k_int)
    return ControlPath(
        CONTROL_START_YEAR, np.array(fert), np.array(mort), np.array(immi), np.array(inter)
    )


def year_scales(
    variant: Variant, path: ControlPath | None, year: int, years_in: int, wales: BoolArray
) -> StepScales:
    """The step's scales for the year to mid-`year`: the variant's (fertility and mortality
    as trends, issue 8) times the national control's factors (none when unconstrained)."""
    f, m, k, k_int = (1.0, 1.0, np.ones(2), 1.0) if path is None else path.factors(year)
    scales: StepScales = {
        "fertility_scale": variant.trend(variant.fertility_scale, years_in) * f,
        "mortality_scale": variant.trend(variant.mortality_scale, years_in) * m,
        "international_scale": variant.international_scale * np.where(wales, k[1], k[0]),
        "internal_in_scale": k_int,
    }
    return scales


def national_check(
    codes: tuple[str, ...], history: list[Any], control: NationalControl, baseline: str
) -> list[dict[str, Any]]:
    """The baseline against ONS's mid-year populations, for each country all of whose areas
    were projected (E&W, England, Wales): year, country, model, ONS, difference (share)."""
    wales = wales_mask(codes)
    rows: list[dict[str, Any]] = []
    by_year = {rec.year: rec for rec in history}
    whole = {"england": (~wales).sum() >= ENGLAND_AREAS, "wales": wales.sum() >= WALES_AREAS}
    for year, (eng, wal) in sorted(control.population.items()):
        if year not in by_year:
            continue
        totals = by_year[year].trace.baseline_population.sum(axis=(1, 2))
        parts = {"england": (float(totals[~wales].sum()), eng)}
        parts["wales"] = (float(totals[wales].sum()), wal)
        if whole["england"] and whole["wales"]:
            parts["england and wales"] = (float(totals.sum()), eng + wal)
        for country, (model, ons) in parts.items():
            if country in whole and not whole[country]:
                continue
            rows.append(
                {
                    "year": year,
                    "country": country,
                    "baseline": baseline,
                    "model": model,
                    "ons": ons,
                    "difference": model / ons - 1.0,
                }
            )
    return rows


def format_check(rows: list[dict[str, Any]]) -> str:
    """Plain lines: the baseline against ONS's estimates."""
    if not rows:
        return ""
    lines = [f"Baseline ({rows[0]['baseline']}) against ONS mid-year estimates:"]
    for r in rows:
        lines.append(
            f"  mid-{r['year']} {str(r['country']):<18} model {float(r['model']):>12,.0f}  "
            f"ONS {float(r['ons']):>12,.0f}  {float(r['difference']):+.2%}"
        )
    return "\n".join(lines)
