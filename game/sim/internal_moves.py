"""Age profiles of an area's migration flows, fitted at calibration (game.sim.population).

The national mobility shape on the area's own structure, plus the area's age signature, so
that a student town keeps its 18-year-olds and a coastal town its 65-year-olds
(docs/methods-population.md §3).
"""

from __future__ import annotations

import numpy as np

from game.sim.schedules import FloatArray, NationalSchedules

SIGNATURE_MAX_AGE = 80  # above this, local differences are mostly mortality, not migration


def level_rate(shape: FloatArray, P: FloatArray, annual_flow: FloatArray) -> FloatArray:
    """Scale a (2, 91) age shape per area so shape x P sums to the annual flow: (n, 2, 91)."""
    expected = (shape[None] * P).sum(axis=(1, 2))
    k = np.divide(annual_flow, expected, out=np.zeros_like(annual_flow), where=expected > 0)
    return k[:, None, None] * shape[None]


def _age_signature(P: FloatArray, weight: float) -> tuple[FloatArray, FloatArray]:
    """Yearly net migration by age implied by the area's own age structure (people, >= 0).

    Adjacent single years are read as a synthetic cohort, relative to the whole set's
    (national) ratio P(a)/P(a-1), which carries the national cohort-size swings and deaths:
    net(a) = P(a) - P(a-1) x Pnat(a)/Pnat(a-1), for ages 1..SIGNATURE_MAX_AGE. Returns
    (gains, losses) = (max(net, 0), max(-net, 0)) x weight.
    """
    nat = P.sum(axis=0)
    ratio = np.divide(nat[:, 1:], nat[:, :-1], out=np.ones_like(nat[:, 1:]), where=nat[:, :-1] > 0)
    net = np.zeros_like(P)
    net[:, :, 1:] = P[:, :, 1:] - P[:, :, :-1] * ratio[None]
    net[:, :, SIGNATURE_MAX_AGE + 1 :] = 0.0
    return np.maximum(net, 0.0) * weight, np.maximum(-net, 0.0) * weight


def internal_moves(
    P: FloatArray,
    stayers: FloatArray,
    out_flow: FloatArray,
    sch: NationalSchedules,
    signature_weight: float,
    local_weight: float,
) -> tuple[FloatArray, FloatArray]:
    """(internal out-rates (n, 2, 91), in-migrants' profile (n, 2, 91)).

    National mobility shape on the area's own structure, plus the area's age signature (net
    gains at 18 in student towns, losses at 22, gains at 65 on the coast), so its
    characteristic age profile persists instead of drifting to the national one. Out-flows
    get the signature's losses, in-flows its gains.
    """
    movers = level_rate(sch.migration_rate_shape, stayers, out_flow) * stayers
    gain, loss = _age_signature(P, signature_weight)
    out_w = movers + loss
    scale = np.divide(
        out_flow,
        out_w.sum(axis=(1, 2)),
        out=np.zeros_like(out_flow),
        where=out_w.sum(axis=(1, 2)) > 0,
    )
    internal_out = np.minimum(
        np.divide(
            scale[:, None, None] * out_w, stayers, out=np.zeros_like(stayers), where=stayers > 0
        ),
        1.0,
    )
    in_w = movers + gain
    in_total = in_w.sum(axis=(1, 2), keepdims=True)
    own = np.divide(
        in_w,
        in_total,
        out=np.broadcast_to(sch.migrant_profile, in_w.shape).copy(),
        where=in_total > 0,
    )
    in_profile = local_weight * own + (1.0 - local_weight) * sch.migrant_profile[None]
    return internal_out, in_profile
