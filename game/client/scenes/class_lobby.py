"""The class game's lobby (issue 12): where a team waits for the teacher to start each year,
with the class's area, the teams joined, any shock the teacher threw in the break, and the
last year's newspaper; after the last round, the team's final report. The year screen opens
over it by itself when a round starts (game.client.classplay moves the screens)."""

from __future__ import annotations

import math

import pygame

from game.client import palette
from game.client.classplay import PLAYING, ClassPlay
from game.client.countdown import draw_countdown
from game.client.dialogs import ConfirmDialog, header, panel
from game.client.scene import H, Scene, W
from game.client.text import area_name, shock_text

BANNER = pygame.Rect(W - 24 - 300, 78, 300, 70)


class ClassLobbyScene(Scene):
    name = "class_lobby"

    def __init__(self, app) -> None:  # noqa: ANN001 - the Host, as every scene's
        super().__init__(app)
        self._shown: tuple[bool, bool] = (False, False)

    @property
    def play(self) -> ClassPlay:
        play = self.ctx.class_game
        assert isinstance(play, ClassPlay), "the lobby needs a class game"
        return play

    def _offers(self) -> tuple[bool, bool]:
        """(the last newspaper can be read again, the final report is ready)."""
        s = self.ctx.session
        current = self.play.current(self.ctx)
        news = current and s is not None and bool(s.summaries)
        final = current and s is not None and s.finished
        return news, final

    def build(self) -> None:
        t = self.t
        self._shown = news, final = self._offers()
        y, x = H - 78, 24
        if final:
            self.button(
                (x, y, 380, 58), t("class.lobby.report"), self.report, cls="big", name="report"
            )
            x += 396
        if news:
            self.button(
                (x, y, 400, 58), t("class.lobby.news"), self.news, cls="secondary", name="news"
            )
        self.button(
            (W - 24 - 300, y, 300, 58),
            t("class.lobby.leave"),
            self.leave,
            cls="secondary",
            name="leave",
        )
        self.focus.ensure_usable()

    def update(self, dt: float) -> None:
        if self._offers() != self._shown:
            self.rebuild()

    def news(self) -> None:
        s = self.ctx.session
        if s is not None and s.summaries:
            self.app.stack.push(self.app.screens.newspaper(s.summaries[-1]))

    def report(self) -> None:
        self.app.stack.push(self.app.screens.report("final"))

    def leave(self) -> None:
        """To the title, once the pupil says so (the safe answer has the focus); the hub
        keeps the team's game (join again with the same name)."""
        t = self.t
        dialog = ConfirmDialog(
            self.app,
            t("class.leave.title"),
            t("class.leave.body"),
            t("class.leave.yes"),
            t("class.leave.no"),
        )
        self.app.stack.push(dialog, on_result=lambda yes: self._leave() if yes else None)

    def _leave(self) -> None:
        self.play.leave(self.ctx)
        self.app.stack.reset(self.app.screens.title())

    def on_back(self) -> bool:
        return True  # Escape does not leave the class by accident: the button does

    # -- drawing -------------------------------------------------------------------------
    def headline(self) -> str:
        play, t = self.play, self.t
        st = play.state.status
        if play.error:
            return t("class.lobby.lost", reason=play.error)
        if st.phase == "debrief":
            return t("class.lobby.over")
        if play.busy or (st.phase in PLAYING and not play.current(self.ctx)):
            return t("class.lobby.fetching")
        if st.phase in PLAYING:
            return t("class.lobby.started", n=st.round, total=st.rounds, year=play.state.year)
        return t("class.lobby.waiting", n=st.round + 1, total=st.rounds, year=play.state.year)

    def draw_scene(self, surface: pygame.Surface) -> None:
        play, t = self.play, self.t
        st = play.state.status
        surface.fill(palette.PAPER)
        header(self, surface, st.name, t("class.lobby.team", team=play.team))
        playing = st.phase in PLAYING
        width = (BANNER.left - 24 - 24) if playing else W - 48
        col = palette.BAD_TEXT if play.error else palette.INK
        # the headline takes two lines at most, shrinking first (Welsh, the projector sizes)
        head = self.headline()
        size = 30
        while size > 18 and self.wrapped_lines(head, size, width, True) > 2:
            size -= 1
        y = self.paragraph(surface, head, pygame.Rect(24, 80, width, 0), size, col, True, 2)
        y = self.paragraph(
            surface,
            self._area_line(),
            pygame.Rect(24, max(y + 6, BANNER.bottom + 8 if playing else 0), W - 48, 0),
            20,
            palette.MUTED,
            max_lines=2,
        )
        if playing:
            draw_countdown(self, surface, BANNER, play.clock_phase, play.remaining())
        top = max(200, y + 14)
        bottom = H - 96
        self._teams(surface, pygame.Rect(24, top, 560, bottom - top))
        self._side(surface, pygame.Rect(600, top, W - 600 - 24, bottom - top))

    def _area_line(self) -> str:
        """The place every team plays (or, when each has its own, this team's)."""
        play, st = self.play, self.play.state.status
        mine = next((team.area_name for team in st.teams if team.name == play.team), None)
        area = st.area_name if not st.each_own_area else mine or st.area_name
        if self.ctx.session is not None:
            area = area_name(self.ctx, self.ctx.session.area)  # in the player's language
        key = "class.lobby.own_area" if st.each_own_area else "class.lobby.area"
        minutes = st.round_seconds / 60
        # "1 minute", "4 minutes", "1.5 minutes": the form by the number as shown
        return self.t.plural(key, 1 if minutes == 1 else 2, area=area, minutes=f"{minutes:g}")

    def _teams(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        play, t, f = self.play, self.t, self.fonts
        panel(surface, r)
        with self.within(r):
            names = [team.name for team in play.state.status.teams]
            head = self.text(
                surface,
                t("class.lobby.teams", n=len(names)),
                (r.left + 16, r.top + 10),
                22,
                palette.INK,
                True,
                max_width=r.width - 32,
            )
            top = head.bottom + 6
            lh = f.line_height(20, True) + 2
            rows = max(1, (r.bottom - 8 - top) // lh)
            cols = 1 if len(names) <= rows else 2
            cw = (r.width - 32) // cols
            labels = [t("class.lobby.you", team=n) if n == play.team else n for n in names]
            # one size for every name (the longest decides), never one name smaller
            size = min([self.fit_size(x, 20, cw - 12, True) for x in labels] or [20])
            for i, (name, label) in enumerate(list(zip(names, labels, strict=True))[: rows * cols]):
                c, row = divmod(i, rows)
                mine = name == play.team
                self.text(
                    surface,
                    label,
                    (r.left + 16 + c * cw, top + row * lh),
                    size,
                    palette.HEADER if mine else palette.INK,
                    mine,
                    max_width=cw - 12,
                )

    def _side(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """The shock the teacher threw this break, or how a class game runs."""
        st, t, f = self.play.state.status, self.t, self.fonts
        shock = st.shock if st.phase in ("lobby", "between") else None
        panel(surface, r, fill=(252, 240, 226) if shock else (236, 241, 246))
        inner = r.inflate(-32, -20)
        with self.within(r):
            title = t("class.lobby.shock") if shock else t("class.lobby.how")
            y = self.paragraph(surface, title, inner, 22, palette.INK, True, max_lines=2) + 4
            if shock:
                name = shock_text(self.ctx, shock.id, "name", shock.name)
                about = shock_text(self.ctx, shock.id, "description", shock.description)
                body = f"{name}. {about} {t('class.lobby.shock_news')}"
            else:
                body = t("class.lobby.how_body")
            # smaller type (not below the 13 px floor) before any of it is cut
            size, floor = 18, min(18, math.ceil(13 / f.text_scale))
            room = inner.bottom - y
            while (
                size > floor
                and self.wrapped_lines(body, size, inner.width) * f.line_height(size) > room
            ):
                size -= 1
            lines = max(1, room // f.line_height(size))
            box = pygame.Rect(inner.left, y, inner.width, 0)
            self.paragraph(surface, body, box, size, palette.INK, max_lines=lines)
