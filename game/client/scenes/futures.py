"""What if? Going back to an earlier year (GoBackDialog) and the two futures side by side
(FuturesScene): the same headline figures for both lines and both lines on shared axes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import pygame

from game.client import charts, fmt, palette
from game.client.dialogs import header, panel
from game.client.scene import H, Host, Modal, Scene, W
from game.client.text import area_name
from game.play.branches import Futures, futures, go_back

LINE_A, LINE_B = palette.SCENARIO, (196, 80, 42)  # this game, the kept line


class GoBackDialog(Modal):
    """Choose the year to go back to; the game played so far is kept."""

    name = "go_back"
    box = pygame.Rect(200, 120, 880, 480)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        if self.fonts.text_scale > 1.3:  # the projector sizes: room for the words
            self.box = pygame.Rect(120, 80, 1040, 580)

    def _years_top(self) -> int:
        """The year buttons go below the words (two rows of five, then Back)."""
        return self.box.bottom - 84 - 2 * 76 - 16

    def build(self) -> None:
        s = self.ctx.session
        assert s is not None
        b = self.box
        start = s.year - s.turn
        left = b.centerx - (5 * 164 - 14) // 2
        for i, turn in enumerate(range(s.turn)):
            col, row = i % 5, i // 5
            self.button(
                (left + col * 164, self._years_top() + row * 76, 150, 60),
                str(start + turn),
                functools.partial(self._go, turn),
                name=f"year_{start + turn}",
            )
        self.button(
            (b.centerx - 130, b.bottom - 84, 260, 58),
            self.t("ui.back"),
            lambda: self.close(None),
            cls="secondary",
            name="cancel",
        )
        self.focus.set_by_name("cancel")

    def _go(self, turn: int) -> None:
        ctx = self.ctx
        assert ctx.session is not None
        ctx.session = go_back(ctx.world, ctx.session, turn, self.t("whatif.first_game"))
        ctx.autosave()
        self.app.stack.reset(self.app.screens.year())

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b = self.box
        with self.within(b):
            self.text(
                surface,
                self.t("whatif.title"),
                (b.left + 32, b.top + 28),
                28,
                palette.INK,
                bold=True,
                max_width=b.width - 64,
            )
            top = b.top + 28 + self.fonts.line_height(28, True) + 12
            body = self.t("whatif.body")
            room = pygame.Rect(b.left + 32, top, b.width - 64, self._years_top() - 12 - top)
            self.paragraph(surface, body, room, self.paragraph_size(body, 20, room))


class FuturesScene(Scene):
    """This game (blue) and the kept line (orange): headline figures and two charts. At the
    projector sizes the figures and the charts take turns on the whole screen (More)."""

    name = "futures"

    def __init__(self, app: Host, data: Futures | None = None) -> None:
        super().__init__(app)
        s = app.ctx.session
        if data is None:
            assert s is not None, "two futures need a game or their data"
            data = futures(app.ctx.world, s)
        self.data = data
        self.part = 0  # the projector sizes: the figures (0) or the charts (1)

    @property
    def projector(self) -> bool:
        return self.fonts.text_scale > 1.3

    def build(self) -> None:
        self.button(
            (W - 344, H - 66, 320, 54), self.t("ui.back"), self.close, cls="big", name="done"
        )
        if self.projector:
            self.button(
                (W - 344 - 300, H - 66, 284, 54),
                self.t("help.more"),
                self.next_part,
                cls="secondary",
                name="more",
            )
        self.focus.set_by_name("done")

    def next_part(self) -> None:
        self.part = 1 - self.part

    def on_back(self) -> bool:
        self.close()
        return True

    def draw_scene(self, surface: pygame.Surface) -> None:
        d, t = self.data, self.t
        surface.fill(palette.PAPER)
        header(
            self,
            surface,
            t("futures.title", year=d.went_back_to),
            area_name(self.ctx, self.ctx.session.area) if self.ctx.session else "",
        )
        if not self.projector:
            self._table(surface, pygame.Rect(24, 84, 560, H - 84 - 84))
            self._chart(surface, pygame.Rect(608, 84, W - 632, 280), "population")
            self._chart(surface, pygame.Rect(608, 376, W - 632, 260), "jobs")
        elif self.part == 0:
            self._table(surface, pygame.Rect(24, 84, W - 48, H - 84 - 84))
        else:
            self._chart(surface, pygame.Rect(24, 84, W - 48, 270), "population")
            self._chart(surface, pygame.Rect(24, 366, W - 48, 270), "jobs")

    def _table(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        d, t = self.data, self.t
        panel(surface, rect)
        f = self.fonts
        rows = [(key, a, b, self._shown(key)) for key, a, b in d.rows()]
        values = [show(v) for _, a, b, show in rows for v in (a, b) if v is not None]
        # each figure column is as wide as its widest figure or heading
        heads = (t("futures.this_game"), d.b.label)
        col = max(
            [f.size(v, 20, True)[0] for v in values] + [f.size(h, 18, True)[0] for h in heads]
        )
        col = min(col + 24, (rect.width - 40) // 3)
        x_b = rect.right - 20
        x_a = x_b - col
        label_w = x_a - col - rect.left - 20 - 12
        y = rect.top + 20
        with self.within(rect):
            self.text(surface, heads[0], (x_a, y), 18, LINE_A, True, "topright", max_width=col)
            self.text(surface, heads[1], (x_b, y), 18, LINE_B, True, "topright", max_width=col)
            y += f.line_height(18, True) + 12
            note = t("futures.note", year=d.went_back_to)
            # the rows spread over the room the note leaves (up to 52 px apart, as at 100%)
            note_h = self.wrapped_lines(note, 16, rect.width - 40) * f.line_height(16)
            tight = max(f.line_height(20, True), f.line_height(18)) + 10
            step = max(tight, min(52, (rect.bottom - 24 - note_h - y) // len(rows)))
            for key, a, b, show in rows:
                label = t(f"futures.row.{key}")
                self.text(surface, label, (rect.left + 20, y), 18, palette.INK, max_width=label_w)
                for x, v in ((x_a, a), (x_b, b)):
                    text = "–" if v is None else show(v)
                    self.text(surface, text, (x, y), 20, palette.INK, True, "topright")
                y += step
            room = pygame.Rect(rect.left + 20, y + 6, rect.width - 40, rect.bottom - 10 - y - 6)
            self.paragraph(surface, note, room, self.paragraph_size(note, 16, room))

    @staticmethod
    def _shown(key: str) -> Callable[[float], str]:
        if key in ("cost_per_net_job", "money_spent"):
            return fmt.money
        if key == "approval_overall":  # the share of people who approve, as the verdict says
            return lambda v: f"{v:,.0f}%"
        return lambda v: f"{v:,.0f}"

    def _chart(self, surface: pygame.Surface, rect: pygame.Rect, indicator: str) -> None:
        d, t = self.data, self.t
        panel(surface, rect)
        a = d.a.population_series if indicator == "population" else d.a.jobs_series
        b = d.b.population_series if indicator == "population" else d.b.jobs_series
        self.text(
            surface,
            t(f"futures.chart.{indicator}"),
            (rect.left + 16, rect.top + 10),
            20,
            palette.INK,
            True,
            max_width=rect.width - 32,
        )
        values = [p.scenario for p in a] + [p.scenario for p in b] + [p.baseline for p in a]
        ticks = charts.nice_ticks(min(values), max(values))
        lo, hi = ticks[0], ticks[-1]
        # the plot leaves room for its tick labels at this text size (left and below)
        f = self.fonts
        left = max(f.size(f"{v:,.0f}", 14)[0] for v in ticks) + 16
        top = rect.top + 10 + f.line_height(20, True) + f.line_height(14) // 2 + 4
        bottom = rect.bottom - 8 - f.line_height(14) - 6
        plot = pygame.Rect(rect.left + left, top, rect.width - left - 24, bottom - top)
        years = [p.year for p in a] + [p.year for p in b]
        y0, y1 = min(years), max(max(years), min(years) + 1)

        def xy(year: float, v: float) -> tuple[int, int]:
            x = plot.left + (year - y0) / (y1 - y0) * plot.width
            return int(x), int(plot.bottom - (v - lo) / max(hi - lo, 1e-9) * plot.height)

        pygame.draw.rect(surface, palette.CARD, plot)
        with self.within(rect):
            for v in ticks:
                pygame.draw.line(surface, palette.RULE, xy(y0, v), xy(y1, v), 1)
                self.text(
                    surface,
                    f"{v:,.0f}",
                    (plot.left - 8, xy(y0, v)[1]),
                    14,
                    palette.MUTED,
                    anchor="midright",
                )
            back = d.went_back_to  # where the two lines part
            pygame.draw.line(surface, palette.RULE, xy(back, lo), xy(back, hi), 2)
            for year in sorted({y0, back, y1}):
                # the end years sit inside the plot's width, clear of the value labels
                anchor = {y0: "topleft", y1: "topright"}.get(year, "midtop")
                self.text(
                    surface,
                    str(year),
                    (xy(year, lo)[0], plot.bottom + 6),
                    14,
                    palette.MUTED,
                    anchor=anchor,
                )
        _dashed(surface, [xy(p.year, p.baseline) for p in a], palette.BASELINE)
        _draw(surface, [xy(p.year, p.scenario) for p in b], LINE_B, 4)
        _draw(surface, [xy(p.year, p.scenario) for p in a], LINE_A, 4)


def _dashed(surface: pygame.Surface, points: Sequence[tuple[int, int]], colour) -> None:
    """The baseline: short dashes along each segment."""
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        n = max(int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 // 10), 1)
        for k in range(0, n, 2):
            a = (x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n)
            b = (x0 + (x1 - x0) * (k + 1) / n, y0 + (y1 - y0) * (k + 1) / n)
            pygame.draw.line(surface, colour, a, b, 2)


def _draw(surface: pygame.Surface, points: Sequence[tuple[int, int]], colour, width: int) -> None:
    if len(points) >= 2:
        pygame.draw.lines(surface, colour, False, list(points), width)
