"""The year screen in a class game (issue 12): the same cards and figures, with the round's
countdown where "End year" was (the year ends for every team when the teacher or the clock
says, so a team has no button for it) and no Undo (the hub takes each decision as final).
Each decision goes to the hub first and shows here once the hub has taken it."""

from __future__ import annotations

import pygame

from game.client.classplay import ClassPlay, Decision
from game.client.countdown import draw_countdown
from game.client.scene import H, Host, W
from game.client.scenes.year.scene import YearScene
from game.client.text import reason_text
from game.play import Defer, Fund, Reject

BANNER = pygame.Rect(W - 304, H - 70, 280, 62)


def wait_reason(scene: YearScene, play: ClassPlay) -> str:
    """Why no decision can be sent now ("" when one can)."""
    if play.phase == "paused":
        return scene.t("class.wait.paused")
    if play.phase != "playing":
        return scene.t("class.wait.start")
    return ""


class ClassYearScene(YearScene):
    name = "class_year"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.decision: Decision | None = None
        self._built_for = app.ctx.session
        self._said: tuple[str, str] = ("", "")  # the message key and card title to show

    @property
    def play(self) -> ClassPlay:
        play = self.ctx.class_game
        assert isinstance(play, ClassPlay), "the class year screen needs a class game"
        return play

    def build(self) -> None:
        self._built_for = self.ctx.session  # the mirror these cards were built from
        super().build()
        for name in ("end_year", "undo"):
            b = self.find_button(name)
            if b is not None:
                b.disable()
                b.kill()
                del self._actions[b]
        self.focus.ensure_usable()

    def _act(self, action: Fund | Reject | Defer, ok_key: str, title: str) -> None:
        if self.decision is not None:
            return  # one decision on its way at a time
        why = wait_reason(self, self.play)
        if why:
            self.status, self.status_ok, self.status_hint = why, False, False
            return
        if not self.s.check(action).ok:
            super()._act(action, ok_key, title)  # refused by the same rules here: says why
            return
        self.decision = self.play.decide(action, self.s)
        self._said = (ok_key, title)
        self.status, self.status_ok, self.status_hint = self.t("class.sending"), True, False

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.ctx.session is not self._built_for and self.ctx.session is not None:
            self.rebuild()  # the mirror was rebuilt from the hub's save: its cards now
        d = self.decision
        if d is None or not d.settled:
            return
        self.decision = None
        key, title = self._said
        if d.result is None:
            self.status, self.status_ok = self.t("class.not_sent", reason=d.error), False
        elif not d.result.ok:
            self.status, self.status_ok = reason_text(self.ctx, d.result), False
        else:
            year = self.s.funded[-1].opens_year if key == "year.funded" and self.s.funded else 0
            self.status, self.status_ok = self.t(key, title=title, year=year), True
            if key == "year.funded":
                self.ctx.play_sound("fund")
        self.rebuild()
        if d.result is not None and d.result.ok and isinstance(d.action, Fund | Reject):
            # the card is gone: the focus goes to Charts, never to the next card's Fund (a
            # double Enter must not fund two projects; there is no Undo in a class game)
            self.focus.set_by_name("charts", notify=False)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        draw_countdown(self, surface, BANNER, self.play.clock_phase, self.play.remaining())
