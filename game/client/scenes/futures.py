"""What if? Going back to an earlier year (GoBackDialog) and the two futures side by side
(FuturesScene): the same headline figures for both lines and both lines on shared axes."""

from __future__ import annotations

import functools
from collections.abc import Sequence

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

    def build(self) -> None:
        s = self.ctx.session
        assert s is not None
        b = self.box
        start = s.year - s.turn
        for i, turn in enumerate(range(s.turn)):
            col, row = i % 5, i // 5
            self.button(
                (b.left + 40 + col * 164, b.top + 190 + row * 76, 150, 60),
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
            self.paragraph(
                surface,
                self.t("whatif.body"),
                pygame.Rect(b.left + 32, b.top + 84, b.width - 64, 90),
                20,
                max_lines=3,
            )


class FuturesScene(Scene):
    """This game (blue) and the kept line (orange): headline figures and two charts."""

    name = "futures"

    def __init__(self, app: Host, data: Futures | None = None) -> None:
        super().__init__(app)
        s = app.ctx.session
        if data is None:
            assert s is not None, "two futures need a game or their data"
            data = futures(app.ctx.world, s)
        self.data = data

    def build(self) -> None:
        self.button(
            (W - 344, H - 66, 320, 54), self.t("ui.back"), self.close, cls="big", name="done"
        )
        self.focus.set_by_name("done")

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
        self._table(surface, pygame.Rect(24, 84, 560, H - 84 - 84))
        self._chart(surface, pygame.Rect(608, 84, W - 632, 280), "population")
        self._chart(surface, pygame.Rect(608, 376, W - 632, 260), "jobs")

    def _table(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        d, t = self.data, self.t
        panel(surface, rect)
        x_a, x_b = rect.left + 330, rect.left + 450
        y = rect.top + 20
        self.text(surface, t("futures.this_game"), (x_a, y), 18, LINE_A, True, "topright")
        self.text(surface, d.b.label, (x_b + 90, y), 18, LINE_B, True, "topright", max_width=160)
        y += 40
        for key, a, b in d.rows():
            money = key in ("cost_per_net_job", "money_spent")
            show = fmt.money if money else (lambda v: f"{v:,.0f}")
            self.text(
                surface,
                t(f"futures.row.{key}"),
                (rect.left + 20, y),
                18,
                palette.INK,
                max_width=220,
            )
            for x, v in ((x_a, a), (x_b + 90, b)):
                self.text(
                    surface,
                    "–" if v is None else show(v),
                    (x, y),
                    20,
                    palette.INK,
                    True,
                    "topright",
                )
            y += 52
        self.paragraph(
            surface,
            t("futures.note", year=d.went_back_to),
            pygame.Rect(rect.left + 20, rect.bottom - 90, rect.width - 40, 80),
            16,
            max_lines=3,
        )

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
        plot = pygame.Rect(rect.left + 90, rect.top + 44, rect.width - 110, rect.height - 84)
        values = [p.scenario for p in a] + [p.scenario for p in b] + [p.baseline for p in a]
        ticks = charts.nice_ticks(min(values), max(values))
        lo, hi = ticks[0], ticks[-1]
        years = [p.year for p in a] + [p.year for p in b]
        y0, y1 = min(years), max(max(years), min(years) + 1)

        def xy(year: float, v: float) -> tuple[int, int]:
            x = plot.left + (year - y0) / (y1 - y0) * plot.width
            return int(x), int(plot.bottom - (v - lo) / max(hi - lo, 1e-9) * plot.height)

        pygame.draw.rect(surface, palette.CARD, plot)
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
            self.text(
                surface,
                str(year),
                (xy(year, lo)[0], plot.bottom + 6),
                14,
                palette.MUTED,
                anchor="midtop",
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
