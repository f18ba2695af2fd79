"""The in-game censuses: the year-5 mid-term report and the Census 2031 final report with
its ending (ticker-tape parade or angry mob) and score."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pygame

from game.client import charts, charts_hbar, fmt, palette
from game.client.charts import TextFn
from game.client.dialogs import MessageDialog, header, panel
from game.client.rows import label_width, positions, share_row
from game.client.scene import H, Host, W
from game.client.scenes.report_benchmarks import draw_benchmarks
from game.client.scenes.report_buttons import ReportButtons
from game.client.scenes.report_ending import mob, parade
from game.client.text import area_name, chart_labels, group_name, headline_text
from game.play import CensusReport, GroupApproval

BODY = pygame.Rect(24, 136, W - 48, H - 136 - 80)


class ReportScene(ReportButtons):
    name = "report"

    def __init__(self, app: Host, kind: str, report: CensusReport | None = None) -> None:
        super().__init__(app)
        self.kind = kind
        if report is None:
            assert app.ctx.session is not None, "a census report needs a game or a report"
            report = app.ctx.session.census_report(kind)
        self.report = report
        self.pages = ("verdict", "summary", "detail") if kind == "final" else ("summary", "detail")
        self.page = self.pages[0]
        self.clock = 0.0
        self.name = "final_report" if kind == "final" else "midterm_report"
        self.pack: Future[Path] | None = None  # the report pack being written
        self.pack_told = False  # the player has been told where it went (or why not)
        self.group_page = 0  # the approval list pages through every group (never cut)
        # the projector sizes: the numbers (0), the benchmarks (1), the age pyramid (2)
        self.summary_part = 0

    @property
    def projector(self) -> bool:
        """The projector text sizes (160%, 200%): the summary shows one column at a time."""
        return self.fonts.text_scale > 1.3

    def build(self) -> None:
        t = self.t
        # the tabs share the row with the what-if buttons on the right
        labels = [t(f"report.page.{p}") for p in self.pages]
        right = self.what_if_buttons()
        widths, size = [240] * len(labels), "normal"  # 100%: the tabs as they always were
        if any(label_width(self.fonts, lab) > 240 for lab in labels):
            widths, size = share_row(self.fonts, labels, right - 24 - 16)
        for p, label, x, w in zip(self.pages, labels, positions(24, widths), widths, strict=True):
            self.button(
                (x, 76, w, 48),
                label,
                functools.partial(self.set_page, p),
                cls="toggle_on" if p == self.page else "toggle_off",
                name=f"page_{p}",
                size=size,
            )
        if self.kind == "final":
            self.final_buttons()
        else:
            self.button(
                (W - 344, H - 66, 320, 54),
                t("report.back_to_game"),
                self.close,
                cls="big",
                name="done",
            )
        if self.page == "summary" and self.projector:
            self.button(
                (W - 344 - 300, H - 66, 284, 54),
                self.t("help.more"),
                self.next_summary_part,
                cls="secondary",
                name="more_summary",
            )
        if self.page == "detail" and len(self._group_pages()) > 1:
            pages = self._group_pages()
            label = t("report.more_groups", page=self.group_page + 1, pages=len(pages))
            w = max(234, min(label_width(self.fonts, label, "small"), 560))
            self.button(
                (BODY.right - 16 - w, BODY.bottom - 58, w, 46),
                label,
                self.next_groups,
                cls="secondary",
                name="more_groups",
            )
        self.focus.set_by_name("done")

    def write_pack(self) -> None:
        """The game's own report pack (HTML, PDF, XLSX, CSV), as `report --save` writes it."""
        from game.client.pack_export import write_game_pack

        self.pack = write_game_pack(self.ctx, threaded=self.ctx.threaded)
        self.pack_told = False
        self.rebuild()

    def you_and_room(self) -> None:
        self.app.stack.push(self.app.screens.you_and_room())

    def _group_rows(self) -> int:
        """Approval rows that fit the detail page's right panel at this text size."""
        row_h = max(26, self.fonts.line_height(17, True) + 6)
        return max(4, (BODY.height - 56 - 64) // row_h)

    def _group_pages(self) -> list[list[GroupApproval]]:
        groups = sorted(self.report.approvals, key=lambda g: (-g.size, g.group_id))
        n = self._group_rows()
        return [groups[i : i + n] for i in range(0, len(groups), n)] or [[]]

    def next_groups(self) -> None:
        self.group_page = (self.group_page + 1) % len(self._group_pages())
        self.rebuild()

    def next_summary_part(self) -> None:
        self.summary_part = (self.summary_part + 1) % 3
        self.rebuild()

    def set_page(self, page: str) -> None:
        self.page = page
        self.rebuild()

    def see_why(self) -> None:
        """The approval chart with its why-breakdown, for the group that moved most."""
        r = self.report
        movers = list(r.biggest_losers or []) + list(r.biggest_winners or [])
        if r.ending == "parade":
            movers = list(r.biggest_winners or []) + list(r.biggest_losers or [])
        self.app.stack.push(self.app.screens.charts("approval", movers[0] if movers else None))

    def to_title(self) -> None:
        if self.ctx.class_game is not None:  # a class game: back to its lobby (debrief on)
            return self.close()
        stand = getattr(self.app, "stand", None)
        if stand is not None:  # a stand gets ready for the next visitor (and the room's)
            return stand.reset()
        self.app.stack.reset(self.app.screens.title())

    def on_back(self) -> bool:
        if self.kind != "final":
            self.close()
        return True

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.pack is not None and self.pack.done() and not self.pack_told:
            self.pack_told = True
            try:
                body = self.t("report.pack_written", path=str(self.pack.result()))
            except Exception as exc:  # the command's own one-line message
                body = self.t("report.pack_failed", problem=str(exc))
            self.rebuild()
            self.app.stack.push(MessageDialog(self.app, self.t("report.write_pack"), body))

    def draw_scene(self, surface: pygame.Surface) -> None:
        r, t = self.report, self.t
        surface.fill(palette.PAPER)
        title_key = "report.title_final" if self.kind == "final" else "report.title_midterm"
        area = self._area()
        header(self, surface, t(title_key, year=r.year, area=area), t("report.projected"))
        text = charts.Writer(functools.partial(self.text, surface), self.fonts)
        pages: dict[str, Callable[[pygame.Surface, TextFn], None]] = {
            "verdict": self._draw_verdict,
            "summary": self._draw_summary,
            "detail": self._draw_detail,
        }
        pages[self.page](surface, text)

    # -- the ending ------------------------------------------------------------------------
    def _draw_verdict(self, surface: pygame.Surface, text: TextFn) -> None:
        r, t = self.report, self.t
        ending = r.ending or "mixed"
        # the picture gives up height when the verdict needs more lines (big text, Welsh)
        x_text = 24 + 250
        body_w = W - 24 - 24 - x_text
        row = max(34, self.fonts.line_height(18) + 6)
        body_h = self.wrapped_lines(self._verdict_body(), 17, body_w) * self.fonts.line_height(17)
        need = 18 + 3 * row + body_h + 10
        stage_h = max(170, min(330, H - 92 - 12 - 136 - need))
        stage = pygame.Rect(24, 136, W - 48, stage_h)
        sky = {"parade": (214, 236, 250), "mob": (92, 72, 88), "mixed": (200, 204, 214)}[ending]
        pygame.draw.rect(surface, sky, stage, border_radius=12)
        clock = self.clock if self.ctx.animate else 0.0
        surface.set_clip(stage)
        if ending == "parade":
            parade(surface, stage, clock)
        elif ending == "mob":
            mob(surface, stage, clock)
        else:
            parade(surface, stage.clip(stage.move(-stage.width // 2, 0)), clock)
            mob(surface, stage.clip(stage.move(stage.width // 2, 0)), clock)
        surface.set_clip(None)
        title = t(f"report.ending_title.{ending}")
        size = self.fit_size(title, 40, stage.width - 80, True)
        tw, th = self.fonts.size(title, size, True)
        plate = pygame.Rect(0, 0, tw + 48, th + 20)
        plate.midtop = (stage.centerx, stage.top + 16)
        pygame.draw.rect(surface, palette.CARD, plate, border_radius=12)
        pygame.draw.rect(surface, palette.INK, plate, 3, border_radius=12)
        text(title, (plate.centerx, plate.top + 10), size, palette.INK, True, "midtop")
        box = pygame.Rect(24, stage.bottom + 12, W - 48, H - stage.bottom - 92)
        panel(surface, box)
        with self.within(box):
            score = r.score if r.score is not None else 0.0
            text(
                t("report.score"),
                (box.left + 24, box.top + 14),
                20,
                palette.MUTED,
                True,
                max_width=210,
            )
            big = text(f"{score:.0f}", (box.left + 24, box.top + 38), 64, palette.INK, True)
            if self.projector:  # the big number fills the column: "/100" goes below it
                text("/100", (big.left, big.bottom - 8), 24, palette.MUTED)
            else:
                text(
                    "/100", (big.right + 4, big.bottom - 10), 24, palette.MUTED, False, "bottomleft"
                )
            x = box.left + 250
            parts = r.score_parts or {}
            row = max(34, self.fonts.line_height(18) + 6)
            label_w = 360
            num_w = self.fonts.size("100", 18, True)[0] + 12
            for i, key in enumerate(("approval", "jobs", "value")):
                v = parts.get(key, 0.0)
                y = box.top + 14 + i * row
                text(t(f"report.part.{key}"), (x, y), 18, palette.INK, max_width=label_w - 10)
                bar = pygame.Rect(x + label_w, y + 2, box.right - 24 - num_w - x - label_w, 20)
                pygame.draw.rect(surface, (225, 228, 232), bar)
                pygame.draw.rect(
                    surface, palette.BLUE, (bar.left, bar.top, int(bar.width * v / 100), bar.height)
                )
                text(f"{v:.0f}", (box.right - 24, y), 18, palette.INK, True, "topright")
            body = pygame.Rect(x, box.top + 18 + 3 * row, box.right - 24 - x, 0)
            body.height = box.bottom - 8 - body.top
            self._verdict_text(surface, body)

    def _area(self) -> str:
        """The area reported on, in the player's language (else its English name)."""
        name = area_name(self.ctx, self.report.area_code)
        return self.report.area_name if name == self.report.area_code else name

    def _verdict_body(self) -> str:
        """PLAY's verdict (why this ending, who gained and lost most), in the player's
        language; the older one-line ending text if the report has none."""
        r, t = self.report, self.t
        lines = [headline_text(self.ctx, item) for item in r.verdict_lines]
        return " ".join(lines) or t(f"report.ending_body.{r.ending or 'mixed'}", area=self._area())

    def _verdict_text(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        body = self._verdict_body()
        size = 17
        lh = self.fonts.line_height(size)
        while size > 12 and self.wrapped_lines(body, size, rect.width) * lh > rect.height:
            size -= 1
            lh = self.fonts.line_height(size)
        self.paragraph(surface, body, rect, size, palette.INK, max_lines=max(1, rect.height // lh))

    # -- numbers -----------------------------------------------------------------------------
    def _draw_summary(self, surface: pygame.Surface, text: TextFn) -> None:
        # the projector sizes: one part at a time, the whole width (More ▶ steps on)
        if self.projector and self.summary_part == 1:
            panel(surface, BODY)
            inner = BODY.inflate(-40, -28)
            with self.within(BODY):
                draw_benchmarks(surface, self.report, self.t, self.fonts, text, inner)
            return
        if self.projector:
            left = pygame.Rect(BODY) if self.summary_part == 2 else pygame.Rect(BODY.left, 0, 0, 0)
        else:
            left = pygame.Rect(BODY.left, BODY.top, 520, BODY.height)
        if left.height:
            self._draw_pyramid(surface, text, left)
        if self.projector and self.summary_part == 2:
            return
        gap = 16 if left.width else 0
        right = pygame.Rect(left.right + gap, BODY.top, BODY.right - left.right - gap, BODY.height)
        self._draw_numbers(surface, text, right)

    def _draw_pyramid(self, surface: pygame.Surface, text: TextFn, left: pygame.Rect) -> None:
        r, t = self.report, self.t
        panel(surface, left)
        text(
            t("report.pyramid", first=r.pyramid_2021.year, year=r.year),
            (left.left + 16, left.top + 10),
            20,
            palette.INK,
            True,
            max_width=left.width - 32,
        )
        charts.pyramid(
            surface,
            left.inflate(-20, -50).move(0, 22),
            text,
            (r.pyramid_now.male, r.pyramid_now.female),
            (r.pyramid_2021.male, r.pyramid_2021.female),
            chart_labels(t),
        )

    def _draw_numbers(self, surface: pygame.Surface, text: TextFn, right: pygame.Rect) -> None:
        r, t = self.report, self.t
        panel(surface, right)
        rows = [
            (
                t("report.population"),
                fmt.count(r.population_2021),
                fmt.count(r.population_now),
                fmt.signed(r.population_now - r.population_baseline),
            ),
            (
                t("report.jobs"),
                fmt.count(r.jobs_2021),
                fmt.count(r.jobs_now),
                fmt.signed(r.jobs_now - r.jobs_baseline),
            ),
        ]
        with self.within(right):
            self._summary_numbers(surface, text, right, rows)

    def _summary_numbers(
        self,
        surface: pygame.Surface,
        text: TextFn,
        right: pygame.Rect,
        rows: list[tuple[str, str, str, str]],
    ) -> None:
        r, t = self.report, self.t
        x0 = right.left + 20
        inner = right.width - 40
        cols = [x0, x0 + int(inner * 0.34), x0 + int(inner * 0.54), x0 + int(inner * 0.74)]
        y = right.top + 14
        heads = ("report.col.what", "report.col.first", "report.col.now", "report.col.vs_baseline")
        # a long header (Welsh) wraps onto a second line rather than being cut
        bottom = y
        for k, (x, key) in enumerate(zip(cols, heads, strict=True)):
            room = (cols[k + 1] if k + 1 < len(cols) else right.right - 16) - x - 8
            bottom = max(
                bottom,
                self.paragraph(
                    surface,
                    t(key, first=r.pyramid_2021.year, year=r.year),
                    pygame.Rect(x, y, room, 0),
                    16,
                    palette.MUTED,
                    True,
                    max_lines=2,
                ),
            )
        y = bottom + 4
        for row in rows:
            for k, (x, val) in enumerate(zip(cols, row, strict=True)):
                room = (cols[k + 1] if k + 1 < len(cols) else right.right - 16) - x - 8
                text(val, (x, y), 20, palette.INK, k == 0, max_width=room)
            y += self.fonts.line_height(20) + 2
        # approval shares the unemployment line, so the money facts below fit in three rows
        ar = text(
            f"{t('report.approval')}: {r.approval_overall:.0f}%",
            (right.right - 20, y),
            18,
            palette.INK,
            True,
            "topright",
        )
        text(
            t("report.unemployment", rate=fmt.pct(r.unemployment_rate)),
            (x0, y),
            18,
            palette.INK,
            max_width=ar.left - x0 - 16,
        )
        y += self.fonts.line_height(18) + 6
        pygame.draw.line(surface, palette.RULE, (x0, y), (right.right - 20, y), 1)
        y += 8
        y = self._money_facts(text, x0, inner, y)
        # three jobs figures on one screen: say in one sentence how they differ
        note = t("help.jobs_measures")
        size, floor = 14, min(14, math.ceil(13 / self.fonts.text_scale))
        while size > floor and self.wrapped_lines(note, size, inner) > 4:
            size -= 1
        y = (
            self.paragraph(
                surface, note, pygame.Rect(x0, y, inner, 0), size, palette.MUTED, max_lines=4
            )
            + 4
        )
        if not self.projector:  # a page of its own at the projector sizes
            draw_benchmarks(
                surface,
                self.report,
                self.t,
                self.fonts,
                text,
                pygame.Rect(x0, y, inner, right.bottom - y - 10),
            )

    def _money_facts(self, text: TextFn, x0: int, inner: int, y: int) -> int:
        """Projects, money spent and the three jobs figures, two to a line; returns the y
        below them."""
        r, t = self.report, self.t
        acc = r.jobs
        gross = acc.gross_total if acc is not None else r.gross_jobs
        net = acc.net_additional if acc is not None else r.net_additional_jobs
        cpnj = acc.cost_per_net_job if acc is not None else r.cost_per_net_job
        # cost per net job divides the cost of the OPEN projects only (the jobs account),
        # while money spent includes projects still being built: its label shows the cost
        # it divides, so the arithmetic can be checked on the screen
        cost_open = acc.cost_to_date if acc is not None else r.money_spent
        facts = [
            (t("report.projects"), str(len(r.projects))),
            (t("report.spent"), fmt.money(r.money_spent)),
            (t("jobs.gross"), fmt.count(gross)),
            (t("jobs.net"), fmt.count(net)),
            (
                t("report.cost_per_job_open", cost=fmt.money(cost_open)),
                fmt.money(cpnj) if cpnj else t("report.na"),
            ),
        ]
        half = inner // 2
        row_h = self.fonts.line_height(20, True) - 2
        cy = y
        for i, (label, value) in enumerate(facts):
            full = i >= 4  # the cost per net job, with what it divides, gets the whole width
            cx = x0 if full or i % 2 == 0 else x0 + half
            room = inner if full else half
            vw = self.fonts.size(value, 20, True)[0]
            lab = text(label + ":", (cx, cy + 1), 17, palette.MUTED, max_width=room - vw - 22)
            text(value, (lab.right + 6, cy), 20, palette.INK, True)
            if full or i % 2 == 1:
                cy += row_h
        return cy + 4

    def _draw_detail(self, surface: pygame.Surface, text: TextFn) -> None:
        r, t = self.report, self.t
        left = pygame.Rect(BODY.left, BODY.top, 560, BODY.height)
        panel(surface, left)
        self._boxes.append(left)
        text(
            t("report.industry_title"),
            (left.left + 16, left.top + 10),
            20,
            palette.INK,
            True,
            max_width=left.width - 32,
        )
        rows = sorted(
            r.jobs_by_industry, key=lambda j: (-abs(j.jobs_now - j.jobs_2021), j.section)
        )[:12]
        names = self.ctx.world.section_names if self.ctx.world_ready else {}
        data = [
            (
                f"{j.section} " + t.maybe(f"sic.{j.section}", names.get(j.section, "")),
                j.jobs_now - j.jobs_2021,
            )
            for j in rows
        ]
        charts_hbar.hbar_changes(
            surface,
            pygame.Rect(left.left + 16, left.top + 46, left.width - 32, left.height - 60),
            text,
            data,
            row_h=32,
        )
        right = pygame.Rect(left.right + 16, BODY.top, BODY.right - left.right - 16, BODY.height)
        self._boxes.pop()
        panel(surface, right)
        self._boxes.append(right)
        text(
            t("report.approval_title"),
            (right.left + 16, right.top + 10),
            20,
            palette.INK,
            True,
            max_width=right.width - 32,
        )
        # every group, a page at a time ("More groups 1/2"), none left out
        pages = self._group_pages()
        groups = pages[min(self.group_page, len(pages) - 1)]
        bars = [(group_name(self.ctx, g.group_id) or g.name, g.approval, g.change) for g in groups]
        charts.approval_bars(
            surface,
            pygame.Rect(right.left + 16, right.top + 46, right.width - 32, 0),
            text,
            bars,
            None,
            row_h=max(26, self.fonts.line_height(17, True) + 6),
        )
        self._boxes.pop()
