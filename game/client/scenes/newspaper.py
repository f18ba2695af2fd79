"""The local paper: 2-4 headlines about the year just gone, then on to the next year
(or the mid-term census / the Census 2031)."""

from __future__ import annotations

import pygame

from game.client import fmt, palette
from game.client.scene import H, Host, Scene, W
from game.client.text import area_name, card_id_title, headline_text
from game.play import YearSummary

NEWSPRINT = (244, 239, 226)


class NewspaperScene(Scene):
    name = "newspaper"

    def __init__(self, app: Host, summary: YearSummary) -> None:
        super().__init__(app)
        self.summary = summary

    def on_enter(self) -> None:
        super().on_enter()
        self.ctx.play_sound("year")

    def build(self) -> None:
        # the button says where it goes: the next year, or a census report
        key = {"midterm": "paper.to_midterm", "final": "paper.to_final"}.get(
            self.summary.report_due or "", "paper.next"
        )
        if key == "paper.next" and self.ctx.class_game is not None:
            key = "class.paper.next"  # back to the class, to wait for the teacher
        self.button((W - 390, H - 78, 360, 58), self.t(key), self.next, cls="big", name="next")

    def on_back(self) -> bool:
        self.next()
        return True

    def next(self) -> None:
        due = self.summary.report_due
        if due in ("midterm", "final"):
            self.app.stack.replace(self.app.screens.report(due))
        else:
            self.close()

    def draw_scene(self, surface: pygame.Surface) -> None:
        t, s, y = self.t, self.ctx.session, self.summary
        assert s is not None, "the newspaper reports on a game"
        surface.fill((70, 70, 80))
        page = pygame.Rect(60, 24, W - 120, H - 116)
        pygame.draw.rect(surface, NEWSPRINT, page)
        pygame.draw.rect(surface, palette.INK, page, 2)
        masthead = t("paper.masthead", area=area_name(self.ctx, s.area))
        rule_y = page.top + 80
        # a long council name ("Bournemouth, Christchurch and Poole") or the projector sizes
        # shrink the masthead to the page, above its rule, rather than run it off the edges
        size = 46
        while size > 20 and self.fonts.line_height(size, True) > rule_y - page.top - 16:
            size -= 1
        self.text(
            surface,
            masthead,
            (page.centerx, page.top + 14),
            size,
            palette.INK,
            True,
            "midtop",
            max_width=page.width - 40,
        )
        pygame.draw.line(
            surface, palette.INK, (page.left + 20, rule_y), (page.right - 20, rule_y), 3
        )
        self.text(
            surface,
            t("paper.dateline", year=y.year),
            (page.left + 24, rule_y + 6),
            16,
            palette.MUTED,
        )
        self.text(
            surface,
            t("paper.price"),
            (page.right - 24, rule_y + 6),
            16,
            palette.MUTED,
            anchor="topright",
        )
        # the dateline's own height at the projector sizes, so the thin rule runs under it
        sub_y = rule_y + max(30, self.fonts.line_height(16) + 8)
        pygame.draw.line(surface, palette.INK, (page.left + 20, sub_y), (page.right - 20, sub_y), 1)
        items = list(y.news)[:4]
        # at the projector sizes the side column has room for the numbers only: what
        # opened joins the headlines' column as one more paragraph
        opened = self._opened_line() if self.projector else ""
        due_key = {"midterm": "paper.census_due", "final": "paper.final_due"}.get(
            y.report_due or ""
        )
        due_h = max(50, self.fonts.line_height(20, True) + 20)  # the "census is due" line
        bottom = page.bottom - (due_h if due_key else 16)
        # the projector sizes give the numbers' column more width (long Welsh labels)
        col_w = 620 if self.projector else 700
        col_left = pygame.Rect(page.left + 30, sub_y + 16, col_w, bottom - sub_y - 16)
        if items:
            texts = [headline_text(self.ctx, item) for item in items] + ([opened] if opened else [])
            lead, rest = 40, 26
            # the projector sizes may shrink further: 10 at 160% is still 24 px at 1080p
            low_lead, low_rest = (12, 10) if self.projector else (24, 18)
            # the headlines share the column: smaller type before anything runs off the page
            while lead > low_lead and self._column_height(texts, lead, rest, col_left.width) > (
                col_left.height
            ):
                lead, rest = lead - 2, max(low_rest, rest - 1)
            with self.within(col_left.inflate(8, 8)):
                yy = self.paragraph(
                    surface, texts[0], col_left, lead, palette.INK, bold=True, max_lines=3
                )
                pygame.draw.line(
                    surface, palette.INK, (col_left.left, yy + 10), (col_left.right, yy + 10), 1
                )
                yy += 24
                for i, text in enumerate(texts[1:], 1):
                    colour = palette.GOOD_TEXT if opened and i == len(texts) - 1 else palette.INK
                    yy = (
                        self.paragraph(
                            surface,
                            text,
                            pygame.Rect(col_left.left, yy, col_left.width, 120),
                            rest,
                            colour,
                            bold=True,
                            max_lines=3,
                        )
                        + 16
                    )
        # side column: the year in numbers
        side_h = (bottom - sub_y - 16) if self.projector else 400
        self._in_numbers(
            surface,
            pygame.Rect(
                col_left.right + 40, sub_y + 16, page.right - 30 - col_left.right - 40, side_h
            ),
        )
        if due_key:
            self.text(
                surface,
                t(due_key),
                (page.left + 30, page.bottom - due_h + 14),
                20,
                palette.BAD_TEXT,
                True,
                max_width=page.width - 60,
            )

    def _in_numbers(self, surface: pygame.Surface, side: pygame.Rect) -> None:
        """The side column: the year in numbers, and what opened."""
        t, y = self.t, self.summary
        pygame.draw.rect(surface, (232, 226, 208), side)
        self._boxes.append(side)  # the layout check holds the column's text to the column
        self.text(
            surface,
            t("paper.in_numbers"),
            (side.left + 16, side.top + 12),
            20,
            palette.INK,
            True,
            max_width=side.width - 32,
        )
        rows = [
            (t("paper.population"), fmt.signed(y.population_change)),
            (t("paper.jobs"), fmt.signed(y.jobs_change)),
            # the whole money line, so it adds up: start - spent + fund - upkeep = now
            (t("paper.money_start"), fmt.money(y.money_start)),
            (t("paper.spent"), fmt.money(-y.spent) if y.spent else fmt.money(0)),
            (t("paper.fund_in"), fmt.money(y.income)),
            (t("paper.upkeep"), fmt.money(-y.upkeep) if y.upkeep else fmt.money(0)),
            (t("paper.money"), fmt.money(y.money)),
            (t("paper.clout"), f"{y.clout} ({fmt.signed(y.clout_income)})"),
        ]
        yy = side.top + max(50, self.fonts.line_height(20, True) + 14)
        size = 16 if self.projector else 18  # eight rows fit the column at 200%
        rounded = not fmt.adds_up_as_shown([y.money_start, -y.spent, y.income, -y.upkeep], y.money)
        room = side.bottom - 6 - yy - self._below_rows(side, rounded)
        line = self.fonts.line_height(size)  # a short column (200%) packs its rows closer
        step = min(max(28, line + 2), max(line - 4, room // len(rows)))
        for label, value in rows:
            vr = self.text(
                surface, value, (side.right - 16, yy), size, palette.INK, True, "topright"
            )
            self.text(
                surface,
                label,
                (side.left + 16, yy),
                size,
                palette.INK,
                max_width=vr.left - side.left - 26,
            )
            yy += step
        if rounded:  # each line is rounded on its own: say so, rather than look wrong
            yy = self._rounded_note(surface, side, yy)
        if y.opened and not self.projector:
            yy += 6
            self.text(surface, t("paper.opened"), (side.left + 16, yy), 18, palette.GOOD_TEXT, True)
            yy += max(26, self.fonts.line_height(18, True))

            if len(y.opened) > 3:  # never dropped silently
                more = t("charts.more", n=len(y.opened) - 3)
                self.text(
                    surface,
                    more,
                    (side.right - 16, yy - max(26, self.fonts.line_height(18, True))),
                    16,
                    palette.MUTED,
                    anchor="topright",
                )
            for card_id in y.opened[:3]:
                yy = self.paragraph(
                    surface,
                    "• " + card_id_title(self.ctx, card_id),
                    pygame.Rect(side.left + 16, yy, side.width - 32, 50),
                    16,
                    palette.INK,
                    max_lines=2,
                )
        self._boxes.pop()

    def _below_rows(self, side: pygame.Rect, rounded: bool) -> int:
        """The height the rounding note and the list of what opened take under the rows."""
        f, h = self.fonts, (max(22, self.fonts.line_height(14) + 2) if rounded else 0)
        if self.summary.opened and not self.projector:
            h += 6 + max(26, f.line_height(18, True))
            for card_id in self.summary.opened[:3]:
                title = "• " + card_id_title(self.ctx, card_id)
                h += min(2, self.wrapped_lines(title, 16, side.width - 32)) * f.line_height(16)
        return h

    def _rounded_note(self, surface: pygame.Surface, side: pygame.Rect, yy: int) -> int:
        w = side.width - 32
        words = self.t("paper.rounded")
        at = (side.right - 16, yy)
        self.text(surface, words, at, 14, palette.MUTED, anchor="topright", max_width=w)
        return yy + max(22, self.fonts.line_height(14) + 2)

    @property
    def projector(self) -> bool:
        """The projector text sizes (160%, 200%), as the year screen decides them."""
        return self.fonts.text_scale > 1.3

    def _opened_line(self) -> str:
        """What opened this year as one line for the headlines' column ('' if nothing)."""
        if not self.summary.opened:
            return ""
        titles = ", ".join(card_id_title(self.ctx, c) for c in self.summary.opened)
        return f"{self.t('paper.opened')}: {titles}"

    def _column_height(self, texts: list[str], lead: int, rest: int, width: int) -> int:
        f = self.fonts
        lines = [self.wrapped_lines(texts[0], lead, width, True)]
        lines += [self.wrapped_lines(text, rest, width, True) for text in texts[1:]]
        if max(lines) > 3:  # each is cut at three lines: smaller type before "…"
            return 1 << 20
        h = lines[0] * f.line_height(lead, True) + 24
        return h + sum(n * f.line_height(rest, True) + 16 for n in lines[1:])
