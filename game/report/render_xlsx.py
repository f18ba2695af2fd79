"""The pack's tables as one XLSX workbook (openpyxl): an "about" sheet, then a sheet per
table with units in the headers and numbers stored as numbers."""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from game.report.document import CAVEAT, Pack

HEADER_FILL = PatternFill("solid", fgColor="12355B")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def _number_format(header: str) -> str | None:
    h = header.lower()
    if "(gbp" in h:
        return '"£"#,##0'
    if "(ratio)" in h:
        return "0.00"
    if "(fte)" in h or "(people)" in h or "(jobs)" in h or "(job-years)" in h:
        return "#,##0.0"
    if "(0-100)" in h or "(points)" in h:
        return "0.0"
    return None


def _clean(v: object) -> object:
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def render_xlsx(pack: Pack) -> bytes:
    wb = Workbook()
    about = wb.active
    about.title = "about"
    about.append(["Civic Futures report pack"])
    about["A1"].font = Font(bold=True, size=14)
    for label, value in (
        ("title", pack.title),
        ("area and years", pack.subtitle),
        ("generated", pack.date),
        ("program version", pack.version),
        ("caveat", CAVEAT),
    ):
        about.append([label, value])
    about.append([])
    # a table of contents: the figures themselves are numbers on their own sheets
    about.append(["sheet", "contents"])
    for t in pack.tables:
        about.append([t.name[:31], t.title])
    about.column_dimensions["A"].width = 48
    about.column_dimensions["B"].width = 60
    for t in pack.tables:
        ws = wb.create_sheet(t.name[:31])
        headers = [str(c) for c in t.frame.columns]
        ws.append(headers)
        for cell in ws[1]:
            cell.fill, cell.font = HEADER_FILL, HEADER_FONT
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in t.frame.itertuples(index=False):
            ws.append([_clean(v) for v in row])
        for j, h in enumerate(headers, start=1):
            letter = get_column_letter(j)
            form = _number_format(h)
            if form:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = form
            longest = max(
                [
                    len(h) // 2 + 2,
                    *(
                        len(str(c.value or ""))
                        for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j)
                    ),
                ]
            )
            ws.column_dimensions[letter].width = min(max(10, longest + 2), 70)
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
