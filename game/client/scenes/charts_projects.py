"""The charts' "Your projects" tab: every funded project with its status, cost and net new
jobs, and the totals. The rows page ("More projects (1/2)") when the text size leaves no
room for them all, so no project is folded into "… and N more". A function of the charts
scene, apart from it to keep charts_scene.py small."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.client import fmt, palette
from game.client.charts import TextFn
from game.client.rows import label_width
from game.client.scene import Scene
from game.client.text import project_title
from game.play import FundedProject, GameSession

NOTE_SIZE, ROW_SIZE, HEAD_SIZE, TITLE_SIZE = 15, 18, 17, 22


@dataclass(frozen=True)
class Layout:
    """Where the table's parts go inside the panel, and the rows on each page."""

    head_y: int
    rows_y: int
    row: int
    pages: list[list[FundedProject]]
    note: str


def _note(scene: Scene, s: GameSession) -> str:
    # the total counts open projects only (the one jobs vocabulary): say so; if the
    # unrounded account rounds differently from the rows' sum, say that too
    note = scene.t("charts.projects_total_note")
    net = sum(round(p.net_jobs) for p in s.funded if p.status == "open")
    acc = s.jobs_account()
    exact = acc.net_additional if acc is not None else net
    if round(exact) != net:
        note += " " + scene.t("charts.rounding_note", exact=fmt.count(exact))
    return note


def layout(scene: Scene, s: GameSession, body: pygame.Rect) -> Layout:
    f = scene.fonts
    head_y = body.top + 10 + f.line_height(TITLE_SIZE, True) + 2
    rows_y = head_y + f.line_height(HEAD_SIZE, True) + 4
    row = f.line_height(ROW_SIZE) + 2
    note = _note(scene, s)
    note_h = scene.wrapped_lines(note, NOTE_SIZE, body.width - 32) * f.line_height(NOTE_SIZE)
    total_h = 8 + f.line_height(ROW_SIZE, True) + 4
    per = max(1, (body.bottom - 8 - note_h - total_h - rows_y) // row)
    pages = [s.funded[i : i + per] for i in range(0, len(s.funded), per)] or [[]]
    return Layout(head_y, rows_y, row, pages, note)


def more_button_width(scene: Scene, label: str) -> int:
    return max(200, min(label_width(scene.fonts, label, "small"), 520))


def draw_projects(
    scene: Scene,
    surface: pygame.Surface,
    text: TextFn,
    s: GameSession,
    body: pygame.Rect,
    page: int,
    title_room: int,
) -> None:
    """The table; `title_room` is the width left for the title beside the More button."""
    t = scene.t
    text(
        t("charts.projects_title"),
        (body.left + 16, body.top + 10),
        TITLE_SIZE,
        palette.INK,
        True,
        max_width=title_room,
    )
    if not s.funded:
        text(t("charts.projects_none"), (body.left + 16, body.top + 56), 20, palette.MUTED)
        return
    lay = layout(scene, s, body)
    left, inner = body.left + 16, body.width - 32
    xs = [left, left + int(inner * 0.46), left + int(inner * 0.68), left + int(inner * 0.82)]
    ends = [xs[1] - 12, xs[2] - 12, xs[3] - 12, body.right - 16]
    keys = ("charts.col.project", "charts.col.status", "charts.col.cost", "charts.col.jobs")
    for x, end, key in zip(xs, ends, keys, strict=True):
        text(t(key), (x, lay.head_y), HEAD_SIZE, palette.MUTED, True, max_width=end - x)
    # one size for every title, so the list does not mix sizes
    titles = [project_title(scene.ctx, p) for p in s.funded]
    size = min(scene.fit_size(x, ROW_SIZE, ends[0] - xs[0], floor=13) for x in titles)
    y = lay.rows_y
    for p in lay.pages[page % len(lay.pages)]:
        text(project_title(scene.ctx, p), (xs[0], y), size, palette.INK, max_width=ends[0] - xs[0])
        if p.status == "open":
            status, colour, bold = t("charts.open"), palette.GOOD_TEXT, True
        else:
            status, colour, bold = t("charts.building", year=p.opens_year), palette.INK, False
        text(status, (xs[1], y), size, colour, bold, max_width=ends[1] - xs[1])
        text(fmt.money(p.cost), (xs[2], y), size, palette.INK)
        planned = p.net_jobs if p.status == "open" else p.net_jobs_planned
        text(
            fmt.count(planned),
            (xs[3], y),
            size,
            palette.INK if p.status == "open" else palette.MUTED,
        )
        y += lay.row
    _totals(scene, surface, text, s, xs, ends, y, lay)


def _totals(
    scene: Scene,
    surface: pygame.Surface,
    text: TextFn,
    s: GameSession,
    xs: list[int],
    ends: list[int],
    y: int,
    lay: Layout,
) -> None:
    """The totals of every project (all pages), and the note saying what they count."""
    pygame.draw.line(surface, palette.INK, (xs[0], y + 2), (ends[3] - 4, y + 2), 1)
    y += 8
    text(
        scene.t("charts.total"), (xs[0], y), ROW_SIZE, palette.INK, True, max_width=ends[1] - xs[0]
    )
    text(fmt.money(sum(p.cost for p in s.funded)), (xs[2], y), ROW_SIZE, palette.INK, True)
    # the total is the sum of the rounded rows (open projects), so the table adds up
    net = sum(round(p.net_jobs) for p in s.funded if p.status == "open")
    text(fmt.count(net), (xs[3], y), ROW_SIZE, palette.INK, True)
    y += scene.fonts.line_height(ROW_SIZE, True) + 4
    width = ends[3] - xs[0]
    scene.paragraph(surface, lay.note, pygame.Rect(xs[0], y, width, 0), NOTE_SIZE, palette.MUTED)
