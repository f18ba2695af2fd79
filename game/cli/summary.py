"""The run summary `simulate --json` prints and the report pack reads (build_summary),
apart from simulate.py so both commands share it without importing each other."""

from __future__ import annotations

import math
from typing import Any


def _finite(x: Any) -> Any:
    """JSON has no infinity: an undefined cost per job (no net jobs) becomes null."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_finite(v) for v in x]
    return x


def build_summary(engines: dict[str, Any], scenario_name: str | None, seed: int) -> dict[str, Any]:
    central = engines["central"]
    st = central.state
    first, last = central.history[0], central.history[-1]
    keys = ("population", "jobs", "unemployment_rate", "net_additional_jobs")
    accounts = {v: e.jobs_account() for v, e in engines.items()}
    acc = accounts["central"]

    def band(key: str) -> dict[str, float]:
        return {v: e.history[-1].indicators[key] for v, e in engines.items()}

    def impact(key: str) -> dict[str, float]:
        # each variant against its own baseline: the plan's effect, not the trend's spread
        return {
            v: e.history[-1].indicators[key] - e.history[-1].baseline_indicators[key]
            for v, e in engines.items()
        }

    headline = {
        k: {
            "start": first.indicators[k],
            "baseline": last.baseline_indicators[k],
            "scenario": last.indicators[k],
            "scenario_band": band(k),
            "impact": last.indicators[k] - last.baseline_indicators[k],
            "impact_band": impact(k),
        }
        for k in keys
    }
    headline["jobs_vs_baseline"] = {
        "start": 0.0,
        "baseline": 0.0,
        "scenario": acc.jobs_vs_baseline,
        "scenario_band": {v: a.jobs_vs_baseline for v, a in accounts.items()},
    }
    headline["gross_jobs"] = {
        "start": 0.0,
        "baseline": 0.0,
        "scenario": acc.gross_total,
        "scenario_band": {v: a.gross_total for v, a in accounts.items()},
    }
    status = {p.id: p.status for p in st.projects}
    from game.sim.economic_case import cost_band_warnings, programme_totals, run_case
    from game.sim.levels import wider_name

    cases = run_case(central)
    case_by_id = {c.project_id: c for c in cases}
    projects = []
    for part in acc.projects:
        a = central.appraise(
            part.type_id,
            _scale_of(st.projects, part.project_id),
            started=_started_of(st.projects, part.project_id),
        )
        loc, wid = part.local, part.wider
        projects.append(
            {
                "id": part.project_id,
                "type_id": part.type_id,
                "label": part.label,
                "capital_cost": part.capital_cost,
                "opens": part.opens,
                "status": status.get(part.project_id, "open"),
                "construction_job_years": a.construction_job_years,
                "leakage": {"basis": part.leakage_basis, "rate": part.leakage_rate},
                "local": {
                    "level": st.level,
                    **loc.as_dict(),
                    "construction_fte": part.construction_fte,
                    "operational_fte": part.operational_fte,
                    "cost_per_net_job": part.cost_per_net_job,
                },
                "wider": {
                    "level": st.wider_level,
                    **wid.as_dict(),
                    "cost_per_net_job": part.cost_per_net_job_wider,
                },
                "national_net": a.national_net,
                # Local GVA of net local jobs over 10 years: a local impact, not a BCR.
                "local_gva_impact_indicative": {
                    "pv_costs": a.pv_costs,
                    "pv_local_gva_and_other_benefits": a.pv_benefits,
                    "ratio": a.bcr,
                },
                "economic_case": case_by_id[part.project_id].as_dict()
                if part.project_id in case_by_id
                else None,
            }
        )
    # Totals are the jobs account itself, so they equal the sum of the projects listed.
    totals = {
        "capital_cost": acc.cost_to_date,
        "gross": acc.gross_total,
        "deadweight": acc.deadweight,
        "leakage": acc.leakage,
        "displacement": acc.displacement,
        "substitution": acc.substitution,
        "multiplier_effect": acc.multiplier_gain,
        "net_local": acc.net_additional,
        "net_wider": acc.net_additional_wider,
        "cost_per_net_job_local": acc.cost_per_net_job,
        "cost_per_net_job_wider": acc.cost_per_net_job_wider,
    }
    approvals = []
    for g, v in last.approvals.items():
        reasons = _cumulative_reasons(central, g)
        approvals.append(
            {
                "group": g,
                "scenario": v,
                "baseline": last.baseline_approvals[g],
                "band": {k: e.history[-1].approvals[g] for k, e in engines.items()},
                "top_reasons": reasons[:3],
            }
        )
    approvals.sort(key=lambda a: -abs(a["scenario"] - a["baseline"]))
    notes = [e.text for e in central.log if e.kind == "rejected"]
    # the same warning for several projects (or years) is shown once, with its count
    counts: dict[str, int] = {}
    for text in [e.text for e in central.log if e.kind == "warning"] + cost_band_warnings(cases):
        counts[text] = counts.get(text, 0) + 1
    warnings = list(counts)
    notes += [
        f"{c.type_id} is planned for {y}, after the last funding year of this run "
        f"({st.end_year - 1}); not funded"
        for y, c in central.unapplied_plans()
    ]
    return {
        "area": {"code": st.area_code, "name": st.area_name, "members": len(st.codes)},
        "notes": notes,
        "warnings": warnings,
        "warning_counts": {w: n for w, n in counts.items() if n > 1},
        "events": [
            {"year": e.year, "kind": e.kind, "text": e.text}
            for e in central.log
            if e.kind in ("funded", "opened", "rejected", "warning")
        ],
        "scenario": scenario_name,
        "seed": seed,
        "years": [st.start_year, st.end_year],
        "level": st.level,
        "wider_level": st.wider_level,
        "wider_area": wider_name(central.world, central.profile, st.wider_level, st.codes),
        "budget_remaining": st.budget,
        "headline": headline,
        "jobs_account": acc.summary(),
        "projects": projects,
        "totals": totals,
        # over the projects open by the end, as the jobs account's totals
        "economic_case": programme_totals(
            [c for c in cases if c.project_id in {p.project_id for p in acc.projects}]
        ),
        "approvals": approvals,
        "checksum": central.checksum(),
    }


def _scale_of(projects: Any, pid: str) -> float:
    return next((p.scale for p in projects if p.id == pid), 1.0)


def _started_of(projects: Any, pid: str) -> int | None:
    return next((p.started for p in projects if p.id == pid), None)


def _cumulative_reasons(engine: Any, group: str) -> list[dict[str, Any]]:
    """Reasons summed over the whole run for one group (scenario), largest first."""
    acc: dict[str, float] = {}
    for rec in engine.history[1:]:
        for c in rec.explanations[group]:
            acc[c.label] = acc.get(c.label, 0.0) + c.delta
    items = sorted(acc.items(), key=lambda kv: -abs(kv[1]))
    return [{"reason": k, "points": v} for k, v in items]
