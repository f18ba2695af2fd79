"""Labour market per area: labour force, employed residents, jobs by SIC section, commuting.

Supply: labour force = sum over sex x age of activity rate x population, with a national
activity schedule (data/params/activity_rates.csv) scaled per area so the base population
reproduces the area's Census 2021 TS066 economically active share. Employed residents keep
the area's Census 2021 unemployment rate (the baseline trend). Demand: workplace jobs grow
with the baseline labour force at the Census jobs-to-labour-force ratio, split by SIC
section in the commuting-weighted industry mix of the people who work there: jobs in
section s at work area w = sum over home areas h of commute[h, w] x the share of h's
employed residents in s (TS060 x ODWP01EW), scaled to the workplace total. (The census
gives industry by residence only; this assumes each home area's commuters share its
residents' mix.) Net additional jobs (`extra_jobs`) are added on top; residents take them
in the proportion residents hold the area's jobs, local unemployed and inactive people first.
docs/methods-population.md has the derivation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.errors import DataError
from game.model.area import AreaProfile
from game.model.summary import EMPLOYED_KEYS, UNEMPLOYED_KEYS
from game.sim.migration_links import MigrationLinkParams
from game.sim.schedules import FloatArray, WorldLike

SECTIONS: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRSTU")
WORKING_AGE_FROM = 16
MAX_ACTIVITY = 0.99

INACTIVE_KEYS = (
    "retired",
    "inactive_student",
    "looking_after_home",
    "long_term_sick",
    "inactive_other",
)

__all__ = [
    "SECTIONS",
    "LabourBase",
    "LabourState",
    "calibrate_labour",
    "calibrate_labour_from_arrays",
    "commuting_weighted_industry",
    "labour_market",
]


@dataclass(frozen=True)
class LabourBase:
    """Per-area labour-market parameters fixed at the base year."""

    codes: tuple[str, ...]
    activity_rate: FloatArray  # (n, 2, 91)
    unemployment_rate: FloatArray  # (n,) Census 2021 unemployed / active
    jobs_per_active: FloatArray  # (n,) workplace jobs per resident in the labour force
    local_share_of_workers: FloatArray  # (n,) employed residents working in the area
    resident_share_of_jobs: FloatArray  # (n,) the area's jobs held by its residents
    section_shares: FloatArray  # (n, 21) workplace jobs by SIC section A..U
    links: MigrationLinkParams
    # (n, n) [home h, work w]: share of w's workplace jobs held by residents of member h
    # (Census 2021 ODWP01EW); its diagonal is resident_share_of_jobs. In a grouping, new
    # jobs in one member are taken up where the workers live.
    home_share: FloatArray


@dataclass(frozen=True)
class LabourState:
    labour_force: FloatArray  # (n,)
    employed_residents: FloatArray
    unemployed: FloatArray
    unemployment_rate: FloatArray
    workplace_jobs: FloatArray
    jobs_by_section: FloatArray  # (n, 21)
    in_commuters: FloatArray
    out_commuters: FloatArray
    local_take_up: FloatArray  # new jobs taken by local unemployed + inactive people
    resident_share_of_jobs: FloatArray  # (n,) as in LabourBase
    home_share: FloatArray  # (n, n) as in LabourBase (for migrants_for_jobs)


def _ro(a: FloatArray) -> FloatArray:
    a = np.ascontiguousarray(a, dtype=np.float64)
    a.setflags(write=False)
    return a


def _div(a: FloatArray, b: FloatArray, default: float = 0.0) -> FloatArray:
    return np.divide(a, b, out=np.full_like(a, default, dtype=np.float64), where=b > 0)


def calibrate_labour_from_arrays(
    codes: tuple[str, ...],
    P: FloatArray,
    active: FloatArray,
    unemployed: FloatArray,
    residents_16_plus: FloatArray,
    live_and_work: FloatArray,
    resident_workers: FloatArray,
    workplace_jobs: FloatArray,
    industry: FloatArray,
    schedule: FloatArray,
    links: MigrationLinkParams,
    workplace_industry: FloatArray | None = None,
    commute: FloatArray | None = None,
) -> LabourBase:
    """Fit the labour base. Counts are per area (n,); industry is (n, 21) employed residents.

    workplace_industry: (n, 21) jobs by section at each area as a workplace (see
    `commuting_weighted_industry`); its shares split the workplace jobs. Without it (or
    for an area where it is all zero) the residents' own mix is used.
    commute: (n, n) [home, work] workers between the areas; without it each area's jobs
    are taken up by its own residents only.
    """
    sched = schedule
    P = np.asarray(P, dtype=np.float64)
    # The census active share of residents 16+ is applied to the (mid-year) base population.
    target_lf = _div(active, residents_16_plus) * P[:, :, WORKING_AGE_FROM:].sum(axis=(1, 2))
    raw_lf = (sched[None] * P).sum(axis=(1, 2))
    k = _div(target_lf, raw_lf, 1.0)
    activity = np.minimum(k[:, None, None] * sched[None], MAX_ACTIVITY)
    lf0 = (activity * P).sum(axis=(1, 2))
    sections = np.asarray(industry, dtype=np.float64)
    totals = sections.sum(axis=1, keepdims=True)
    shares = np.divide(
        sections, totals, out=np.full_like(sections, 1.0 / len(SECTIONS)), where=totals > 0
    )
    if workplace_industry is not None:
        wi = np.asarray(workplace_industry, dtype=np.float64)
        wt = wi.sum(axis=1, keepdims=True)
        shares = np.where(wt > 0, np.divide(wi, wt, out=np.zeros_like(wi), where=wt > 0), shares)
    return LabourBase(
        codes=tuple(codes),
        activity_rate=_ro(activity),
        unemployment_rate=_ro(_div(unemployed, active)),
        jobs_per_active=_ro(_div(workplace_jobs, lf0)),
        local_share_of_workers=_ro(_div(live_and_work, resident_workers, 1.0)),
        resident_share_of_jobs=_ro(_div(live_and_work, workplace_jobs, 1.0)),
        home_share=_ro(_home_share(live_and_work, workplace_jobs, commute)),
        section_shares=_ro(shares),
        links=links,
    )


def _home_share(
    live_and_work: FloatArray, workplace_jobs: FloatArray, commute: FloatArray | None
) -> FloatArray:
    """[h, w] share of w's workplace jobs held by residents of h (diagonal: the area's own
    residents, exactly resident_share_of_jobs)."""
    own = _div(np.asarray(live_and_work, float), np.asarray(workplace_jobs, float), 1.0)
    if commute is None or len(own) == 1:
        return np.diag(own)
    flows = np.asarray(commute, dtype=np.float64)
    jobs = np.asarray(workplace_jobs, dtype=np.float64)
    share = np.divide(flows, jobs[None, :], out=np.zeros_like(flows), where=jobs[None, :] > 0)
    np.fill_diagonal(share, own)
    return share


def _area_counts(a: AreaProfile) -> tuple[float, float, float, float, float, float]:
    ea = a.economic_activity
    missing = [k for k in (*EMPLOYED_KEYS, *UNEMPLOYED_KEYS, *INACTIVE_KEYS) if k not in ea]
    if missing:
        raise DataError(f"area {a.code}", f"economic_activity lacks {', '.join(missing)}")
    employed = float(sum(ea[k] for k in EMPLOYED_KEYS))
    unemployed = float(sum(ea[k] for k in UNEMPLOYED_KEYS))
    inactive = float(sum(ea[k] for k in INACTIVE_KEYS))
    c = a.commuting
    resident_workers = float(
        c.live_and_work + c.out_commuters + c.offshore_or_abroad + c.elsewhere_uk
    )
    return (
        employed + unemployed,
        unemployed,
        employed + unemployed + inactive,
        float(c.live_and_work),
        resident_workers,
        float(c.workplace_jobs),
    )


def commuting_weighted_industry(
    commute: FloatArray, resident_industry: FloatArray, work_rows: FloatArray | list[int]
) -> FloatArray:
    """Jobs by SIC section at each work area: jobs[w, s] = sum_h commute[h, w] x share_h(s).

    commute: (N, N) [home, work] workers for every area; resident_industry: (N, 21)
    employed residents by section for every home area; work_rows: the work areas wanted.
    Home areas without industry data contribute nothing.
    """
    ind = np.asarray(resident_industry, dtype=np.float64)
    tot = ind.sum(axis=1, keepdims=True)
    share = np.divide(ind, tot, out=np.zeros_like(ind), where=tot > 0)
    flows = np.asarray(commute, dtype=np.float64)[:, np.asarray(work_rows, dtype=np.intp)]
    return np.asarray(flows.T @ share, dtype=np.float64)


def calibrate_labour(
    world: WorldLike,
    codes: tuple[str, ...] | list[str],
    schedule: FloatArray,
    links: MigrationLinkParams,
) -> LabourBase:
    """Labour base for `codes` (LAD codes) from the census world (areas in the given order).

    schedule: national activity rates (2, 91); links: the migration-link parameters."""
    areas = world.areas
    index = world.index
    P_all = np.asarray(world.population_array(), dtype=np.float64)
    profiles = [areas[c] for c in codes]
    counts = np.array([_area_counts(a) for a in profiles]).reshape(len(profiles), 6)
    industry = np.array([[float(a.industry.get(s, 0)) for s in SECTIONS] for a in profiles])
    workplace = None
    between = None
    commute = getattr(world, "commute_matrix", None)
    if commute is not None:
        all_codes: tuple[str, ...] = tuple(world.codes)
        everyone = np.array(
            [[float(areas[c].industry.get(s, 0)) for s in SECTIONS] for c in all_codes]
        ).reshape(len(all_codes), len(SECTIONS))
        rows = [index[c] for c in codes]
        workplace = commuting_weighted_industry(commute, everyone, rows)
        between = np.asarray(commute, dtype=np.float64)[np.ix_(rows, rows)]
    return calibrate_labour_from_arrays(
        tuple(codes),
        P_all[[index[c] for c in codes]],
        active=counts[:, 0],
        unemployed=counts[:, 1],
        residents_16_plus=counts[:, 2],
        live_and_work=counts[:, 3],
        resident_workers=counts[:, 4],
        workplace_jobs=counts[:, 5],
        industry=industry.reshape(len(profiles), len(SECTIONS)),
        schedule=schedule,
        links=links,
        workplace_industry=workplace,
        commute=between,
    )


def _extra_jobs(
    jobs_base: FloatArray, shares: FloatArray, extra_jobs: FloatArray | None
) -> tuple[FloatArray, FloatArray]:
    """(extra jobs per area (n,), all jobs by section (n, 21)) for extra jobs given per area
    or by section."""
    by_section = jobs_base[:, None] * shares
    if extra_jobs is None:
        return np.zeros(len(jobs_base)), by_section
    ej = np.asarray(extra_jobs, dtype=np.float64)
    if ej.ndim == 2:
        return ej.sum(axis=1), by_section + ej
    return ej, by_section + ej[:, None] * shares


def labour_market(
    P: FloatArray,
    base: LabourBase,
    extra_jobs: FloatArray | None = None,
    baseline_population: FloatArray | None = None,
) -> LabourState:
    """The labour market for population P.

    extra_jobs: net additional workplace jobs in place, (n,) or by section (n, 21).
    baseline_population: the no-project population for the same year. Pass it in scenario
    runs: workplace jobs then follow the baseline labour force, so migrants who came for
    the extra jobs do not create jobs a second time. Extra residents beyond the baseline
    work at the area's base employment rate (taking the new local jobs first, otherwise
    commuting out), and add to unemployment at the base rate.
    """
    P = np.asarray(P, dtype=np.float64)
    Pb = P if baseline_population is None else np.asarray(baseline_population, dtype=np.float64)
    lf_now = (base.activity_rate * P).sum(axis=(1, 2))
    lf_base = lf_now if Pb is P else (base.activity_rate * Pb).sum(axis=(1, 2))
    u0 = base.unemployment_rate
    links = base.links

    employed_base = lf_base * (1.0 - u0)
    jobs_base = lf_base * base.jobs_per_active
    extra, by_section = _extra_jobs(jobs_base, base.section_shares, extra_jobs)

    # New jobs filled by residents: the local unemployed (down to the frictional floor)
    # and inactive people first; the rest by newcomers or, failing them, in-commuters.
    # ... taken up where the workers live: in a grouping, by each member's residents in the
    # proportion they hold the job area's jobs (the census commuting matrix).
    resident_jobs = base.home_share @ extra / links.double_jobbing
    own_jobs = np.diag(base.home_share) * extra / links.double_jobbing
    local_frac = np.divide(
        own_jobs, resident_jobs, out=np.ones_like(own_jobs), where=np.abs(resident_jobs) > 1e-12
    )
    spare = np.maximum(lf_base * (u0 - links.unemployment_floor), 0.0)
    gain = resident_jobs > 0
    from_unemployed = np.where(
        gain,
        np.minimum(resident_jobs * links.take_up_unemployed, spare),
        np.maximum(resident_jobs * links.take_up_unemployed, -lf_base * 0.5),
    )
    from_inactive = resident_jobs * links.take_up_inactive
    newcomers = lf_now - lf_base
    newcomers_employed = newcomers * (1.0 - u0)
    newcomers_local = np.clip(
        resident_jobs - from_unemployed - from_inactive, 0.0, np.maximum(newcomers_employed, 0.0)
    )

    labour_force = np.maximum(lf_now + from_inactive, 0.0)
    employed = np.clip(
        employed_base + newcomers_employed + from_unemployed + from_inactive, 0.0, labour_force
    )
    unemployed = labour_force - employed
    workplace_jobs = np.maximum(jobs_base + extra, 0.0)

    local_workers = employed_base * base.local_share_of_workers
    taken_up = from_unemployed + from_inactive + newcomers_local
    local_workers = local_workers + taken_up * np.clip(local_frac, 0.0, 1.0)
    local_workers = np.clip(local_workers, 0.0, np.minimum(employed, workplace_jobs))
    return LabourState(
        labour_force=labour_force,
        employed_residents=employed,
        unemployed=unemployed,
        unemployment_rate=_div(unemployed, labour_force),
        workplace_jobs=workplace_jobs,
        jobs_by_section=np.maximum(by_section, 0.0),
        in_commuters=workplace_jobs - local_workers,
        out_commuters=employed - local_workers,
        local_take_up=from_unemployed + from_inactive,
        resident_share_of_jobs=base.resident_share_of_jobs,
        home_share=base.home_share,
    )
