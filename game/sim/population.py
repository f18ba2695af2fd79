"""Cohort-component population projection, vectorised over areas, sexes and ages.

State `P` is float64 (n, 2, 91): areas in sorted code order, sex 0=male 1=female, single
years 0..89 and the open group 90+. One step is mid-year to mid-year, in the order ONS and
the GLA model use: age on -> births -> deaths -> emigration -> internal out -> internal in
-> immigration -> extra (project-induced) migrants. docs/methods-population.md has the why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from game.model.area import N_AGES, AreaProfile
from game.sim.internal_moves import internal_moves, level_rate
from game.sim.schedules import FloatArray, NationalSchedules, WorldLike
from game.sim.special_populations import special_population

__all__ = [
    "ComponentArrays",
    "DemographicRates",
    "PopulationStep",
    "age_on",
    "calibrate_demography",
    "calibrate_from_arrays",
    "calibrate_world",
    "component_arrays",
    "step_population",
]


@dataclass(frozen=True)
class DemographicRates:
    """Per-area rates for one projection year (arrays are read-only)."""

    codes: tuple[str, ...]
    fertility: FloatArray  # (n, 91) births per woman of each age in the year
    q: FloatArray  # (n, 2, 91) probability of dying in the year (applied to the aged-on pop)
    emigration_rate: FloatArray  # (n, 2, 91)
    internal_out_rate: FloatArray  # (n, 2, 91)
    internal_in: FloatArray  # (n,) people a year
    international_in: FloatArray  # (n,) people a year
    in_profile: FloatArray  # (n, 2, 91) sex x age shares of in-migrants, each area sums to 1
    migrant_profile: FloatArray  # (2, 91) national movers' profile: project-induced migrants
    sex_ratio_at_birth: float = 1.05
    tfr: FloatArray = field(default_factory=lambda: np.zeros(0))  # (n,) diagnostic
    smr: FloatArray = field(default_factory=lambda: np.zeros(0))  # (n,) diagnostic
    base_population: FloatArray = field(default_factory=lambda: np.zeros(0))  # (n,) totals
    internal_in_elasticity: float = 0.0  # in-flow level ~ (population / base) ** this
    fixed: FloatArray = field(default_factory=lambda: np.zeros(0))  # (n, 2, 91) held, not aged

    def select(self, rows: np.ndarray | list[int]) -> DemographicRates:
        """The same rates for a subset of areas (rows in this object's order)."""
        idx = np.asarray(rows, dtype=np.intp)
        return DemographicRates(
            codes=tuple(self.codes[i] for i in idx),
            fertility=_ro(self.fertility[idx]),
            q=_ro(self.q[idx]),
            emigration_rate=_ro(self.emigration_rate[idx]),
            internal_out_rate=_ro(self.internal_out_rate[idx]),
            internal_in=_ro(self.internal_in[idx]),
            international_in=_ro(self.international_in[idx]),
            in_profile=_ro(self.in_profile[idx]),
            migrant_profile=self.migrant_profile,
            sex_ratio_at_birth=self.sex_ratio_at_birth,
            tfr=_ro(self.tfr[idx]) if self.tfr.size else self.tfr,
            smr=_ro(self.smr[idx]) if self.smr.size else self.smr,
            base_population=_ro(self.base_population[idx])
            if self.base_population.size
            else self.base_population,
            internal_in_elasticity=self.internal_in_elasticity,
            fixed=_ro(self.fixed[idx]) if self.fixed.size else self.fixed,
        )


@dataclass(frozen=True)
class PopulationStep:
    """Result of one year: the new population and every component, per area (n,)."""

    population: FloatArray  # (n, 2, 91)
    births: FloatArray
    deaths: FloatArray
    internal_in: FloatArray
    internal_out: FloatArray
    international_in: FloatArray
    international_out: FloatArray
    extra_migrants: FloatArray


@dataclass(frozen=True)
class ComponentArrays:
    """One full year of ONS components per area (mid-2019 -> mid-2020), as float arrays."""

    population_start: FloatArray
    births: FloatArray
    deaths: FloatArray
    internal_in: FloatArray
    internal_out: FloatArray
    international_in: FloatArray
    international_out: FloatArray


UPC_YEARS = 10.0  # mid-2011 to mid-2021: the decade the roll-forward error built up over


def _ro(a: FloatArray) -> FloatArray:
    a = np.ascontiguousarray(a, dtype=np.float64)
    a.setflags(write=False)
    return a


def age_on(P: FloatArray) -> FloatArray:
    """Everyone one year older; 89 joins the open group 90+; age 0 is left empty for births."""
    aged = np.empty_like(P)
    aged[..., 0] = 0.0
    aged[..., 1:] = P[..., :-1]
    aged[..., N_AGES - 1] += P[..., N_AGES - 1]
    return aged


def _exposure(P: FloatArray, aged: FloatArray) -> FloatArray:
    """Women exposed to childbearing: mean of start-of-year and aged-on counts (METHODS §1)."""
    return 0.5 * (P[:, 1, :] + aged[:, 1, :])


Scale = float | FloatArray  # one number, or one per area (n,)


def _per_area(x: Scale) -> FloatArray | float:
    """A scale as given, or an (n,) scale shaped (n, 1, 1) to meet (n, 2, 91) arrays."""
    a = np.asarray(x, dtype=np.float64)
    return float(a) if a.ndim == 0 else a[:, None, None]


def step_population(
    P: FloatArray,
    rates: DemographicRates,
    extra_net_migrants: FloatArray | None = None,
    fertility_scale: Scale = 1.0,
    migration_scale: float = 1.0,
    mortality_scale: Scale = 1.0,
    international_scale: Scale = 1.0,
    internal_in_scale: float = 1.0,
) -> PopulationStep:
    """Project one year. Out-flows are clipped to the people available at that point, and
    the reported components are the flows actually applied, so per area
    P1.sum = P0.sum + births - deaths + internal_in - internal_out + international_in
    - international_out + extra_migrants holds to rounding, and no cohort goes negative.

    Fertility, mortality and international scales may be one number or one per area (the
    national control's factors, game.sim.national_control; `internal_in_scale` is its
    one factor on internal in-flows). A special population
    (`rates.fixed`) is taken out before ageing and added back unchanged."""
    scales: tuple[Scale, ...] = (fertility_scale, migration_scale, mortality_scale)
    scales += (international_scale, internal_in_scale)
    if min(float(np.min(x)) for x in scales) < 0:
        raise ValueError("fertility, migration, mortality and international scales must be >= 0")
    if P.ndim != 3 or P.shape[1:] != (2, N_AGES) or P.shape[0] != len(rates.codes):
        raise ValueError(f"population shape {P.shape} does not match {len(rates.codes)} areas")
    held = np.minimum(rates.fixed, P) if rates.fixed.size else None
    if held is not None:
        P = P - held
    aged = age_on(P)

    births = (rates.fertility * _exposure(P, aged)).sum(axis=1) * np.asarray(fertility_scale)
    boys = births * (rates.sex_ratio_at_birth / (1.0 + rates.sex_ratio_at_birth))
    aged[:, 0, 0] = boys
    aged[:, 1, 0] = births - boys

    m = _per_area(mortality_scale)
    q = rates.q if np.all(np.equal(m, 1.0)) else np.minimum(rates.q * m, 1.0)
    dying = q * aged
    aged -= dying

    emigrating = np.minimum(rates.emigration_rate * migration_scale * aged, aged)
    aged -= emigrating
    leaving = np.minimum(rates.internal_out_rate * migration_scale * aged, aged)
    aged -= leaving

    # In-flows follow the area's size with an elasticity (docs/methods-population.md):
    # fixed levels would let out-rates on a growing population drain E&W of people.
    internal_in = rates.internal_in * migration_scale * internal_in_scale
    if rates.base_population.size and rates.internal_in_elasticity:
        start = P.sum(axis=(1, 2))
        base = rates.base_population
        growth = np.divide(start, base, out=np.ones_like(start), where=base > 0)
        internal_in = internal_in * growth**rates.internal_in_elasticity
    international_in = rates.international_in * migration_scale * np.asarray(international_scale)
    aged += (internal_in + international_in)[:, None, None] * rates.in_profile

    if extra_net_migrants is None:
        extra = np.zeros(len(rates.codes))
    else:
        wanted = (
            np.asarray(extra_net_migrants, dtype=np.float64)[:, None, None] * rates.migrant_profile
        )
        applied = np.maximum(wanted, -aged)  # a net outflow cannot take more than are there
        aged += applied
        extra = applied.sum(axis=(1, 2))
    np.maximum(aged, 0.0, out=aged)  # only rounding dust (~1e-12) can be negative here
    if held is not None:
        aged += held

    return PopulationStep(
        population=aged,
        births=births,
        deaths=dying.sum(axis=(1, 2)),
        internal_in=internal_in.copy(),
        internal_out=leaving.sum(axis=(1, 2)),
        international_in=international_in.copy(),
        international_out=emigrating.sum(axis=(1, 2)),
        extra_migrants=extra,
    )


def add_migrants(step: PopulationStep, people: FloatArray) -> PopulationStep:
    """The year's step with extra (project-induced) migrants (n, 2, 91) added at its end,
    after that year's deaths and out-migration (a net outflow takes at most those there)."""
    P = step.population
    applied = np.maximum(np.asarray(people, dtype=np.float64), -P)
    return dataclasses.replace(
        step,
        population=np.maximum(P + applied, 0.0),
        extra_migrants=step.extra_migrants + applied.sum(axis=(1, 2)),
    )


# ---------------------------------------------------------------------------- calibration


def component_arrays(areas: list[AreaProfile]) -> ComponentArrays:
    def col(name: str) -> FloatArray:
        return np.array([float(getattr(a.components, name)) for a in areas])

    return ComponentArrays(
        population_start=col("population_start"),
        births=col("births"),
        deaths=col("deaths"),
        internal_in=col("internal_in"),
        internal_out=col("internal_out"),
        international_in=col("international_in"),
        international_out=col("international_out"),
    )


def _pool(
    codes: tuple[str, ...], P: FloatArray, comps: ComponentArrays, pooled: Mapping[str, str]
) -> tuple[FloatArray, ComponentArrays, FloatArray]:
    """Replace each small area's structure and components by its pool's (area + partner).

    Rates per head then come from the pool; in-flow levels are scaled back by the small
    area's share of the pool's population (returned as `shares`).
    """
    row = {c: i for i, c in enumerate(codes)}
    P = P.copy()
    fields = {k: getattr(comps, k).copy() for k in ComponentArrays.__dataclass_fields__}
    shares = np.ones(len(codes))
    for small, partner in sorted(pooled.items()):
        if small not in row or partner not in row:
            continue
        i, j = row[small], row[partner]
        pooled_p = P[i] + P[j]
        shares[i] = P[i].sum() / pooled_p.sum() if pooled_p.sum() > 0 else 1.0
        P[i] = pooled_p
        for arr in fields.values():
            arr[i] = arr[i] + arr[j]
    return P, ComponentArrays(**fields), shares


def _fertility_and_mortality(
    P: FloatArray,
    comps: ComponentArrays,
    sch: NationalSchedules,
    relative: bool,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """(TFR (n,), fertility (n, 91), SMR (n,), q (n, 2, 91), aged-on start incl. births).

    Registered births and deaths are counts, not estimates: they are related to the
    census-based population P as they are. (Scaling them by P / the pre-census mid-2019
    estimate, as the estimated migration flows are, would put that estimate's roll-forward
    error into the rates: Camden's TFR came out 0.86 and its mortality ratio 0.78.)
    """
    aged = age_on(P)
    exposure = _exposure(P, aged)
    births = comps.births
    expected_births = exposure @ sch.fertility_shape
    tfr = np.divide(births, expected_births, out=np.zeros_like(births), where=expected_births > 0)
    fertility = tfr[:, None] * sch.fertility_shape[None, :]

    srb = sch.sex_ratio_at_birth
    aged[:, 0, 0] = births * srb / (1.0 + srb)
    aged[:, 1, 0] = births / (1.0 + srb)
    expected_deaths = (sch.death_prob[None] * aged).sum(axis=(1, 2))
    deaths = comps.deaths
    smr = np.divide(deaths, expected_deaths, out=np.ones_like(deaths), where=expected_deaths > 0)
    if relative and expected_deaths.sum() > 0:
        smr = smr / (deaths.sum() / expected_deaths.sum())
    q = np.minimum(smr[:, None, None] * sch.death_prob[None], 1.0)
    return tfr, fertility, smr, q, aged


def _international_flows(
    total: FloatArray,
    comps: ComponentArrays,
    per_head: FloatArray,
    covid: float,
    correct: bool,
    special: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray]:
    """(immigration, emigration) a year, per area, including the unattributable change.

    Unattributable population change: how far ONS's 2011-based roll-forward (mid-2020)
    missed the census-based mid-2021 estimate, per year of the decade. ONS's rebasing put
    it on international migration; so do we (emigration if negative, immigration if not).
    """
    mid_2020 = comps.population_start + comps.births - comps.deaths + comps.internal_in
    mid_2020 = mid_2020 - comps.internal_out + comps.international_in - comps.international_out
    net_1920 = mid_2020 - comps.population_start
    upc = (total - mid_2020 - net_1920) / UPC_YEARS if correct else 0.0 * total
    if special is not None:
        # Where a special population lives, an overstated pre-census estimate is put down to
        # it (a garrison or prison that moved or shrank once), not to ten years of emigration
        # that would go on for ever: Richmondshire's -337 a year drained it by 22% in 50 years.
        upc = np.where((special > 0) & (upc < 0), 0.0, upc)
    immigration = comps.international_in * per_head * covid + np.maximum(upc, 0.0)
    emigration = comps.international_out * per_head * covid + np.maximum(-upc, 0.0)
    return immigration, emigration


def calibrate_from_arrays(
    codes: tuple[str, ...],
    P: FloatArray,
    comps: ComponentArrays,
    schedules: NationalSchedules,
    demography: Mapping[str, float],
    mortality_relative_to_national: bool = True,
    correct_unattributed: bool = True,
    pooled: Mapping[str, str] | None = None,
    fixed: FloatArray | None = None,
) -> DemographicRates:
    """Local rates from national schedules and each area's own year of components.

    `fixed` (n, 2, 91): special populations held fixed (game.sim.special_populations); the
    rates are fitted on the rest, which is what they will meet.

    P (n, 2, 91) is the age structure the rates will meet (mid-2021 as a proxy for the
    2019-20 structure). Registered births and deaths are related to P as counted; the
    estimated migration flows keep their rate per head: a flow observed on the mid-2019
    population is scaled by P.sum / population_start before fitting. Mortality: the SMR is
    taken relative to the whole set's deaths / expected deaths, so the set's level stays on
    the national life table (the 2019-20 year contained the first COVID-19 wave).
    """
    sch = schedules
    P_all = np.asarray(P, dtype=np.float64)
    held = np.zeros_like(P_all) if fixed is None else np.minimum(fixed, P_all)
    special = held.sum(axis=(1, 2))
    P_own = P_all - held
    P, shares = P_all, np.ones(len(codes))
    if pooled:
        P, comps, shares = _pool(codes, P, comps, pooled)
    total = P.sum(axis=(1, 2))
    per_head = np.divide(
        total, comps.population_start, out=np.ones_like(total), where=comps.population_start > 0
    )
    if fixed is not None:
        P = P - _pool(codes, held, comps, pooled)[0] if pooled else P - held
    tfr, fertility, smr, q, aged = _fertility_and_mortality(
        P, comps, sch, mortality_relative_to_national
    )
    # Out-rates meet the survivors of the year, so fit them on the aged-on survivors.
    survivors = aged * (1.0 - q)
    immigration, emigration_flow = _international_flows(
        total,
        comps,
        per_head,
        demography["international_covid_factor"],
        correct_unattributed,
        special,
    )
    emigration = np.minimum(level_rate(sch.migration_rate_shape, survivors, emigration_flow), 1.0)
    stayers = survivors * (1.0 - emigration)
    internal_out, in_profile = internal_moves(
        P,
        stayers,
        comps.internal_out * per_head,
        sch,
        demography["age_signature_weight"],
        demography["in_profile_local_weight"],
    )

    return DemographicRates(
        codes=tuple(codes),
        fertility=_ro(fertility),
        q=_ro(q),
        emigration_rate=_ro(emigration),
        internal_out_rate=_ro(internal_out),
        internal_in=_ro(comps.internal_in * per_head * shares),
        international_in=_ro(immigration * shares),
        in_profile=_ro(in_profile),
        migrant_profile=sch.migrant_profile,
        sex_ratio_at_birth=sch.sex_ratio_at_birth,
        tfr=_ro(tfr),
        smr=_ro(smr),
        base_population=_ro(P_own.sum(axis=(1, 2))),
        internal_in_elasticity=demography["internal_in_size_elasticity"],
        fixed=_ro(held) if fixed is not None else np.zeros(0),
    )


def calibrate_world(
    world: WorldLike,
    schedules: NationalSchedules,
    demography: Mapping[str, float],
    pooled: Mapping[str, str],
) -> DemographicRates:
    """Rates for every area of the world (in world.codes order), calibrated all at once so
    an area's rates do not depend on which other areas are projected with it. Callers that
    build several engines on one world compute this once and pass it on."""
    all_codes = tuple(world.codes)
    areas = [world.areas[c] for c in all_codes]
    P = np.asarray(world.population_array(), dtype=np.float64)
    fixed = special_population(P, demography)
    # Pooled small areas (City of London, Isles of Scilly) take their rates from the pool;
    # their young workers are not a garrison.
    fixed[[i for i, c in enumerate(all_codes) if c in pooled]] = 0.0
    return calibrate_from_arrays(
        all_codes,
        P,
        component_arrays(areas),
        schedules,
        demography,
        pooled=pooled,
        fixed=fixed,
    )


def calibrate_demography(
    world: WorldLike, codes: tuple[str, ...] | list[str], world_rates: DemographicRates
) -> DemographicRates:
    """Rates for `codes` (LAD codes; returned in the order given, normally sorted), sliced
    from the whole world's calibration (`calibrate_world`)."""
    if tuple(codes) == tuple(world_rates.codes):
        return world_rates
    return world_rates.select([world.index[c] for c in codes])
