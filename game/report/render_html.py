"""The pack as one self-contained HTML file (charts embedded as PNG data URIs), printable."""

from __future__ import annotations

import base64
from importlib.resources import files

import jinja2

from game.report import fmt
from game.report.document import CAVEAT, Pack
from game.report.how_sure import COLUMNS as HOW_SURE_COLUMNS
from game.report.markup import html_cell

TEMPLATE = "pack.html.j2"  # beside this module (package data)


def _rows(frame: object) -> list[list[tuple[str, bool]]]:
    """Each cell as (text, is a number); text cells carry their web addresses as links."""
    out = []
    for row in frame.itertuples(index=False):  # type: ignore[attr-defined]
        cells = []
        for v in (x.item() if hasattr(x, "item") else x for x in row):
            num = isinstance(v, int | float) and not isinstance(v, bool)
            cells.append((fmt.cell(v) if num else html_cell(fmt.cell(v)), num))
        out.append(cells)
    return out


def render_html(pack: Pack) -> str:
    text = files("game.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(text)
    return template.render(
        p=pack,
        caveat=CAVEAT,
        how_sure_columns=HOW_SURE_COLUMNS,
        bold=len(pack.columns) - 1 if pack.kind == "comparison" else 1,
        png={c.name: base64.b64encode(c.png).decode("ascii") for c in pack.charts},
        rows={t.name: _rows(t.frame) for t in pack.tables},
    )
