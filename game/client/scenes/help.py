"""A short glossary over the game: what the numbers on a card and in the charts mean.

The entries are laid out at the current text size and split into pages that fit the box
(the projector setting makes them longer), with More / Back buttons between pages."""

from __future__ import annotations

from functools import cache

import pygame

from game.client import fmt, palette
from game.client.scene import Host, Modal
from game.sim.backtest import load_how_sure

TERMS = (
    "money",
    "clout",
    "gross",
    "net",
    "jobs_measures",
    "jobs_here",
    "reaches",
    "groups",
    "approval",
    "baseline",
    "range",
    "how_sure",  # the back-test, in plain words (data/play/how_sure.json)
)
TERM_W = 220


@cache
def how_sure_figures() -> dict[str, str]:
    """The back-test's headline figures, formatted for the 'How sure are we?' entry."""
    f = load_how_sure()["figures"]
    ons = f.get("ons_published_share_off_10pct")
    return {
        "mape": fmt.pct(f["model_mape_percent"] / 100),
        "off": fmt.count(f["model_share_off_10pct"] * f["councils"] / 100),
        "councils": fmt.count(f["councils"]),
        "no_change": fmt.pct(f["no_change_mape_percent"] / 100),
        "same_growth": fmt.pct(f["uniform_growth_mape_percent"] / 100),
        "ons": fmt.pct(float("nan") if ons is None else ons / 100),
    }


class HelpDialog(Modal):
    name = "help"
    box = pygame.Rect(90, 40, 1100, 640)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.page = 0
        self.pages: list[list[str]] = []

    def _entry(self, term: str) -> tuple[str, str]:
        t = self.t
        if term == "jobs_measures":  # the lead's one sentence on the three jobs figures
            return t("help.term.jobs_measures"), t("help.jobs_measures")
        if term == "how_sure":
            return t("help.term.how_sure"), t("help.text.how_sure", **how_sure_figures())
        return t(f"help.term.{term}"), t(f"help.text.{term}")

    def _height(self, term: str) -> int:
        label, body = self._entry(term)
        f, b = self.fonts, self.box
        left = self.wrapped_lines(label, 18, TERM_W - 16, True) * f.line_height(18, True)
        right = self.wrapped_lines(body, 17, b.width - 72 - TERM_W) * f.line_height(17)
        return max(left, right) + 10

    def _paginate(self) -> list[list[str]]:
        b = self.box
        room = b.height - 76 - 90
        pages: list[list[str]] = [[]]
        used = 0
        for term in TERMS:
            h = self._height(term)
            if pages[-1] and used + h > room:
                pages.append([])
                used = 0
            pages[-1].append(term)
            used += h
        return pages

    def build(self) -> None:
        b, t = self.box, self.t
        self.pages = self._paginate()
        self.page = min(self.page, len(self.pages) - 1)
        y = b.bottom - 76
        if len(self.pages) > 1:
            self.button(
                (b.left + 36, y, 190, 54),
                t("help.previous"),
                self.prev_page,
                cls="secondary",
                name="help_prev",
                enabled=self.page > 0,
            )
            self.button(
                (b.left + 236, y, 190, 54),
                t("help.more"),
                self.next_page,
                cls="secondary",
                name="help_next",
                enabled=self.page < len(self.pages) - 1,
            )
        self.button((b.right - 220, y, 190, 54), t("ui.close"), self.close, name="close")
        # the three how-to-play panels, again whenever wanted
        self.button(
            (b.right - 470, y, 240, 54),
            t("howto.open"),
            self.how_to_play,
            cls="secondary",
            name="how_to_play",
        )
        self.focus.set_by_name("help_next" if self.page < len(self.pages) - 1 else "close")

    def how_to_play(self) -> None:
        self.app.stack.push(self.app.screens.how_to_play())

    def next_page(self) -> None:
        self.page += 1
        self.rebuild(keep_focus=False)

    def prev_page(self) -> None:
        self.page = max(0, self.page - 1)
        self.rebuild(keep_focus=False)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_F1, pygame.K_h):
            self.close()
            return True
        if event.key == pygame.K_PAGEDOWN and self.page < len(self.pages) - 1:
            self.next_page()
            return True
        if event.key == pygame.K_PAGEUP and self.page > 0:
            self.prev_page()
            return True
        return False

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t, f = self.box, self.t, self.fonts
        with self.within(b):
            pr = None
            if len(self.pages) > 1:
                pr = self.text(
                    surface,
                    t("help.page", page=self.page + 1, pages=len(self.pages)),
                    (b.right - 36, b.top + 32),
                    17,
                    palette.MUTED,
                    anchor="topright",
                )
            right_edge = pr.left - 16 if pr else b.right - 36
            self.text(
                surface,
                t("help.title"),
                (b.left + 36, b.top + 24),
                28,
                palette.INK,
                True,
                max_width=right_edge - b.left - 36,
            )
            y = b.top + 76
            for term in self.pages[self.page] if self.pages else ():
                label, body = self._entry(term)
                h = self._height(term)
                self.paragraph(
                    surface,
                    label,
                    pygame.Rect(b.left + 36, y, TERM_W - 16, 0),
                    18,
                    palette.BLUE,
                    bold=True,
                )
                self.paragraph(
                    surface,
                    body,
                    pygame.Rect(b.left + 36 + TERM_W, y, b.width - 72 - TERM_W, 0),
                    17,
                    palette.INK,
                )
                y += h
        del f
