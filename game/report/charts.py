"""The pack's charts, drawn headless with matplotlib's Agg canvas (no pyplot, no display).

Each function takes one run or two (a comparison draws both on the same axes) and returns
PNG bytes that the HTML embeds and the PDF places.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from game.report.headlines import ScenarioRun
from game.report.tables import impact_table, pyramid_arrays

COLOURS = ("#1f5fa8", "#c4502a")  # run A, run B (colour-blind safe pair)
BASELINE = "#555555"
WIDTH_IN = 7.2


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    png: bytes
    caption: str = ""


def _figure(height: float = 3.3) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(WIDTH_IN, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot(1, 1, 1)


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    # light PNG compression: the pack is written in seconds, a few more KB do not matter
    fig.savefig(buf, format="png", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _thousands(ax: Axes) -> None:
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def series_chart(runs: Sequence[tuple[str, ScenarioRun]], indicator: str, title: str) -> Chart:
    """Scenario (central line, low-high band) against the baseline, year by year."""
    fig, ax = _figure()
    first = runs[0][1].history()
    years = [r.year for r in first]
    # The baseline's own low-high range: the scenario's band is compared with it, not
    # with the central baseline alone (which made the plan look as if it might shrink
    # the area when only the variants' assumptions differ).
    b_lo = [r.baseline_indicators[indicator] for r in runs[0][1].history("low")]
    b_hi = [r.baseline_indicators[indicator] for r in runs[0][1].history("high")]
    ax.fill_between(
        years,
        [min(a, b) for a, b in zip(b_lo, b_hi, strict=True)],
        [max(a, b) for a, b in zip(b_lo, b_hi, strict=True)],
        facecolor="none",
        edgecolor=BASELINE,
        hatch="////",
        linewidth=0,
        alpha=0.5,
        label="Baseline: low–high range",
    )
    ax.plot(
        years,
        [r.baseline_indicators[indicator] for r in first],
        color=BASELINE,
        linestyle="--",
        linewidth=1.4,
        label="Baseline (no new projects)",
    )
    for (label, run), colour in zip(runs, COLOURS, strict=False):
        lo = [r.indicators[indicator] for r in run.history("low")]
        hi = [r.indicators[indicator] for r in run.history("high")]
        mid = [r.indicators[indicator] for r in run.history()]
        ax.fill_between(
            years,
            [min(a, b) for a, b in zip(lo, hi, strict=True)],
            [max(a, b) for a, b in zip(lo, hi, strict=True)],
            color=colour,
            alpha=0.18,
            linewidth=0,
            label=f"{label}: low–high range",
        )
        ax.plot(years, mid, color=colour, linewidth=2.0, label=f"{label}: central")
    _style(ax)
    _thousands(ax)
    ax.set_xlim(years[0], years[-1])
    ax.set_ylabel("people" if indicator == "population" else "jobs")
    ax.legend(fontsize=7, frameon=False, loc="best")
    ax.set_title(title, fontsize=10, loc="left")
    caption = (
        "Dashed: the baseline with no new projects, hatched: its own low–high range. Line: "
        "the central projection; shading: the lowest to highest of the low, central and "
        "high variants. Compare the shading with the hatching, not with the dashed line."
    )
    return Chart(f"{indicator}_chart", title, _png(fig), caption)


IMPACT_TITLE = "What difference the plan makes"


def impact_chart(runs: Sequence[tuple[str, ScenarioRun]]) -> Chart:
    """Scenario minus baseline: extra residents and net new jobs, year by year, the
    central line with the low-high band (the board's question is the difference made)."""
    fig = Figure(figsize=(WIDTH_IN, 3.0), dpi=150)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 2)
    panels = (("extra residents", "people"), ("net new jobs", "FTE"))
    for ax, (name, unit) in zip(axes, panels, strict=True):
        for (label, run), colour in zip(runs, COLOURS, strict=False):
            t = impact_table(run)
            ax.fill_between(
                t["year"],
                t[f"{name} low ({unit})"],
                t[f"{name} high ({unit})"],
                color=colour,
                alpha=0.2,
                linewidth=0,
                label=f"{label}: low–high range",
            )
            ax.plot(
                t["year"],
                t[f"{name} central ({unit})"],
                color=colour,
                linewidth=2.0,
                label=f"{label}: central",
            )
        ax.axhline(0, color=BASELINE, linestyle="--", linewidth=1.0, label="no new projects")
        _style(ax)
        _thousands(ax)
        ax.set_xlim(t["year"].iloc[0], t["year"].iloc[-1])
        ax.set_title(f"{name[0].upper()}{name[1:]} ({unit})", fontsize=9, loc="left")
        ax.tick_params(labelsize=7)
    axes[0].legend(fontsize=6.5, frameon=False, loc="upper left")
    title = f"{IMPACT_TITLE}: extra residents and net new jobs against no new projects"
    fig.suptitle(title, fontsize=10, x=0.01, ha="left")
    caption = (
        f"{IMPACT_TITLE}. Left: residents above the baseline with no new projects; right: "
        "net new jobs (gross less deadweight, leakage, displacement and substitution, plus "
        "the multiplier). Line: central; shading: lowest to highest of the three variants, "
        "each against its own baseline."
    )
    return Chart("impact_chart", title, _png(fig), caption)


def pyramid_chart(runs: Sequence[tuple[str, ScenarioRun]]) -> Chart:
    """Males left, females right: start year as an outline, the end year filled."""
    fig, ax = _figure(3.8)
    arrs0 = pyramid_arrays(runs[0][1])
    y0, start = arrs0["start"]
    y1 = arrs0["end"][0]
    ages = list(range(start.shape[1]))
    for (label, run), colour in zip(runs, COLOURS, strict=False):
        end = pyramid_arrays(run)["end"][1]
        name = f"{y1} {label}" if len(runs) > 1 else f"{y1} scenario"
        if len(runs) == 1:
            # one filled outline per sex (91 bars each drew far slower, and looked the same)
            edges = [a - 0.5 for a in ages] + [ages[-1] + 0.5]
            ax.stairs(
                -end[0],
                edges,
                orientation="horizontal",
                fill=True,
                color=colour,
                alpha=0.55,
                label=name,
            )
            ax.stairs(
                end[1], edges, orientation="horizontal", fill=True, color=COLOURS[1], alpha=0.45
            )
        else:
            ax.step(-end[0], ages, where="mid", color=colour, linewidth=1.2, label=name)
            ax.step(end[1], ages, where="mid", color=colour, linewidth=1.2)
    ax.step(-start[0], ages, where="mid", color="black", linewidth=0.9, label=f"{y0} (start)")
    ax.step(start[1], ages, where="mid", color="black", linewidth=0.9)
    ax.axvline(0, color="black", linewidth=0.5)
    lim = max(float(start.max()), float(pyramid_arrays(runs[0][1])["end"][1].max())) * 1.1
    ax.set_xlim(-lim, lim)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):,.0f}"))
    ax.set_ylim(0, 90)
    ax.set_ylabel("age (single years; 90 = 90+)")
    ax.set_xlabel("people of each age:  males ←   → females")
    _style(ax)
    ax.legend(fontsize=7, frameon=False, loc="upper right")
    title = f"Population by age, {y0} and {y1}"
    ax.set_title(title, fontsize=10, loc="left")
    caption = "Black outline: the start year. Filled or coloured: the end year."
    return Chart("pyramid_chart", title, _png(fig), caption)


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def net_jobs_chart(runs: Sequence[tuple[str, ScenarioRun]]) -> Chart:
    """Net new jobs at the level played, one bar per project (per run when comparing)."""
    labels: list[str] = []
    for _, run in runs:
        for p in run.summary["projects"]:
            if p["label"] not in labels:
                labels.append(p["label"])
    fig, ax = _figure(min(5.5, max(2.2, 0.22 * max(len(labels), 1) * len(runs) + 1.0)))
    h = 0.8 / len(runs)
    for k, ((label, run), colour) in enumerate(zip(runs, COLOURS, strict=False)):
        net = {p["label"]: p["local"]["net"] for p in run.summary["projects"]}
        ys = [i + k * h for i, lab in enumerate(labels) if lab in net]
        vals = [net[lab] for lab in labels if lab in net]
        ax.barh(ys, vals, height=h * 0.9, color=colour, label=label if len(runs) > 1 else None)
        for y, v in zip(ys, vals, strict=True):
            ax.text(v, y, f" {v:,.0f}", va="center", fontsize=7)
    ax.set_yticks([i + 0.4 - h / 2 for i in range(len(labels))])
    ax.set_yticklabels([_short(lab) for lab in labels], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("net new jobs (FTE) at the level played, projects open by the end")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(runs) > 1:
        ax.legend(fontsize=7, frameon=False)
    if not labels:
        ax.text(0.5, 0.5, "No project open by the end", ha="center", transform=ax.transAxes)
    title = "Net new jobs by project"
    ax.set_title(title, fontsize=10, loc="left")
    caption = (
        "Net new jobs (construction and operational FTE) at the level played, for the "
        "projects open by the end; the gross to net table shows each deduction."
    )
    return Chart("net_jobs_chart", title, _png(fig), caption)


def approval_chart(runs: Sequence[tuple[str, ScenarioRun]], top: int = 20) -> Chart:
    """Approval (0-100) by group: the baseline as a tick, the scenario as a bar, with each
    group's main reason (the largest contribution over the run)."""
    first = runs[0][1].summary["approvals"][:top]
    groups = [a["group"] for a in first]
    names = {a["group"]: a.get("name") or a["group"] for a in first}
    fig, ax = _figure(min(6.0, max(2.5, 0.25 * len(groups) * len(runs) + 1.0)))
    h = 0.8 / len(runs)
    for k, ((label, run), colour) in enumerate(zip(runs, COLOURS, strict=False)):
        by = {a["group"]: a for a in run.summary["approvals"]}
        ys = [i + k * h for i in range(len(groups))]
        vals = [by[g]["scenario"] for g in groups]
        ax.barh(
            ys,
            vals,
            height=h * 0.9,
            color=colour,
            alpha=0.85,
            label=label if len(runs) > 1 else "scenario",
        )
        for y, g, v in zip(ys, groups, vals, strict=True):
            why = by[g]["top_reasons"][:1]
            text = f" {v:.0f}" + (
                f"  {_short(why[0]['reason'], 30)} {why[0]['points']:+.0f}" if why else ""
            )
            ax.text(max(v, 0), y, text, va="center", fontsize=6.5)
    base = {a["group"]: a["baseline"] for a in first}
    ax.scatter(
        [base[g] for g in groups],
        [i + 0.4 - h / 2 for i in range(len(groups))],
        marker="|",
        s=160,
        color="black",
        zorder=3,
        label="baseline",
    )
    ax.set_yticks([i + 0.4 - h / 2 for i in range(len(groups))])
    ax.set_yticklabels([_short(names[g], 26) for g in groups], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 140)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("approval at the end (0–100); text: the main reason and its points")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    title = "Approval by citizen group, with the main reason"
    ax.set_title(title, fontsize=10, loc="left")
    caption = (
        "Bars: approval at the end (0-100); black tick: the same group with no new "
        "projects. The text names the largest reason over the whole run."
    )
    return Chart("approval_chart", title, _png(fig), caption)


def all_charts(runs: Sequence[tuple[str, ScenarioRun]]) -> list[Chart]:
    return [
        impact_chart(runs),
        series_chart(runs, "population", "Population against the baseline"),
        series_chart(runs, "jobs", "Jobs located in the area against the baseline"),
        pyramid_chart(runs),
        net_jobs_chart(runs),
        approval_chart(runs),
    ]
