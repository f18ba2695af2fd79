"""The wider grouping an area's results are also given for, named.

LEPs lost their core funding in April 2024 and their functions passed to combined and
local authorities, so a council inside a combined authority is shown at that combined
authority's level; the LEP (2021) is used only where there is no combined authority, and
the region above a grouping. The name always goes with the numbers ("Tees Valley"), never
only the level ("LEP/CA").
"""

from __future__ import annotations

from typing import Any

from game.errors import CivicError


def wider_grouping(world: Any, profile: Any, wider_level: str, codes: tuple[str, ...]) -> Any:
    """The profile of the grouping at `wider_level` above `profile`, or None."""
    try:
        if wider_level == "sub_region":
            code = getattr(profile, "ca_code", None) or profile.lep_codes[0]
            return world.resolve(code)
        if wider_level == "region" and getattr(profile, "kind", "lad") != "all":
            return world.resolve(world.areas[codes[0]].region_code)
    except (AttributeError, IndexError, KeyError, TypeError, CivicError):
        return None  # no grouping above (or an unknown code): no wider figures, not a crash
    return None


def wider_name(
    world: Any, profile: Any, wider_level: str, codes: tuple[str, ...]
) -> dict[str, str]:
    """The wider level by name: {"name": "Tees Valley", "kind": "combined authority",
    "label": "Tees Valley combined authority"} (the level's own name where none applies)."""
    if wider_level == "national":
        return {"name": "England and Wales", "kind": "", "label": "England and Wales"}
    g = wider_grouping(world, profile, wider_level, codes)
    if g is None:
        plain = {"sub_region": "sub-region", "region": "region"}.get(wider_level, wider_level)
        return {"name": plain, "kind": "", "label": plain}
    kind = {"ca": "combined authority", "lep": "LEP (2021)", "region": "region"}.get(
        getattr(g, "kind", ""), ""
    )
    if g.name == "Wales":  # a country, held as a region in the lookups
        kind = ""
    return {"name": g.name, "kind": kind, "label": f"{g.name} {kind}".strip()}
