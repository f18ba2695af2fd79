"""Headline figures derived from an area profile (pure arithmetic, shared by CLI and client)."""

from __future__ import annotations

from typing import Any

from game.model.area import AreaProfile

EMPLOYED_KEYS = (
    "employee_part_time",
    "employee_full_time",
    "self_employed_with_employees_part_time",
    "self_employed_with_employees_full_time",
    "self_employed_part_time",
    "self_employed_full_time",
    "student_employee_part_time",
    "student_employee_full_time",
    "student_self_employed_with_employees_part_time",
    "student_self_employed_with_employees_full_time",
    "student_self_employed_part_time",
    "student_self_employed_full_time",
)
UNEMPLOYED_KEYS = ("unemployed", "student_unemployed")


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def employed(p: AreaProfile) -> int:
    return sum(p.economic_activity.get(k, 0) for k in EMPLOYED_KEYS)


def unemployed(p: AreaProfile) -> int:
    return sum(p.economic_activity.get(k, 0) for k in UNEMPLOYED_KEYS)


def residents_16_plus(p: AreaProfile) -> int:
    return sum(p.economic_activity.values()) - p.economic_activity.get("under_16", 0)


def median_age(p: AreaProfile) -> float:
    counts = [m + f for m, f in zip(p.population.male, p.population.female, strict=True)]
    half = sum(counts) / 2
    running = 0
    for age, n in enumerate(counts):
        if running + n >= half and n:
            return age + (half - running) / n  # interpolate within the single year
        running += n
    return 0.0


def summary(p: AreaProfile, section_names: dict[str, str] | None = None) -> dict[str, Any]:
    """Headline numbers: age structure, labour market, industries, commuting, change."""
    pop = p.population
    both = [m + f for m, f in zip(pop.male, pop.female, strict=True)]
    total = sum(both)
    emp, unemp, adults = employed(p), unemployed(p), residents_16_plus(p)
    top = sorted(p.industry.items(), key=lambda kv: (-kv[1], kv[0]))
    c = p.commuting
    comp = p.components
    return {
        "population_census_2021": p.census_population,
        "population_mid_2021": total,
        "age_0_15": sum(both[:16]),
        "age_16_64": sum(both[16:65]),
        "age_65_plus": sum(both[65:]),
        "median_age": round(median_age(p), 1),
        "households": p.households,
        "residents_16_plus": adults,
        "employed": emp,
        "unemployed": unemp,
        "employment_rate": round(_share(emp, adults), 4),
        "unemployment_rate": round(_share(unemp, emp + unemp), 4),
        "top_industries": [
            {
                "section": s,
                "name": (section_names or {}).get(s, s),
                "employed": n,
                "share": round(_share(n, emp), 4),
            }
            for s, n in top[:5]
        ],
        "workplace_jobs": c.workplace_jobs,
        "in_commuters": c.in_commuters,
        "out_commuters": c.out_commuters,
        "net_commuting": c.in_commuters - c.out_commuters,
        "births": comp.births,
        "deaths": comp.deaths,
        "net_internal_migration": comp.internal_in - comp.internal_out,
        "net_international_migration": comp.international_in - comp.international_out,
    }
