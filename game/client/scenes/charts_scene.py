"""Charts and views: population pyramid, jobs and unemployment against the baseline,
approval by group with the why-breakdown, your projects, and the area with its neighbours."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pygame

from game.client import charts, fmt, palette
from game.client.charts import TextFn
from game.client.context import AppContext
from game.client.dialogs import header, panel
from game.client.focus import Focusable
from game.client.mapview import MapView, neighbours_of, polygons_of
from game.client.rows import positions, share_row
from game.client.scene import H, Host, Scene, W
from game.client.scenes.charts_projects import draw_projects, more_button_width
from game.client.scenes.charts_projects import layout as projects_layout
from game.client.text import area_name, chart_labels, group_name, indicator_label
from game.play import ExplanationLine, GameSession

TABS = ("population", "jobs", "approval", "projects", "map")
BODY = pygame.Rect(24, 136, W - 48, H - 136 - 80)


class ChartsScene(Scene):
    name = "charts"

    def __init__(self, app: Host, tab: str = "population", group: str | None = None) -> None:
        super().__init__(app)
        self.tab = tab
        self.selected_group = group
        self.row_rects: list[pygame.Rect] = []
        self.group_ids: list[str] = []  # the groups on the approval list's current page
        self.group_page = -1  # the projector sizes page the list (every group, none cut)
        self.project_page = 0  # and the table of funded projects

    @property
    def s(self) -> GameSession:
        session = self.ctx.session
        assert session is not None, "the charts show a game"
        return session

    def build(self) -> None:
        t = self.t
        labels = [t(f"charts.tab.{tab}") for tab in TABS]
        widths, size = share_row(self.fonts, labels, W - 48)
        for tab, label, x, w in zip(TABS, labels, positions(24, widths), widths, strict=True):
            self.button(
                (x, 76, w, 48),
                label,
                functools.partial(self.set_tab, tab),
                cls="toggle_on" if tab == self.tab else "toggle_off",
                name=f"tab_{tab}",
                size=size,
            )
        if self.tab == "approval":
            self._approval_rows()
        if self.tab == "projects":
            self._project_pages()
        self.button((W - 224, H - 66, 200, 54), t("ui.back"), self.close, name="back")
        self.focus.set_by_name(f"tab_{self.tab}")

    def _approval_rows(self) -> None:
        approvals = self.s.approvals()
        sizes = self.s.area.groups
        every = sorted(approvals, key=lambda g: (-sizes.get(g, 0), g))
        if self.selected_group not in approvals and every:
            self.selected_group = every[0]
        top = BODY.top + 48
        row_h = min(26, (BODY.height - 56) // max(len(every), 1))
        # at the projector sizes a row keeps the height of its text; the list pages instead
        need = self.fonts.line_height(17, True) + 6
        if row_h < need and self.fonts.text_scale > 1.3:
            row_h = need
            per = max(1, (BODY.height - 56 - 56) // row_h)
            pages = [every[i : i + per] for i in range(0, len(every), per)]
            if self.group_page == -1:  # first build: the page holding the chosen group
                self.group_page = next(
                    (k for k, pg in enumerate(pages) if self.selected_group in pg), 0
                )
            self.group_page %= len(pages)
            every = pages[self.group_page]
            if self.selected_group not in every:
                self.selected_group = every[0]
            self.button(
                (BODY.left + 10, BODY.bottom - 52, 380, 44),
                self.t("report.more_groups", page=self.group_page + 1, pages=len(pages)),
                self.next_groups,
                cls="secondary",
                name="more_groups",
            )
        self.group_ids = every
        self.row_h = row_h
        self.row_rects = [
            pygame.Rect(BODY.left + 10, top + i * row_h, 640, row_h - 4)
            for i in range(len(self.group_ids))
        ]
        for gid, rect in zip(self.group_ids, self.row_rects, strict=True):
            select = functools.partial(self.select_group, gid)
            self.focus.add(
                Focusable(
                    rect_of=functools.partial(rect.inflate, 4, 2),
                    activate=select,
                    enabled=lambda: True,
                    name=f"group_{gid}",
                    on_focus=select,
                    ring=False,  # the row's own orange highlight shows the focus
                )
            )

    def next_groups(self) -> None:
        self.group_page += 1
        self.rebuild()

    def set_tab(self, tab: str) -> None:
        self.tab = tab
        self.rebuild(keep_focus=False)

    def select_group(self, gid: str) -> None:
        self.selected_group = gid

    def on_back(self) -> bool:
        self.close()
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        # number keys 1-5 jump straight to a tab
        if pygame.K_1 <= event.key <= pygame.K_5:
            self.set_tab(TABS[event.key - pygame.K_1])
            return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.tab == "approval" and event.type == pygame.MOUSEMOTION:
            for gid, rect in zip(self.group_ids, self.row_rects, strict=True):
                if rect.collidepoint(event.pos):
                    self.selected_group = gid
                    self.focus.set_by_name(f"group_{gid}")
        return super().handle_event(event)

    # -- drawing ---------------------------------------------------------------------------
    def draw_scene(self, surface: pygame.Surface) -> None:
        t, s = self.t, self.s
        surface.fill(palette.PAPER)
        header(
            self,
            surface,
            t("charts.title", area=area_name(self.ctx, s.area)),
            t("charts.year", year=s.year),
        )
        panel(surface, BODY)
        text = charts.Writer(functools.partial(self.text, surface), self.fonts)
        with self.within(BODY):
            self._pages()[self.tab](surface, text)
        self.text(
            surface,
            t("charts.model_note"),
            (24, H - 40),
            15,
            palette.MUTED,
            anchor="midleft",
            max_width=W - 224 - 24 - 40,
        )

    def _draw_population(self, surface: pygame.Surface, text: TextFn) -> None:
        t, s = self.t, self.s
        first_year = s.series("population")[0].year
        left = pygame.Rect(BODY.left + 20, BODY.top + 12, 560, BODY.height - 24)
        text(
            t("charts.pyramid_title", year=s.year, first=first_year),
            (left.left, left.top),
            22,
            palette.INK,
            True,
            max_width=left.width,
        )
        charts.pyramid(
            surface,
            left.inflate(0, -40).move(0, 20),
            text,
            s.pyramid(),
            s.pyramid(first_year),
            chart_labels(t),
        )
        right = pygame.Rect(BODY.left + 620, BODY.top + 12, BODY.width - 640, BODY.height - 24)
        self._series_chart(
            surface,
            text,
            right,
            "population",
            "charts.population_title",
            "charts.population_gap",
            fmt.count,
            0.04,
        )

    def _draw_jobs(self, surface: pygame.Surface, text: TextFn) -> None:
        half = (BODY.width - 60) // 2
        # the jobs count is the census's: taken in lockdown, so said under the chart
        note = self.t("charts.jobs_caveat")
        note_h = self.wrapped_lines(note, 15, half) * self.fonts.line_height(15)
        height = BODY.height - 24 - note_h - 4
        r1 = pygame.Rect(BODY.left + 20, BODY.top + 12, half, height)
        r2 = pygame.Rect(r1.right + 20, BODY.top + 12, half, height)
        self.paragraph(
            surface, note, pygame.Rect(r1.left, r1.bottom + 4, half, note_h), 15, palette.MUTED
        )
        self._series_chart(
            surface, text, r1, "jobs", "charts.jobs_title", "charts.jobs_gap", fmt.count, 0.06
        )
        self._series_chart(
            surface,
            text,
            r2,
            "unemployment_rate",
            "charts.unemployment_title",
            "charts.unemployment_gap",
            fmt.pct,
            None,
        )

    def _series_chart(
        self, surface, text, rect, indicator, title_key, gap_key, value_fmt, relative_span
    ) -> None:
        """Scenario, baseline and band for one indicator, with the gap to the baseline in
        words under the title: that gap is the point of the chart."""
        t, s = self.t, self.s
        ser = s.series(indicator)
        last = ser[-1]
        if relative_span is None:  # a rate: show percentage points
            span, gap = 0.02, fmt.points(100 * (last.scenario - last.baseline), 2)
        else:
            span, gap = relative_span * ser[0].scenario, fmt.signed(last.scenario - last.baseline)
        charts.line_chart(
            surface,
            rect,
            text,
            t(title_key),
            [p.year for p in ser],
            [p.scenario for p in ser],
            [p.baseline for p in ser],
            [p.low for p in ser],
            [p.high for p in ser],
            value_fmt,
            chart_labels(t),
            (ser[0].year, ser[0].year + s.years),
            min_span=span,
            subtitle=t(gap_key, year=last.year, gap=gap),
        )

    def _pages(self) -> dict[str, Callable[[pygame.Surface, TextFn], None]]:
        return {
            "population": self._draw_population,
            "jobs": self._draw_jobs,
            "approval": self._draw_approval,
            "projects": self._draw_projects,
            "map": self._draw_map,
        }

    def _approval_story(self) -> dict[str, tuple[float, float, list[ExplanationLine]]]:
        """Per group: (approval now, change since 2021, reasons since 2021). The engine's
        reasons add up exactly to the change, so the panel never contradicts the bar."""
        s = self.s
        key = ("approval_story", id(s), s.turn)
        story = self.ctx.cache.get(key)
        if story is None:
            report = s.census_report("final" if s.finished else "midterm")
            since = s.explanations_since_start
            now = s.approvals()
            story = {}
            for g in report.approvals:
                lines = list(since.get(g.group_id, {}).values()) or now[g.group_id][1]
                story[g.group_id] = (g.approval, g.change, lines)
            self.ctx.cache[key] = story
        return story

    def _draw_approval(self, surface: pygame.Surface, text: TextFn) -> None:
        t, s = self.t, self.s
        story = self._approval_story()
        text(
            t("charts.approval_title"),
            (BODY.left + 16, BODY.top + 10),
            22,
            palette.INK,
            True,
            max_width=650,
        )
        # with the census size when it fits; the name alone rather than a cut name
        name_room = min(340, 320) - 14
        rows = []
        for g in self.group_ids:
            name = group_name(self.ctx, g)
            full = f"{name} ({fmt.count(s.area.groups.get(g, 0))})"
            if self.fonts.size(full, 16, True)[0] > name_room:
                full = name
            rows.append((full, story[g][0], story[g][1]))
        sel = self.group_ids.index(self.selected_group) if self.selected_group in story else None
        charts.approval_bars(
            surface,
            pygame.Rect(BODY.left + 10, BODY.top + 48, 640, 0),
            text,
            rows,
            sel,
            row_h=self.row_h,
        )
        right = pygame.Rect(BODY.left + 690, BODY.top + 10, BODY.width - 710, BODY.height - 20)
        pygame.draw.line(
            surface, palette.RULE, (right.left - 16, right.top), (right.left - 16, right.bottom), 2
        )
        if self.selected_group not in story:
            return
        value, change, lines = story[self.selected_group]
        name = group_name(self.ctx, self.selected_group)
        text(
            t("charts.why_title", group=name),
            (right.left, right.top),
            22,
            palette.INK,
            True,
            max_width=right.width,
        )
        text(
            t(
                "charts.why_value",
                value=f"{value:.0f}",
                start=f"{value - change:.0f}",
                change=fmt.points(change),
            ),
            (right.left, right.top + 32),
            18,
            palette.INK,
            max_width=right.width,
        )
        text(
            t("charts.why_since"),
            (right.left, right.top + 60),
            16,
            palette.MUTED,
            max_width=right.width,
        )
        charts.why_breakdown(
            surface,
            pygame.Rect(right.left, right.top + 90, right.width, right.height - 100),
            text,
            [(indicator_label(self.ctx, ln), ln.delta) for ln in lines],
            t("charts.why_none"),
            max_rows=8,
            total=change,
            other_label=t("charts.why_other"),
        )

    def _draw_projects(self, surface: pygame.Surface, text: TextFn) -> None:
        more = self.find_button("more_projects")
        room = BODY.width - 32 - (more.rect.width + 16 if more is not None else 0)
        draw_projects(self, surface, text, self.s, BODY, self.project_page, room)

    def _project_pages(self) -> None:
        """At the projector sizes the projects page, with a button to the next page."""
        pages = projects_layout(self, self.s, BODY).pages
        if len(pages) < 2:
            return
        self.project_page %= len(pages)
        label = self.t("charts.more_projects", page=self.project_page + 1, pages=len(pages))
        w = more_button_width(self, label)
        self.button(
            (BODY.right - 16 - w, BODY.top + 8, w, 44),
            label,
            self.next_projects,
            cls="secondary",
            name="more_projects",
        )

    def next_projects(self) -> None:
        self.project_page += 1
        self.rebuild()

    def _draw_map(self, surface: pygame.Surface, text: TextFn) -> None:
        t, s = self.t, self.s
        ctx = self.ctx
        members = list(s.area.members or (s.area.code,))
        view, flows = _neighbour_map(ctx, members)
        view.draw(surface)
        view.outline(surface, members, palette.INK, 3)
        world = ctx.world
        text(
            t("charts.map_title"),
            (BODY.left + 16, BODY.top + 10),
            22,
            palette.INK,
            True,
            max_width=BODY.width - 500,
        )
        # Numbered markers on the map, names and commuter counts in a list beside it:
        # labels on the map itself collide for small councils.
        x0 = BODY.right - 470
        w = BODY.right - 16 - x0
        y = BODY.top + 14
        y = (
            self.paragraph(
                surface,
                t("charts.map_you", area=area_name(self.ctx, s.area)),
                pygame.Rect(x0, y, w, 0),
                19,
                palette.BAD_TEXT,
                True,
                2,
            )
            + 6
        )
        note = t("charts.map_note")
        note_size = 15
        note_h = self.wrapped_lines(note, note_size, w) * self.fonts.line_height(note_size)
        entry = self.fonts.line_height(18, True) + self.fonts.line_height(15) + 4
        room = max(1, (BODY.bottom - 12 - note_h - y) // entry)
        for i, (n, code) in enumerate(flows[: min(9, room)], start=1):
            pos = view.centre(code)
            if pos is not None:
                pygame.draw.circle(surface, palette.INK, pos, 14)
                text(str(i), pos, 16, palette.HEADER_TEXT, True, "center")
            pygame.draw.circle(surface, palette.INK, (x0 + 14, y + 12), 14)
            text(str(i), (x0 + 14, y + 12), 16, palette.HEADER_TEXT, True, "center")
            text(
                area_name(ctx, world.areas[code]),
                (x0 + 38, y),
                18,
                palette.INK,
                True,
                max_width=w - 38,
            )
            text(
                t("charts.commuters", n=fmt.count(n)),
                (x0 + 38, y + entry - 4 - self.fonts.line_height(15)),
                15,
                palette.MUTED,
                max_width=w - 38,
            )
            y += entry
        self.paragraph(
            surface,
            note,
            pygame.Rect(x0, BODY.bottom - 10 - note_h, w, note_h),
            note_size,
            palette.MUTED,
        )


def _neighbour_map(ctx: AppContext, members: list[str]) -> tuple[MapView, list[tuple[int, str]]]:
    """The area, the councils touching it and the places most of its workers commute to."""
    key = ("neighbours", tuple(members))
    cached = ctx.cache.get(key)
    if cached is None:
        mapdata, world = ctx.mapdata, ctx.world
        idx = world.index
        nb = neighbours_of(mapdata)
        touching = {c for m in members for c in nb.get(m, ())} - set(members)
        out = world.commute_matrix[[idx[m] for m in members]].sum(axis=0)
        by_flow = sorted(
            ((int(out[idx[c]]), c) for c in world.codes if c not in members), reverse=True
        )
        near = touching | {c for _, c in by_flow[:4]}
        flows = sorted(((int(out[idx[c]]), c) for c in near), reverse=True)
        rect = pygame.Rect(BODY.left + 10, BODY.top + 44, BODY.width - 500, BODY.height - 54)
        view = MapView(polygons_of(mapdata), rect, codes=sorted(near | set(members)))
        colours = {c: palette.VERMILION if c in members else (215, 228, 238) for c in view.codes}
        view.render(colours, edge=palette.MUTED)
        cached = (view, flows)
        ctx.cache[key] = cached
    return cached
