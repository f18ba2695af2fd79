"""The one place the report pack reads a project's appraisal (present values and ratios).

Today's appraisal ratio (game.sim.appraisal `bcr`) is the GVA of the project's local net
jobs over ten years divided by its present value of costs, for every asset alike. That is
not a Green Book benefit-cost ratio, so the pack calls it "local GVA impact (indicative)".
The economic case (game.sim.economic_case: benefits valued by type, appraisal periods by
asset class, one price base) gives the BCR, or "not valued" where no evidence is held.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

LOCAL_GVA_LABEL = "Local GVA impact (indicative)"
LOCAL_GVA_HELP = (
    "GVA of the project's net new local jobs over ten years (falling 10% a year) divided by "
    "a ten-year cost figure with the upper-bound optimism bias (as `simulate` prints it; "
    "not the present value of costs above). It is an indicative measure of local economic impact, "
    "not a Green Book benefit-cost ratio: it counts a school's own teachers as a benefit "
    "and stops at ten years for every asset."
)
BCR_LABEL = "Benefit-cost ratio (Green Book economic case)"
# Shown next to a BCR whose benefit row's source calls its figure an upper value.
UPPER_VALUE_NOTE = "upper value (its source says later estimates give less), so the BCR is too"
NOT_VALUED = "not valued"
NOT_VALUED_METHOD = "no sourced evidence to value its benefits yet"
NOT_VALUED_HELP = (
    "Not valued: the catalogue has no sourced evidence yet to value these projects' "
    "benefits as the appraisal guidance does (time savings, avoided flood damage, land "
    "value uplift, returns to skills), so no benefit-cost ratio is given rather than one "
    "made to fit."
)


@dataclass(frozen=True)
class EconomicCase:
    """Present values (GBP, discounted at the Green Book rate) and the two ratios."""

    pv_costs: float  # the economic case's whole-life public cost: the pack's one PV of costs
    pv_local_gva: float
    local_gva_impact: float | None  # LOCAL_GVA_LABEL; None when there are no costs
    bcr: float | None  # the economic case's BCR; None = "not valued"
    method: str
    case_pv_benefits: float | None = None  # the economic case's valued benefits
    # The local GVA ratio's own denominator (game.sim.appraisal: upper-bound optimism
    # bias, ten years). Kept only so the ratio equals `simulate`'s; never printed as a
    # present value of costs (the pack prints one: `pv_costs`).
    gva_pv_costs: float = 0.0
    # the economic case's cost per net job on its whole-life public cost (present value)
    cost_per_net_job_whole_life: float | None = None
    note: str = ""  # the source's own caveat on a valued figure (e.g. "an upper value")


def _finite(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def economic_case(
    engine: Any, type_id: str, scale: float, started: int | None = None
) -> EconomicCase:
    """The appraisal of one funded project as the pack prints it (Engine.appraise and
    game.sim.economic_case.project_case); with `started`, present values are discounted
    to the run's first year (they add up)."""
    from game.sim.economic_case import project_case

    a = engine.appraise(type_id, scale, started=started)
    scenario = getattr(engine, "scenario", None)
    case = project_case(
        engine.catalogue.types[type_id],
        a,
        engine.params.appraisal,
        started=engine.start_year if started is None else started,
        base_year=engine.start_year,
        settings=scenario.economic_case if scenario is not None else None,
    )
    valued = [b.benefit for b in case.benefits if b.present_value is not None]
    method = (
        f"{', '.join(valued)}; {case.asset_class.replace('_', ' ')} {case.appraisal_years} "
        f"years, {case.price_base_year} prices, optimism bias {case.optimism_bias:.0%}"
        + (f"; not valued: {', '.join(case.not_valued)}" if valued and case.not_valued else "")
        if valued
        else ""
    )
    return EconomicCase(
        pv_costs=case.pv_costs,
        pv_local_gva=float(a.pv_benefits),
        local_gva_impact=_finite(a.bcr),
        bcr=_finite(case.bcr),
        method=method or f"{', '.join(case.not_valued)}: {NOT_VALUED_METHOD}",
        case_pv_benefits=case.pv_benefits,
        gva_pv_costs=float(a.pv_costs),
        cost_per_net_job_whole_life=case.cost_per_net_job_whole_life,
        note="; ".join(
            f"{b.benefit}: {UPPER_VALUE_NOTE}"
            for b in case.benefits
            if b.present_value is not None and "upper value" in b.source.lower()
        ),
    )
