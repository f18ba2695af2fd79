"""Special populations (armed forces bases, prisons): held fixed, not aged on.

ONS and the GLA model take such communal-establishment populations out before ageing and
add them back unchanged: a garrison's soldiers are replaced by new soldiers of the same
age, not aged into middle age. Census 2021 TS001 (residence type) is not available here at
local-authority level, so the population is estimated from the census age structure
(docs/methods-population.md, data/params/demography.csv: special_population_*): men in the
age band above the area's women of the same age x the E&W sex ratio at that age, where
that excess is a large enough share of the area.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from game.sim.schedules import FloatArray


def special_population(P: FloatArray, demography: Mapping[str, float]) -> FloatArray:
    """(n, 2, 91) people held fixed in each area (zero where there is no special population).

    P is the whole set of areas (the E&W sex ratio by age comes from it)."""
    lo = int(demography["special_population_min_age"])
    hi = int(demography["special_population_max_age"]) + 1
    threshold = demography["special_population_threshold"]
    nat = P.sum(axis=0)
    ratio = np.divide(nat[0], nat[1], out=np.ones_like(nat[0]), where=nat[1] > 0)
    excess = np.maximum(P[:, 0, lo:hi] - P[:, 1, lo:hi] * ratio[None, lo:hi], 0.0)
    total = P.sum(axis=(1, 2))
    share = np.divide(excess.sum(axis=1), total, out=np.zeros_like(total), where=total > 0)
    fixed = np.zeros_like(P)
    fixed[:, 0, lo:hi] = np.where((share > threshold)[:, None], excess, 0.0)
    return fixed
