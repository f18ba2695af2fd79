"""The debrief as a print-friendly A4 PDF (reportlab, as the report pack uses) for pupils to
take away: the teams' outcomes, the two charts, who each team helped and hurt, the census
facts and the questions. Aims at two pages; long decision lists are left to the web page."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from game.room.classroom.charts import chart_lines, lines_png
from game.room.classroom.debrief import Debrief, plural
from game.room.names import ending_name
from game.room.numbers import half_up

_GRID = TableStyle(
    [
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe9f3")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
)


def _p(text: str, style) -> Paragraph:  # noqa: ANN001
    return Paragraph(escape(text), style)


def _chart(data: bytes, width: float) -> Image:
    img = Image(io.BytesIO(data))
    img.drawWidth, img.drawHeight = width, width * img.imageHeight / img.imageWidth
    return img


def _approvals(d: Debrief, width: float, small) -> Table:  # noqa: ANN001
    """Approval by group at the end. Up to four teams, the groups in two halves side by side
    (a list of eighteen groups down the page pushed the rest onto a third page); more teams
    do not fit twice across A4, so one table. Every column has a set width and the names
    wrap: left to itself, reportlab let a fourth team's column run under the other half."""
    groups = sorted({g for t in d.teams for g in t.approvals})
    n = max(1, len(d.teams))
    chunks = [groups[: (len(groups) + 1) // 2], groups[(len(groups) + 1) // 2 :]]
    gap = 4 * mm
    part_w = (width - gap) / 2 if n <= 4 else width
    if n > 4:
        chunks = [groups]
    group_w = min(40 * mm, part_w * 0.45)
    cols = [group_w, *[(part_w - group_w) / n] * n]
    head = [_p("Approval at the end", small), *[_p(t.name, small) for t in d.teams]]
    parts = []
    for chunk in chunks:
        rows = [head] + [
            [_p(g, small), *[half_up(t.approvals.get(g, 0)) for t in d.teams]] for g in chunk
        ]
        parts.append(Table(rows, style=_GRID, repeatRows=1, colWidths=cols))
    if len(parts) == 1:
        return parts[0]
    return Table(
        [[parts[0], "", parts[1]]],
        colWidths=[part_w, gap, part_w],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def _outcomes(d: Debrief) -> list[list[str]]:
    head = ["Team", *([] if d.same_area else ["Area"]), "People", "Net new jobs"]
    rows = [[*head, "Cost per net job", "Approval", "Score", "Ending"]]
    for t in d.teams:
        cost = f"£{half_up(t.cost_per_net_job)}" if t.cost_per_net_job else "–"
        area = [] if d.same_area else [t.area_name]
        rows.append(
            [
                t.name,
                *area,
                half_up(t.population),
                half_up(t.net_jobs),
                cost,
                f"{half_up(t.approval)}%",
                half_up(t.score),
                ending_name(t.ending),
            ]
        )
    return rows


def debrief_pdf_bytes(d: Debrief) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8.5, leading=10)
    h1, h2 = styles["Heading1"], styles["Heading2"]
    h2.spaceBefore, h2.spaceAfter = 4, 2
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"Debrief: {d.area_name}",
        author="Civic Futures",
    )
    width = A4[0] - 28 * mm
    shocks = "; ".join(f"{name} (start of {d.start_year + n})" for n, name in d.shocks) or "none"
    title = f"Same {d.area_name}, different futures" if d.same_area else "Different places"
    story = [
        _p(title + ("" if d.same_area else ", different futures"), h1),
        _p(f"{d.room} · {plural(len(d.teams), 'team')} · {d.years} years · shocks: {shocks}", body),
        _p("1. Describe: what happened", h2),
    ]
    outcomes = Table(_outcomes(d), style=_GRID, repeatRows=1)
    texts = [i for i, h in enumerate(_outcomes(d)[0]) if h in ("Area", "Ending")]
    outcomes.setStyle([("ALIGN", (i, 0), (i, -1), "LEFT") for i in texts])
    story += [outcomes, Spacer(1, 2)]
    legend = [f"{e.name}: {e.meaning}" for e in d.endings]
    legend.append(f"{d.baseline_label}: the black line (nothing new funded, same events).")
    story += [_p(line, small) for line in legend]
    pop, jobs = (lines_png(*chart_lines(d, w)) for w in ("population", "jobs"))
    story.append(Table([[_chart(pop, width / 2 - 4), _chart(jobs, width / 2 - 4)]]))
    story += [_approvals(d, width, small), _p("2. Analyse: who gained, who lost", h2)]
    movers = [["Team", "Helped most", "Hurt most"]]
    for t in d.teams:
        cell = [_p(m.text(), small) if m else "–" for m in (t.helped, t.hurt)]
        movers.append([t.name, *cell])
    story.append(Table(movers, style=_GRID, colWidths=[30 * mm, None, None]))
    funded = [["Team", "Projects funded (in order)"]]
    funded += [[t.name, _p(", ".join(t.funded) or "nothing", small)] for t in d.teams]
    story.append(Table(funded, style=_GRID, colWidths=[30 * mm, None]))
    for q in d.prompts["analyse"]:
        story.append(_p("• " + q, body))
    places = d.facts[0].area_name if len(d.facts) == 1 else "areas"
    story.append(_p(f"3. Transfer: the real {places} (Census 2021)", h2))
    for area in d.facts:
        if len(d.facts) > 1:
            story.append(_p(area.area_name, styles["Heading4"]))
        facts = [[_p(f.label, small), _p(f.value, small)] for f in area.facts]
        story.append(Table(facts, style=_GRID, colWidths=[60 * mm, width - 60 * mm]))
    for q in d.prompts["transfer"]:
        story.append(_p("• " + q, body))
    story.append(_p("4. Apply: your turn", h2))
    for q in d.prompts["apply"]:
        story.append(_p("• " + q + " ______________________________________", body))
    doc.build(story)
    return buf.getvalue()
