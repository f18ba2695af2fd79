"""`room report ROOM --out DIR`: the listening report for the people who asked.

report.html is self-contained (charts are inline SVG drawn by matplotlib, no scripts, no
web fonts, nothing fetched), beside one CSV per table and one XLSX workbook with a sheet
per table. Idea text is escaped in the HTML (Jinja2 autoescape) and written as plain text
cells in the CSV and XLSX. Every file is written atomically.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from game.atomic import atomic_write_bytes, atomic_write_text
from game.room.aggregate import summarise
from game.room.names import category_name, group_name
from game.room.numbers import half_up, median_text
from game.room.report_tables import all_tables
from game.room.store import RoomStore

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


def _svg_bars(
    labels: list[str],
    values: list[float],
    title: str,
    colour: str,
    xlabel: str = "",
    fmt: str = "{:,.0f}",
) -> Markup:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if not labels:
        return Markup('<p class="empty">No data yet.</p>')
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(labels) + 1.1), dpi=100)
    try:
        y = list(range(len(labels)))[::-1]
        ax.barh(y, values, color=colour)
        ax.set_yticks(y, labels)
        ax.set_title(title, loc="left", fontsize=12)
        ax.set_xlabel(xlabel)
        for yi, v in zip(y, values, strict=True):
            ax.text(v, yi, " " + fmt.format(v), va="center", fontsize=9)
        if all(float(v).is_integer() for v in values):
            from matplotlib.ticker import MaxNLocator

            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    finally:
        plt.close(fig)
    svg = buf.getvalue()
    return Markup(svg[svg.index("<svg") :])


def _charts(plans: list, summary) -> dict[str, Markup]:  # noqa: ANN001
    s = summary
    return {
        "funded": _svg_bars(
            [category_name(c) for c in s.funded_by_category],
            list(s.funded_by_category.values()),
            "Projects funded, by category",
            OKABE_ITO[0],
            "projects funded (all plans)",
        ),
        "money": _svg_bars(
            [category_name(c) for c in s.money_by_category],
            [v / 1e6 for v in s.money_by_category.values()],
            "Money committed, by category",
            OKABE_ITO[1],
            "£ million",
            "£{:,.1f}m",
        ),
        "approval": _svg_bars(
            [group_name(g) for g in s.approval_by_group],
            list(s.approval_by_group.values()),
            "Average final approval by citizen group",
            OKABE_ITO[4],
            "approval (0-100)",
        ),
        "types": _svg_bars(
            [t.name for t in s.top_types],
            [t.plans for t in s.top_types],
            "Most-funded projects",
            OKABE_ITO[2],
            "plans that funded it",
        ),
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: object) -> object:
    """A typed text that a spreadsheet would run as a formula (an idea "=HYPERLINK(...)"),
    opened from the CSV with a double-click, gets a leading apostrophe: shown as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_bytes(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    df.map(_text_cell).to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def _xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    buf = io.BytesIO()
    # strings_to_formulas off: an idea typed as "=HYPERLINK(...)" stays text in Excel
    opts = {"options": {"strings_to_formulas": False, "strings_to_urls": False}}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=opts) as xl:
        for name, df in tables.items():
            df.to_excel(xl, sheet_name=name[:31], index=False)
    return buf.getvalue()


def write_report(store: RoomStore, room: str, out_dir: Path | str) -> list[Path]:
    """Write report.html, one CSV per table and room_report.xlsx into `out_dir`."""
    out = Path(out_dir)
    info = store.room(room)
    plans, ideas = store.plans(info.code), store.ideas(info.code)
    summary = summarise(plans, players=info.players)
    tables = all_tables(plans, ideas)
    written = [
        atomic_write_bytes(out / f"{name}.csv", _csv_bytes(df)) for name, df in tables.items()
    ]
    written.append(atomic_write_bytes(out / "room_report.xlsx", _xlsx_bytes(tables)))
    env = Environment(
        loader=PackageLoader("game.room", "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )
    env.filters["group"] = group_name
    env.filters["category"] = category_name
    env.filters["median"] = median_text  # 30.5 stays 30.5; else half up, as pupils round
    env.filters["half_up"] = half_up
    html = env.get_template("report.html").render(
        room=info,
        summary=summary,
        charts=_charts(plans, summary),
        tables={k: df.to_dict("records") for k, df in tables.items()},
        medians=summary.medians,
        ideas=ideas,
        generated=datetime.now(UTC).strftime("%d %B %Y %H:%M UTC"),
        files=[p.name for p in written],
    )
    written.insert(0, atomic_write_text(out / "report.html", html))
    return written
