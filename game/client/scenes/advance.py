"""The turn of the year: the engine runs in a worker thread while this short, skippable
transition keeps drawing, so the window never freezes; then the autosave is written."""

from __future__ import annotations

import logging
from concurrent.futures import Future

import pygame

from game.client import palette
from game.client.context import run_in_background
from game.client.dialogs import MessageDialog
from game.client.scene import H, Host, Scene, W
from game.play import GameSession, YearSummary

log = logging.getLogger(__name__)

MIN_SECONDS = 1.2  # long enough to read "2024 -> 2025", short enough not to bore


class AdvanceScene(Scene):
    name = "advance"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        s = app.ctx.session
        assert s is not None, "the turn of the year needs a game"
        self.session: GameSession = s
        self.from_year = s.year
        self.clock = 0.0
        self.skip = False
        self.job: Future[YearSummary] | None = None
        self.building = sum(1 for p in s.funded if p.status == "building")

    def on_enter(self) -> None:
        super().on_enter()
        ctx, session = self.ctx, self.session

        def work() -> YearSummary:
            summary = session.advance_year()
            ctx.autosave()
            return summary

        self.job = run_in_background(work, ctx.threaded)

    def build(self) -> None:
        self.button(
            (W // 2 - 110, H - 120, 220, 54),
            self.t("advance.skip"),
            self.request_skip,
            cls="secondary",
            name="skip",
        )

    def request_skip(self) -> None:
        self.skip = True

    def on_back(self) -> bool:
        self.skip = True
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.skip = True
        return super().handle_event(event)

    @property
    def progress(self) -> float:
        if not self.ctx.animate:
            return 1.0 if self.job and self.job.done() else 0.5
        return min(1.0, self.clock / MIN_SECONDS)

    def update(self, dt: float) -> None:
        self.clock += dt
        job = self.job
        if job is None or not job.done():
            return
        finished_showing = self.skip or not self.ctx.animate or self.clock >= MIN_SECONDS
        if not finished_showing:
            return
        self.job = None
        error = job.exception()
        if error is not None:
            log.error("the year's simulation failed", exc_info=error)
            self.app.stack.pop()
            self.app.stack.push(MessageDialog(self.app, self.t("advance.failed"), str(error)))
            return
        self.app.stack.replace(self.app.screens.newspaper(job.result()))

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.HEADER)
        p = self.progress
        y0, y1 = str(self.from_year), str(self.from_year + 1)
        cx, cy = W // 2, H // 2 - 60
        # two calendar pages: the old year slides up and fades as the new one arrives
        shift = int(80 * p)
        old = self.fonts.render(y0, 120, (120, 150, 175), True)
        new = self.fonts.render(y1, 120, palette.HEADER_TEXT, True)
        surface.blit(old, old.get_rect(center=(cx - 230, cy - shift // 2)))
        self.drawn_text.append(y0)
        self.text(surface, "→", (cx, cy), 80, palette.ORANGE, True, "center")
        surface.blit(new, new.get_rect(center=(cx + 230, cy + 40 - shift // 2)))
        self.drawn_text.append(y1)
        bar = pygame.Rect(W // 2 - 300, H // 2 + 80, 600, 18)
        pygame.draw.rect(surface, (40, 90, 120), bar, border_radius=9)
        pygame.draw.rect(
            surface, palette.ORANGE, (bar.left, bar.top, int(bar.width * p), 18), border_radius=9
        )
        msg = (
            self.t("advance.building", n=self.building)
            if self.building
            else self.t("advance.working")
        )
        self.text(surface, msg, (W // 2, H // 2 + 130), 22, palette.HEADER_TEXT, False, "center")
