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

from game.room.classroom.charts import baseline_name, lines_png
from game.room.classroom.debrief import Debrief
from game.room.names import ending_name

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
    shocks = "; ".join(f"{name} (after year {n})" for n, name in d.shocks) or "none"
    story = [
        _p(f"Same {d.area_name}, different futures", h1),
        _p(f"{d.room} · {len(d.teams)} teams · {d.years} years · shocks: {shocks}", body),
        _p("1. Describe: what happened", h2),
    ]
    rows = [["Team", "People", "Net new jobs", "Cost per net job", "Approval", "Ending"]]
    for t in d.teams:
        cost = f"£{t.cost_per_net_job:,.0f}" if t.cost_per_net_job else "–"
        rows.append(
            [
                t.name,
                f"{t.population:,.0f}",
                f"{t.net_jobs:,.0f}",
                cost,
                f"{t.approval:.0f}%",
                ending_name(t.ending),
            ]
        )
    story += [Table(rows, style=_GRID, repeatRows=1), Spacer(1, 4)]
    pop = lines_png(
        {t.name: t.population_series for t in d.teams},
        d.baseline_population,
        "People living here",
        "people",
        baseline_name(d.shocks),
    )
    jobs = lines_png(
        {t.name: t.jobs_series for t in d.teams},
        d.baseline_jobs,
        "Jobs located here",
        "jobs",
        baseline_name(d.shocks),
    )
    story.append(Table([[_chart(pop, width / 2 - 4), _chart(jobs, width / 2 - 4)]]))
    groups = sorted({g for t in d.teams for g in t.approvals})
    appr = [["Approval at the end", *[t.name for t in d.teams]]]
    appr += [[g, *[f"{t.approvals.get(g, 0):.0f}" for t in d.teams]] for g in groups]
    story += [Table(appr, style=_GRID, repeatRows=1), _p("2. Analyse: who gained, who lost", h2)]
    movers = [["Team", "Helped most", "Hurt most"]]
    for t in d.teams:
        cell = [
            _p(f"{m.group} ({m.change:+.0f}): {'; '.join(m.reasons)}", small) if m else "–"
            for m in (t.helped, t.hurt)
        ]
        movers.append([t.name, *cell])
    story.append(Table(movers, style=_GRID, colWidths=[30 * mm, None, None]))
    funded = [["Team", "Projects funded (in order)"]]
    funded += [[t.name, _p(", ".join(t.funded) or "nothing", small)] for t in d.teams]
    story.append(Table(funded, style=_GRID, colWidths=[30 * mm, None]))
    for q in d.prompts["analyse"]:
        story.append(_p("• " + q, body))
    story.append(_p(f"3. Transfer: the real {d.area_name} (Census 2021)", h2))
    facts = [[_p(f.label, small), _p(f.value, small)] for f in d.facts]
    story.append(Table(facts, style=_GRID, colWidths=[60 * mm, width - 60 * mm]))
    for q in d.prompts["transfer"]:
        story.append(_p("• " + q, body))
    story.append(_p("4. Apply: your turn", h2))
    for q in d.prompts["apply"]:
        story.append(_p("• " + q + " ______________________________________", body))
    doc.build(story)
    return buf.getvalue()
