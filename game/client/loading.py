"""Waiting on background work (census loading, starting or resuming a game) without
freezing the window: the job runs in a thread and this scene polls it every frame."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import pygame

from game.client import palette
from game.client.context import run_in_background
from game.client.scene import H, Host, Scene, W

log = logging.getLogger(__name__)


class LoadingScene(Scene):
    name = "loading"

    def __init__(
        self,
        app: Host,
        message: str,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(app)
        self.message = message
        self._fn = job
        self.on_done = on_done
        self.on_error = on_error
        self.job: Future[Any] | None = None
        self.clock = 0.0

    def on_enter(self) -> None:
        super().on_enter()
        self.job = run_in_background(self._fn, self.ctx.threaded)

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.job is None or not self.job.done():
            return
        job, self.job = self.job, None
        error = job.exception()
        if error is not None:
            log.error("a background job failed", exc_info=error)
            if self.on_error:
                self.on_error(error)
            else:
                raise error
        else:
            self.on_done(job.result())

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        # the message shrinks to the screen's width (Welsh at 200%), never cut
        self.text(
            surface,
            self.message,
            (W // 2, H // 2 - 60),
            self.fit_size(self.message, 30, W - 80, True, floor=7),
            palette.INK,
            True,
            "center",
        )
        spin = self.clock * 4 if self.ctx.animate else 0.0
        for i in range(8):
            a = spin + i * math.pi / 4
            col = palette.BLUE if i == 0 else palette.RULE
            x = W // 2 + int(34 * math.cos(a))
            y = H // 2 + 20 + int(34 * math.sin(a))
            pygame.draw.circle(surface, col, (x, y), 8)
