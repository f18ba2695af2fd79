"""The class game's lobby (issue 12): where a team waits for the teacher to start each year,
with the class's area, the teams joined, any shock the teacher threw in the break, and the
last year's newspaper; after the last round, the team's final report. The year screen opens
over it by itself when a round starts (game.client.classplay moves the screens)."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.classplay import PLAYING, ClassPlay
from game.client.countdown import draw_countdown
from game.client.dialogs import header, panel
from game.client.scene import H, Scene, W
from game.client.text import area_name

BANNER = pygame.Rect(W - 24 - 300, 80, 300, 70)
TEAMS = pygame.Rect(24, 250, 560, H - 250 - 96)
SIDE = pygame.Rect(600, 250, W - 600 - 24, H - 250 - 96)


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
                (x, y, 380, 58), t("class.lobby.news"), self.news, cls="secondary", name="news"
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
        """To the title; the hub keeps the team's game (join again with the same name)."""
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
        y = self.paragraph(
            surface, self.headline(), pygame.Rect(24, 84, width, 0), 30, col, True, max_lines=2
        )
        area = area_name(self.ctx, self.ctx.session.area) if self.ctx.session else st.area_name
        minutes = f"{st.round_seconds / 60:g}"
        self.paragraph(
            surface,
            t("class.lobby.area", area=area, minutes=minutes),
            pygame.Rect(24, max(y + 8, 170), width, 0),
            20,
            palette.MUTED,
            max_lines=2,
        )
        if playing:
            draw_countdown(self, surface, BANNER, st.phase, play.remaining())
        self._teams(surface)
        self._side(surface)

    def _teams(self, surface: pygame.Surface) -> None:
        play, t, f = self.play, self.t, self.fonts
        r = TEAMS
        panel(surface, r)
        with self.within(r):
            names = [team.name for team in play.state.status.teams]
            top = (
                self.text(
                    surface,
                    t("class.lobby.teams", n=len(names)),
                    (r.left + 16, r.top + 12),
                    22,
                    palette.INK,
                    True,
                    max_width=r.width - 32,
                ).bottom
                + 8
            )
            lh = f.line_height(20, True) + 4
            rows = max(1, (r.bottom - 12 - top) // lh)
            cols = 1 if len(names) <= rows else 2
            cw = (r.width - 32) // cols
            for i, name in enumerate(names[: rows * cols]):
                c, row = divmod(i, rows)
                mine = name == play.team
                label = t("class.lobby.you", team=name) if mine else name
                self.text(
                    surface,
                    label,
                    (r.left + 16 + c * cw, top + row * lh),
                    20,
                    palette.HEADER if mine else palette.INK,
                    mine,
                    max_width=cw - 12,
                )

    def _side(self, surface: pygame.Surface) -> None:
        """The shock the teacher threw this break, or how a class game runs."""
        st, t, r = self.play.state.status, self.t, SIDE
        shock = st.shock if st.phase in ("lobby", "between") else None
        panel(surface, r, fill=(252, 240, 226) if shock else (236, 241, 246))
        inner = r.inflate(-32, -24)
        with self.within(r):
            title = t("class.lobby.shock") if shock else t("class.lobby.how")
            y = self.paragraph(surface, title, inner, 22, palette.INK, True, max_lines=2) + 6
            if shock:
                body = f"{shock.name}. {shock.description}"
                foot = t("class.lobby.shock_news")
            else:
                body, foot = t("class.lobby.how_body"), ""
            room = inner.bottom - y - (self.fonts.line_height(18) * 2 if foot else 0)
            lines = max(1, room // self.fonts.line_height(18))
            y = self.paragraph(
                surface, body, pygame.Rect(inner.left, y, inner.width, 0), 18, max_lines=lines
            )
            if foot:
                self.paragraph(
                    surface,
                    foot,
                    pygame.Rect(inner.left, y + 4, inner.width, 0),
                    18,
                    palette.MUTED,
                    max_lines=2,
                )
