"""The pack as an A4 PDF (reportlab, pip-only): summary page, charts, tables, provenance and
what the model leaves out; the date, program version and "page N of M" on every page."""

from __future__ import annotations

import io
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from game.report import fmt
from game.report.document import CAVEAT, Pack
from game.report.how_sure import COLUMNS as HOW_SURE_COLUMNS
from game.report.markup import pdf_cell
from game.resources import assets_dir

NAVY = colors.HexColor("#12355b")
MARGIN = 1.6 * cm
WIDTH = A4[0] - 2 * MARGIN
WIDE = landscape(A4)[0] - 2 * MARGIN  # tables with many columns go on landscape pages
WIDE_COLUMNS = 9
TOTALS = "All projects"  # a table's bottom-line rows start with this
KEEP_WITH_TOTALS = 3  # rows of the table kept on the totals rows' page


@cache
def _fonts() -> tuple[str, str]:
    """DejaVu (shipped in assets/fonts) has the £, – and − the built-in fonts lack."""
    folder = assets_dir() / "fonts"
    pdfmetrics.registerFont(TTFont("DejaVu", str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(folder / "DejaVuSans-Bold.ttf")))
    # <b> inside a paragraph needs the family to know its bold face
    registerFontFamily(
        "DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu", boldItalic="DejaVu-Bold"
    )
    return "DejaVu", "DejaVu-Bold"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    body, bold = _fonts()
    base = ParagraphStyle("body", fontName=body, fontSize=9, leading=11.5)
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", base, fontName=bold, fontSize=17, leading=21, textColor=NAVY
        ),
        "sub": ParagraphStyle("sub", base, fontSize=10.5, leading=13),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=bold,
            fontSize=12.5,
            leading=16,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", base, fontName=bold, fontSize=10, leading=13, spaceBefore=5, spaceAfter=2
        ),
        "caveat": ParagraphStyle(
            "caveat",
            base,
            fontSize=8.5,
            backColor=colors.HexColor("#eef2f7"),
            borderPadding=4,
            # the shaded box grows by its padding: indent the text so the box stays
            # inside the margins, level with the tables below
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=6,
        ),
        "small": ParagraphStyle(
            "small", base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#333333")
        ),
        "cell": ParagraphStyle("cell", base, fontSize=6.8, leading=8.2),
        "cellnum": ParagraphStyle("cellnum", base, fontSize=6.8, leading=8.2, alignment=TA_RIGHT),
        "cellb": ParagraphStyle("cellb", base, fontName=bold, fontSize=6.8, leading=8.2),
        "cellnumb": ParagraphStyle(
            "cellnumb", base, fontName=bold, fontSize=6.8, leading=8.2, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle(
            "head", base, fontName=bold, fontSize=6.8, leading=8.2, textColor=colors.white
        ),
        "headnum": ParagraphStyle(
            "headnum",
            base,
            fontName=bold,
            fontSize=6.8,
            leading=8.2,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "big": ParagraphStyle("big", base, fontName=bold, fontSize=10, alignment=TA_RIGHT),
        "bignum": ParagraphStyle("bignum", base, fontSize=9, alignment=TA_RIGHT),
    }


def _p(text: Any, style: str) -> Paragraph:
    return Paragraph(escape(str(text)), _styles()[style])


def _numbered(pack: Pack) -> type[rl_canvas.Canvas]:
    """A canvas that writes the footer once the page count is known (two passes)."""
    body, _ = _fonts()

    class Numbered(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(body, 7.5)
                self.setFillColor(colors.HexColor("#555555"))
                left = f"Civic Futures {pack.version} · generated {pack.date}"
                width = self._pagesize[0]
                self.drawString(MARGIN, 1.0 * cm, left)
                right = f"{pack.footer[:60]} · page {self._pageNumber} of {total}"
                self.drawRightString(width - MARGIN, 1.0 * cm, right)
                super().showPage()
            super().save()

    return Numbered


def _headline_table(pack: Pack) -> Table:
    head = [_p("measure", "head"), *(_p(c, "headnum") for c in pack.columns)]
    rows = [head]
    n = len(pack.columns)
    # the figures a reader compares in bold: central, or A and B (not their difference)
    bold = n - 1 if pack.kind == "comparison" else 1
    for r in pack.summary:
        label = escape(r.label)
        if r.caveat:  # what the figure covers: as prominent as the label itself
            label += f'<br/><font size="8.5" color="#8a1c1c"><b>{escape(r.caveat)}</b></font>'
        if r.note:  # the explanation under the measure, smaller and grey
            label += f'<br/><font size="7" color="#444444">{escape(r.note)}</font>'
        rows.append(
            [
                Paragraph(label, _styles()["body"]),
                *(_p(c, "big" if i < bold else "bignum") for i, c in enumerate(r.cells)),
            ]
        )
    widths = [WIDTH * 0.46] + [WIDTH * 0.54 / n] * n
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(_grid())
    return t


def _grid() -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), NAVY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#cccccc")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def _widths(texts: list[list[str]], numeric: list[bool], total: float) -> list[float]:
    """Column widths: a number column as wide as its widest figure or header word; a text
    column between its longest word and 45 characters; then fitted to the page width."""
    body, bold = _fonts()
    size, pad = 6.8, 7.0

    def w(t: str, font: str = body) -> float:
        return pdfmetrics.stringWidth(t, font, size) + pad

    head, rows = texts[0], texts[1:]
    lo, hi = [], []
    for j, h in enumerate(head):
        cells = [r[j] for r in rows]
        word = max(
            [w(x, bold) for x in h.split()] + [w(x) for c in cells for x in c.split()] + [0.0]
        )
        if numeric[j]:
            fixed = max([word, *(w(c) for c in cells)])
            lo.append(fixed)
            hi.append(fixed)
        else:
            lo.append(min(word, w("x" * 14)))
            hi.append(max(lo[-1], min(max([w(c) for c in cells] + [w(h, bold)]), w("x" * 45))))
    if sum(hi) <= total:
        k = total / sum(hi)
        return [x * k for x in hi]
    if sum(lo) <= total:  # shrink the text columns only, in proportion to their slack
        slack = [h - lw for h, lw in zip(hi, lo, strict=True)]
        k = (sum(hi) - total) / max(sum(slack), 1e-9)
        return [h - s * k for h, s in zip(hi, slack, strict=True)]
    return [x * total / sum(lo) for x in lo]


def _data_table(frame: Any, width: float = WIDTH) -> Table:
    cols = [str(c) for c in frame.columns]
    texts = [cols]
    numeric = [True] * len(cols)
    for row in frame.itertuples(index=False):
        vals = [v.item() if hasattr(v, "item") else v for v in row]
        texts.append([fmt.column_cell(c, v) for c, v in zip(cols, vals, strict=True)])
        for j, v in enumerate(vals):
            if (
                v is not None
                and v != ""
                and not (isinstance(v, int | float) and not isinstance(v, bool))
            ):
                numeric[j] = False
    rows: list[list[Any]] = [
        [_p(c, "headnum" if numeric[j] else "head") for j, c in enumerate(cols)]
    ]
    body, bold = _fonts()
    st = _styles()
    style = _grid()
    for text in texts[1:]:
        # totals rows ("All projects ...") in bold, like a board paper's bottom line
        b = "b" if text and text[0].startswith(TOTALS) else ""
        # numbers are plain strings (a Paragraph per figure made big tables slow to lay out)
        rows.append(
            [
                t if numeric[j] else Paragraph(pdf_cell(t), st["cell" + b])
                for j, t in enumerate(text)
            ]
        )
    for j, num in enumerate(numeric):
        if num:
            style.add("FONT", (j, 1), (j, -1), body, 6.8)
            style.add("ALIGN", (j, 1), (j, -1), "RIGHT")
    totals = [i for i, text in enumerate(texts[1:], start=1) if text and text[0].startswith(TOTALS)]
    for i in totals:
        style.add("FONT", (0, i), (-1, i), bold, 6.8)
    if totals:
        # a page never starts with the bottom line alone: keep it with the rows above it
        style.add("NOSPLIT", (0, max(1, totals[0] - KEEP_WITH_TOTALS)), (-1, totals[-1]))
    t = Table(rows, colWidths=_widths(texts, numeric, width), repeatRows=1)
    t.setStyle(style)
    return t


def _image(png: bytes) -> Image:
    """A chart at the text width, or smaller if it would not fit on one page."""
    img = Image(io.BytesIO(png))
    max_h = (A4[1] - MARGIN - 1.8 * cm) * 0.8
    k = min(WIDTH / img.imageWidth, max_h / img.imageHeight)
    img.drawWidth, img.drawHeight = img.imageWidth * k, img.imageHeight * k
    return img


def _summary_page(pack: Pack) -> list[Any]:
    s = _styles()
    story: list[Any] = [
        _p(pack.title, "title"),
        _p(pack.subtitle, "sub"),
        _p(CAVEAT, "caveat"),
        *(_p(n, "small") for n in pack.notes),
        _p(pack.proposed_title, "h3"),
        *(Paragraph("• " + escape(line), s["small"]) for line in pack.proposed[:14]),
        _p(pack.headline_title, "h3"),
        _headline_table(pack),
        Spacer(1, 4),
        Paragraph(
            "<b>Cost per net job against published benchmarks.</b> "
            + escape(pack.benchmark_text).replace("\n", "<br/>"),
            s["small"],
        ),
    ]
    gains = [
        _p(pack.gains_title, "h3"),
        *(Paragraph("▲ " + escape(g), s["small"]) for g in pack.gains),
    ]
    losses = [
        _p(pack.losses_title, "h3"),
        *(Paragraph("▼ " + escape(g), s["small"]) for g in pack.losses),
    ]
    cols = Table([[gains, losses]], colWidths=[WIDTH / 2, WIDTH / 2])
    cols.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story.append(cols)
    if pack.story:
        story += [
            _p("The outcome", "h3"),
            *(Paragraph("• " + escape(x), s["small"]) for x in pack.story),
        ]
    return story


def _how_sure(pack: Pack) -> list[Any]:
    """The back-test in plain words, with its figures; kept together on one page."""
    h = pack.how_sure
    s = _styles()
    head = [
        Paragraph(escape(c), s["head" if i == 0 else "headnum"])
        for i, c in enumerate(HOW_SURE_COLUMNS)
    ]
    body = [
        [Paragraph(escape(v), s["cell" if i == 0 else "cellnum"]) for i, v in enumerate(r)]
        for r in h.rows
    ]
    table = Table([head, *body], colWidths=[WIDTH * 0.46, WIDTH * 0.22, WIDTH * 0.32])
    table.setStyle(_grid())
    return [
        CondPageBreak(9 * cm),
        _p(h.title, "h2"),
        *(
            Paragraph(escape(x), ParagraphStyle("para", s["body"], spaceAfter=3))
            for x in h.paragraphs
        ),
        Spacer(1, 4),
        KeepTogether([table, _p(h.source + " A dash: not measured.", "small")]),
    ]


def _templates() -> list[PageTemplate]:
    def frame(size: tuple[float, float]) -> Frame:
        return Frame(
            MARGIN,
            1.8 * cm,
            size[0] - 2 * MARGIN,
            size[1] - MARGIN - 1.8 * cm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    return [
        PageTemplate("portrait", [frame(A4)], pagesize=A4),
        PageTemplate("landscape", [frame(landscape(A4))], pagesize=landscape(A4)),
    ]


def _tables(pack: Pack) -> list[Any]:
    story: list[Any] = []
    wide = False
    for t in pack.tables:
        want = len(t.frame.columns) >= WIDE_COLUMNS
        if want != wide:
            story += [NextPageTemplate("landscape" if want else "portrait"), PageBreak()]
            wide = want
        else:
            story.append(CondPageBreak(5 * cm))
        story.append(_p(t.title, "h2"))
        if t.note:
            story.append(_p(t.note, "small"))
        story.append(_data_table(t.frame, WIDE if want else WIDTH))
    if wide:
        story += [NextPageTemplate("portrait"), PageBreak()]
    return story


def render_pdf(pack: Pack) -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=1.8 * cm,
        title=f"{pack.title} — {pack.subtitle}",
        author=f"Civic Futures {pack.version}",
        pageTemplates=_templates(),
    )
    story = _summary_page(pack)
    story += [PageBreak(), _p("Charts", "h2")]
    for c in pack.charts:
        caption = [_p(c.caption, "small")] if c.caption else []
        story.append(KeepTogether([_image(c.png), *caption, Spacer(1, 8)]))
    story += _tables(pack)
    story += _how_sure(pack)
    story += [CondPageBreak(6 * cm), _p("What this model leaves out", "h2")]
    story += [Paragraph("• " + escape(x), _styles()["small"]) for x in pack.leaves_out]
    doc.build(story, canvasmaker=_numbered(pack))
    return buf.getvalue()
