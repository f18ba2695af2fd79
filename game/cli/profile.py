"""`profile`: a readable census profile of a local authority or a grouping of them."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any

from game.census import load_world
from game.cli.areas import emit
from game.model.area import AreaProfile
from game.model.summary import summary
from game.model.world import World

KIND_NAMES = {
    "lad": "local authority",
    "region": "region",
    "lep": "Local Enterprise Partnership (2021, derived lookup)",
    "ca": "combined authority (2025)",
    "custom": "custom grouping",
    "council_2023": "council since April 2023, played as the 2021 districts it replaced",
}
WORKPLACE_CAVEAT = (
    "people working here are Census 2021 counts taken in lockdown, with many furloughed;\n"
    "  home workers count where they live, so city centres (central London most of all) have\n"
    "  far fewer than the jobs counted by employer surveys (BRES)."
)


def register(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Print a profile: population and ages, jobs, industries, commuting and "
        "citizen groups. CODE_OR_NAME is a 2021 LAD code or name, or a region/LEP/combined "
        "authority code or name (prefix lep: or ca: where names clash, e.g. ca:West Midlands)."
    )
    p.add_argument("area", metavar="CODE_OR_NAME", help="e.g. E08000025 or Birmingham")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def profile_json(world: World, a: AreaProfile) -> dict[str, Any]:
    names = {g.id: g.name for g in world.group_definitions}
    units = {g.id: g.unit for g in world.group_definitions}
    universes = {g.id: g.universe for g in world.group_definitions}
    return {
        "code": a.code,
        "name": a.name,
        "name_cy": a.name_cy,
        "kind": a.kind,
        "members": list(a.members) or [a.code],
        "region": a.region,
        "country": a.country,
        "lep_codes": list(a.lep_codes),
        "lep_names": list(a.lep_names),
        "ca_code": a.ca_code,
        "ca_name": a.ca_name,
        "population": a.population_estimate,  # mid-2021 estimate, the figure the game uses
        "population_estimate": a.population_estimate,
        "census_population": a.census_population,
        "summary": summary(a, world.section_names),
        "groups": dict(a.groups),
        "group_names": {k: names.get(k, k) for k in a.groups},
        "group_units": {k: units.get(k, "people") for k in a.groups},
        "group_universes": dict(a.group_universes),
        "group_universe_names": {k: universes.get(k, "") for k in a.groups},
        "cohorts_mid_2021": {"male": list(a.population.male), "female": list(a.population.female)},
        "components_mid_2019_to_2020": a.components.model_dump(),
        "tenure": dict(a.tenure),
        "cars": dict(a.cars),
        "economic_activity": dict(a.economic_activity),
        "industry": dict(a.industry),
        "nssec": dict(a.nssec),
        "qualifications": dict(a.qualifications),
        "travel_to_work": dict(a.travel_to_work),
        "commuting": {**a.commuting.model_dump(), "workplace_jobs": a.commuting.workplace_jobs},
    }


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(world: World, a: AreaProfile) -> str:
    s = summary(a, world.section_names)
    pop = s["population_mid_2021"] or 1
    lines = []
    title = f"{a.name} ({a.code})" + (f" / {a.name_cy}" if a.name_cy else "")
    lines.append(title)
    lines.append("=" * len(title))
    where = [KIND_NAMES.get(a.kind, a.kind)]
    if a.region and a.kind != "region" and a.region != a.country:
        where.append(a.region)
    where.append(a.country)
    lines.append(", ".join(where))
    if a.members:
        names = ", ".join(world.areas[c].name for c in a.members)
        lines.extend(
            textwrap.wrap(
                f"{len(a.members)} local authorities: {names}", width=96, subsequent_indent="  "
            )
        )
    if a.lep_names and a.kind in ("lad", "custom"):
        lines.append("LEP (2021): " + " + ".join(a.lep_names))
    if a.ca_name and a.kind != "ca":
        lines.append(f"Combined authority (2025): {a.ca_name}")
    lines.append("")
    lines.append(
        f"Population   {s['population_mid_2021']:>11,}  mid-2021 estimate (30 June 2021), "
        "used by the game"
    )
    lines.append(
        f"             {s['population_census_2021']:>11,}  Census 2021 count of usual residents "
        "(21 March 2021)"
    )
    lines.append(
        f"Ages         0-15 {_pct(s['age_0_15'] / pop)}   16-64 {_pct(s['age_16_64'] / pop)}"
        f"   65+ {_pct(s['age_65_plus'] / pop)}   median age {s['median_age']}"
        "  (mid-2021 estimate)"
    )
    lines.append(f"Households   {s['households']:>11,}")
    lines.append(
        f"Jobs         {s['employed']:,} residents in work; employment rate "
        f"{_pct(s['employment_rate'])} of 16+; unemployment {_pct(s['unemployment_rate'])}"
    )
    lines.append("Top industries (residents in work):")
    for ind in s["top_industries"]:
        lines.append(
            f"  {ind['section']}  {ind['name'][:52]:<52} "
            f"{ind['employed']:>9,}  {_pct(ind['share'])}"
        )
    net = s["net_commuting"]
    lines.append(
        f"Commuting    {s['workplace_jobs']:,} people work here; {s['in_commuters']:,} commute in, "
        f"{s['out_commuters']:,} commute out (net {'+' if net >= 0 else ''}{net:,})"
    )
    lines.append(f"  Caveat: {WORKPLACE_CAVEAT}")
    lines.append(
        f"A year of change (mid-2019 to mid-2020): {s['births']:,} births, "
        f"{s['deaths']:,} deaths,\n  net moves within the UK {s['net_internal_migration']:+,}, "
        f"net from abroad {s['net_international_migration']:+,}"
    )
    lines.append("")
    lines.append("Citizen groups (they overlap, as people do; each % is of the population the")
    lines.append("group is counted in, named on the right):")
    notes = []
    for g in world.group_definitions:
        if g.id in a.groups:
            n = a.groups[g.id]
            share = a.group_share(g.id)
            pct = _pct(share) if share is not None else "-"
            label = g.name + ("*" if g.note else "")
            of = f"of {g.universe}" if g.universe else ""
            lines.append(f"  {label:<30} {n:>9,} {g.unit:<10} {pct:>6} {of:<23} [{g.source}]")
            if g.note:
                notes.append(f"  * {g.name}: {g.note}")
    lines.extend(notes)
    lines.append("")
    lines.append("Source: ONS Census 2021 and mid-year estimates, Open Government Licence v3.0.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    world = load_world(args.census_dir)
    area = world.resolve(args.area)
    if args.json:
        emit(json.dumps(profile_json(world, area), ensure_ascii=False, indent=1))
    else:
        emit(render(world, area))
    return 0
