"""Debrief charts: every team on shared axes with the baseline (no new projects), drawn by
matplotlib as inline SVG (the page) or PNG bytes (the PDF). Okabe-Ito colours plus a
different line style per team, so no reading depends on colour alone."""

from __future__ import annotations

import base64
import io
from typing import Any

from markupsafe import Markup, escape

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
STYLES = ["-", "--", "-.", ":"]

Series = list[tuple[int, float]]


def chart_lines(d: Any, which: str) -> tuple[dict[str, Series], Series, str, str, str]:
    """(teams, baseline, title, y label, baseline label) for debrief `d`'s chart `which`
    ("population" or "jobs"). All teams in one area: their figures on shared axes with the
    area's no-new-projects line. Teams in different areas: each team as a % against its own
    area's line (different-sized places cannot share absolute axes)."""
    title = {"population": "People living here", "jobs": "Jobs located here"}[which]
    label = d.baseline_label
    teams = {t.name: getattr(t, f"{which}_series") for t in d.teams}
    if d.same_area:
        line = next(iter(d.baselines.values()), None)
        return teams, getattr(line, which) if line else [], title, which, label
    pct: dict[str, Series] = {}
    for t in d.teams:
        base = dict(getattr(d.baselines[t.area_code], which))
        pct[f"{t.name} ({t.area_name})"] = [
            (y, 100.0 * (v / base[y] - 1.0)) for y, v in teams[t.name] if base.get(y)
        ]
    years = sorted({y for s in pct.values() for y, _ in s})
    zero = [(y, 0.0) for y in years]
    return pct, zero, f"{title}: % against its own area's line", "% change", f"{label} (own area)"


def _tick(ylabel: str) -> str:
    return "{x:+.2f}%" if ylabel == "% change" else "{x:,.0f}"


def _figure(  # noqa: ANN202
    teams: dict[str, Series],
    baseline: Series,
    title: str,
    ylabel: str,
    size,  # noqa: ANN001
    base_label: str = "No new projects",
):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 12})
    fig, ax = plt.subplots(figsize=size, dpi=100)
    if baseline:
        ax.plot(*zip(*baseline, strict=True), color="#000", lw=3, label=base_label)
    for i, (name, series) in enumerate(teams.items()):
        if series:
            ax.plot(
                *zip(*series, strict=True),
                color=OKABE_ITO[i % len(OKABE_ITO)],
                ls=STYLES[(i // len(OKABE_ITO) + i) % len(STYLES)],
                lw=2.5,
                marker="o",
                label=name,
            )
    ax.set_title(title, loc="left", fontsize=14)
    ax.set_ylabel(ylabel)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    if ylabel == "% change":  # small changes: as many decimals as the ticks need
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(xmax=100, decimals=None))
    else:
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter(_tick(ylabel)))
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=10, loc="best")
    fig.tight_layout()
    return fig, plt


def lines_svg(
    teams: dict[str, Series],
    baseline: Series,
    title: str,
    ylabel: str,
    base_label: str = "No new projects",
) -> Markup:
    """The chart as an SVG image inlined in the page as a data: address: the hub's
    Content-Security-Policy forbids inline styles, which matplotlib's SVG uses, but an
    image document keeps its own. `alt` says what the chart shows in words."""
    fig, plt = _figure(teams, baseline, title, ylabel, (8, 4.5), base_label)
    try:
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    finally:
        plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    tick = _tick(ylabel).replace("{x", "{")
    last = "; ".join(f"{name} {tick.format(s[-1][1])}" for name, s in teams.items() if s)
    name = base_label.lower()
    base = f"; {name} {tick.format(baseline[-1][1])}" if baseline else ""
    alt = escape(f"{title} by year, each team and {name}. At the end: {last}{base}.")
    return Markup(f'<img class="chart" src="data:image/svg+xml;base64,{data}" alt="{alt}">')


def lines_png(
    teams: dict[str, Series],
    baseline: Series,
    title: str,
    ylabel: str,
    base_label: str = "No new projects",
) -> bytes:
    fig, plt = _figure(teams, baseline, title, ylabel, (6, 3.2), base_label)
    try:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150)
    finally:
        plt.close(fig)
    return buf.getvalue()
