"""Drawing a proposal card on the year screen: category, title, the facts, who is for and
against, and why here; everything measured at the current text size so it reflows."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.client import fmt, palette
from game.client.dialogs import panel
from game.client.scene import Scene
from game.client.text import card_reason, card_title, category_name, group_name
from game.play import GameSession, ProposalCard

CARD_W, CARD_H, CARD_TOP = 404, 470, 170
CATEGORY_COLOURS = {
    "education": palette.SKY,
    "health": palette.PURPLE,
    "transport": palette.BLUE,
    "digital": palette.GREEN,
    "housing": palette.ORANGE,
    "business": palette.VERMILION,
    "skills": palette.YELLOW,
    "town_centres": palette.PURPLE,
    "green_space": palette.GREEN,
    "energy": palette.YELLOW,
}
Groups = list[tuple[str, str, int]]  # (group id, English name, census size)
WIDE = 600  # a card at least this wide (the projector sizes) lays out in two columns


def cards_per_page(text_scale: float) -> int:
    """Three cards a page at the usual text sizes; the projector sizes (160%, 200%) show
    one wide card, so groups and costs stay whole instead of "+3 more" (two cards of half
    the width cut titles and group names at 160%)."""
    return 3 if text_scale <= 1.3 else 1


@dataclass
class _Expiry:
    """Where the offer-end date goes: beside the category ("top"), beside the WHY HERE
    heading ("why") or on a line of its own ("own")."""

    text: str
    colour: tuple[int, int, int]
    at: str


@dataclass
class _Fit:
    """The reason's text size and position, and how many citizen rows fit above it."""

    reason: str
    size: int
    lines: int
    line_h: int
    label_top: int
    reason_top: int
    room: int


class CardPainter(Scene):
    """The year screen's card drawing (YearScene inherits it)."""

    button_area: int  # height kept for the card's action buttons (set by the year screen)

    @property
    def s(self) -> GameSession:
        session = self.ctx.session
        assert session is not None, "the year screen needs a game"
        return session

    def _card(self, surface: pygame.Surface, card: ProposalCard, r: pygame.Rect) -> None:
        """A proposal card, laid out top-down by measuring each part at the current text
        size, so at the projector setting it reflows (fewer citizen rows) instead of
        spilling or cutting numbers. No caption is under 16 px on the 1280x720 design."""
        if r.width >= WIDE:
            self._card_wide(surface, card, r)
            return
        panel(surface, r, border=palette.INK)
        col = CATEGORY_COLOURS.get(card.category, palette.SKY)
        pygame.draw.rect(
            surface,
            col,
            (r.left, r.top, r.width, 12),
            border_top_left_radius=12,
            border_top_right_radius=12,
        )
        self._boxes.append(r)
        x, w = r.left + 14, r.width - 28
        y, exp = self._card_head(surface, card, r)
        # the title wraps to two lines, shrinking a little before it would ever be cut
        title = card_title(self.ctx, card)
        size = 21
        while size > 16 and self.wrapped_lines(title, size, w, True) > 2:
            size -= 1
        y = (
            self.paragraph(
                surface, title, pygame.Rect(x, y, w, 0), size, palette.INK, True, max_lines=2
            )
            + 2
        )
        y = self._facts(surface, card, x, y, w)
        pygame.draw.line(surface, palette.RULE, (x, y), (x + w, y), 1)
        bottom = r.bottom - self.button_area - 6
        self._card_body(surface, card, r, y + 4, exp, bottom)
        self._boxes.pop()

    def _card_wide(self, surface: pygame.Surface, card: ProposalCard, r: pygame.Rect) -> None:
        """The projector card: title, facts and why here on the left, every citizen group
        for and against on the right (none hidden behind "+N more" while they fit)."""
        t, f = self.t, self.fonts
        panel(surface, r, border=palette.INK)
        col = CATEGORY_COLOURS.get(card.category, palette.SKY)
        pygame.draw.rect(
            surface,
            col,
            (r.left, r.top, r.width, 12),
            border_top_left_radius=12,
            border_top_right_radius=12,
        )
        self._boxes.append(r)
        bottom = r.bottom - self.button_area - 6
        half = (r.width - 42) // 2
        left = pygame.Rect(r.left + 14, r.top, half, bottom - r.top)
        right = pygame.Rect(left.right + 14, r.top + 18, half, bottom - r.top - 18)
        y, exp = self._card_head(surface, card, left)
        if exp.at == "why":  # _card_head drew it already when it is "top" or "own"
            self.text(surface, exp.text, (left.left, y), 16, exp.colour, True, max_width=half)
            y += f.line_height(16, True)
        title = card_title(self.ctx, card)
        y = (
            self.paragraph(
                surface,
                title,
                pygame.Rect(left.left, y, half, 0),
                21,
                palette.INK,
                True,
                max_lines=3,
            )
            + 2
        )
        y = self._facts(surface, card, left.left, y, half)
        reason = card_reason(self.ctx, card)
        pygame.draw.line(
            surface, palette.RULE, (right.left - 7, right.top), (right.left - 7, bottom), 1
        )
        yy = right.top
        row_h = f.line_height(16) - 1
        sides = [
            (t("year.for"), card.supporters, True),
            (t("year.against"), card.detractors, False),
        ]
        total_rows = sum(max(1, len(g)) + 1 for _, g, _ in sides)
        room_rows = max(2, (right.height) // row_h)
        for label, groups, good in sides:
            n = len(groups)
            if total_rows > room_rows:  # only when even the wide card runs out of room
                n = max(0, min(n, room_rows // 2 - 1))
            yy = self._stances(surface, right.left, yy, half, label, groups, n, good) + 6
        # WHY HERE goes whole under the groups, or else on the left, in the largest size
        # that fits (at 200% even its smallest is over 30 px at 1080p)
        head = f.line_height(16, True)
        spots = ((right.left, yy + 4), (left.left, y + 4))
        choice = None
        for size in range(16, 10, -1):
            for spot in spots:
                need = head + self.wrapped_lines(reason, size, half) * f.line_height(size)
                if spot[1] + need <= bottom:
                    choice = (spot, size)
                    break
            if choice is not None:
                break
        spot, size = choice or (spots[1], 11)
        if spot[0] == left.left:
            pygame.draw.line(surface, palette.RULE, (left.left, y), (left.right, y), 1)
        self.text(surface, t("year.why_here"), spot, 16, palette.MUTED, True, max_width=half)
        lines = max(1, (bottom - spot[1] - head) // f.line_height(size))
        self.paragraph(
            surface,
            reason,
            pygame.Rect(spot[0], spot[1] + head, half, 0),
            size,
            palette.MUTED,
            max_lines=lines,
        )
        self._boxes.pop()

    def _card_head(
        self, surface: pygame.Surface, card: ProposalCard, r: pygame.Rect
    ) -> tuple[int, _Expiry]:
        """The category and the offer-end date, which is never cut: beside the category if
        both fit, else beside the WHY HERE heading, else on a line of its own."""
        t, f = self.t, self.fonts
        x, w = r.left + 14, r.width - 28
        y = r.top + 18
        exp = _Expiry(
            t("year.expires", year=card.expires_year),
            palette.BAD_TEXT if card.expires_year <= self.s.year else palette.MUTED,
            "top",
        )
        cat = category_name(t, card.category).upper()
        exp_w = f.size(exp.text, 16, True)[0]
        top = 16
        while top > 14 and f.size(cat, top, True)[0] + 12 + f.size(exp.text, top, True)[0] > w:
            top -= 1
        if f.size(cat, top, True)[0] + 12 + f.size(exp.text, top, True)[0] > w:
            top = 16
            why_fits = f.size(t("year.why_here"), 16, True)[0] + 12 + exp_w <= w
            exp.at = "why" if why_fits else "own"
        self.text(surface, cat, (x, y), top, palette.MUTED, True, max_width=w)
        if exp.at == "top":
            self.text(surface, exp.text, (r.right - 14, y), top, exp.colour, True, "topright")
        y += f.line_height(16, True)
        if exp.at == "own":
            y -= 3
            self.text(surface, exp.text, (x, y), 16, exp.colour, True, max_width=w)
            y += f.line_height(16, True) - 1
        return y, exp

    def _card_body(
        self,
        surface: pygame.Surface,
        card: ProposalCard,
        r: pygame.Rect,
        y: int,
        exp: _Expiry,
        bottom: int,
    ) -> None:
        """Who is for and against, then WHY HERE and the reason above the buttons; the
        citizen groups get the room in between."""
        t = self.t
        x, w = r.left + 14, r.width - 28
        reason = card_reason(self.ctx, card)
        sides: list[tuple[str, Groups, bool]] = [
            (t("year.for"), card.supporters, True),
            (t("year.against"), card.detractors, False),
        ]
        fit, shown = self._fit_reason(reason, sides, y, w, bottom)
        for (label, groups, good), n in zip(sides, shown, strict=True):
            y = self._stances(surface, x, y, w, label, groups, n, good)
        why = t("year.why_here")
        self.text(surface, why, (x, fit.label_top), 16, palette.MUTED, True, max_width=w)
        if exp.at == "why":
            self.text(
                surface, exp.text, (r.right - 14, fit.label_top), 16, exp.colour, True, "topright"
            )
        self.paragraph(
            surface,
            fit.reason,
            pygame.Rect(x, fit.reason_top, w, fit.lines * fit.line_h),
            fit.size,
            palette.MUTED,
        )

    def _fit_reason(
        self, reason: str, sides: list[tuple[str, Groups, bool]], y: int, w: int, bottom: int
    ) -> tuple[_Fit, list[int]]:
        """The reason always gets every line it needs (its numbers are the point), in a
        slightly smaller size if that keeps a citizen row a side (never under 16 px on the
        design screen); the citizen lists give way, and say how many they leave out."""
        f = self.fonts
        row_h = f.line_height(16) - 1  # rows sit close: a line box is taller than its ink
        head_h = f.line_height(16, True) - 1
        floor = min(16, math.ceil(16 / f.text_scale))
        why_w = f.size(self.t("year.why_here"), 16, True)[0] + 8
        shown = [min(len(groups), 1) for _, groups, _ in sides]  # the least we show

        def rows(i: int) -> int:
            label, groups, _ = sides[i]
            if not groups:  # "nobody in particular" beside the heading if it fits
                return 0 if self._nobody_inline(label, w) else 1
            hidden = len(groups) - shown[i]
            return shown[i] + (0 if not hidden or self._more_inline(label, hidden, w) else 1)

        # the heading runs into the reason's first line when that gains a citizen row
        fit = _Fit(reason, 16, 0, 0, 0, 0, 0)
        for inline_why in (False, True):
            for rsize in range(16, floor - 1, -1):
                lh = f.line_height(rsize)
                text = reason
                if inline_why:
                    text = "\u00a0" * (-(-why_w // max(1, f.size("\u00a0", rsize)[0]))) + reason
                lines = self.wrapped_lines(text, rsize, w)
                reason_top = bottom - lines * lh
                label_top = reason_top if inline_why else reason_top - head_h
                fit = _Fit(
                    text, rsize, lines, lh, label_top, reason_top, label_top - y - 2 * head_h
                )
                if (rows(0) + rows(1)) * row_h <= fit.room:
                    break
            if (rows(0) + rows(1)) * row_h <= fit.room:
                break
        # no room even for one row a side (long Welsh reasons at big text): the lists
        # shrink to their headings with "+N more", so nothing is drawn over the reason
        for i in sorted((0, 1), key=lambda k: -len(sides[k][1])):
            if (rows(0) + rows(1)) * row_h > fit.room and shown[i]:
                shown[i] = 0
        # then as many groups as the room takes, shared out to the longer list first
        while True:
            grow = [i for i in (0, 1) if shown[i] < len(sides[i][1])]
            if not grow:
                break
            i = max(grow, key=lambda k: (len(sides[k][1]) - shown[k], -k))
            shown[i] += 1
            if (rows(0) + rows(1)) * row_h > fit.room:
                shown[i] -= 1
                break
        return fit, shown

    def _nobody_inline(self, label: str, w: int) -> bool:
        f = self.fonts
        return f.size(label, 16, True)[0] + 12 + f.size(self.t("year.nobody"), 16)[0] <= w

    def _more_inline(self, label: str, hidden: int, w: int) -> bool:
        """Whether "+2 more" fits on the heading line beside the heading at full size."""
        f = self.fonts
        more = self.t("year.more_groups", n=hidden)
        return f.size(label, 16, True)[0] + 12 + f.size(more, 16, True)[0] <= w

    def _facts(self, surface: pygame.Surface, card: ProposalCard, x: int, y: int, w: int) -> int:
        """Cost, build time, the jobs figures, reach and clout: pairs share a line when both
        fit at full size, otherwise each gets its own; numbers are never shortened."""
        t, f = self.t, self.fonts
        pairs = [
            [
                (t("year.cost"), fmt.money(card.cost)),
                (t("year.build"), t("year.years", n=card.build_years)),
            ],
            [
                (t("year.jobs_gross"), fmt.count(card.gross_jobs)),
                (t("jobs.net"), fmt.count(card.net_jobs)),
            ],
            # clout both ways: what funding costs and what turning it down costs
            [
                (t("year.people"), fmt.count(card.people_affected)),
                (
                    t("year.clout_cost"),
                    t("year.clout_values", fund=card.clout_to_fund, reject=card.clout_to_reject),
                ),
            ],
        ]
        both = (
            t("year.jobs_short"),
            t("year.jobs_values", gross=fmt.count(card.gross_jobs), net=fmt.count(card.net_jobs)),
        )
        row_h = f.line_height(17, True) - 2  # the line box is taller than the ink
        # captions may come down to 16 px on the design screen (no smaller) to keep a pair
        # on one line; the numbers stay at full size
        floor = min(16, math.ceil(16 / f.text_scale))

        def width(label: str, value: str, size: int) -> int:
            return f.size(label + ":", size)[0] + 6 + f.size(value, 17, True)[0]

        def fact(label: str, value: str, fx: int, room: int, size: int) -> None:
            vw = f.size(value, 17, True)[0]
            lab = self.text(
                surface, label + ":", (fx, y + 1), size, palette.MUTED, max_width=room - vw - 6
            )
            self.text(surface, value, (lab.right + 6, y), 17, palette.INK, True)

        half = w // 2
        for pair in pairs:
            size = 16
            while size > floor and any(width(*item, size) > half - 8 for item in pair):
                size -= 1
            if all(width(*item, size) <= half - 8 for item in pair):
                fact(*pair[0], x, half - 8, size)
                fact(*pair[1], x + half, half, size)
                y += row_h
            elif pair is pairs[1] and width(*both, 16) <= w:
                # both jobs figures on one line when their captions are too long for halves
                fact(*both, x, w, 16)
                y += row_h
            else:
                for item in pair:
                    fact(*item, x, w, 16)
                    y += row_h
        return y + 4

    def _stances(
        self,
        surface: pygame.Surface,
        x: int,
        y: int,
        w: int,
        label: str,
        groups: Groups,
        n: int,
        good: bool,
    ) -> int:
        """A heading and up to `n` citizen groups; the ones left out for room are counted
        ("+2 more" beside the heading, or on a row of its own), never dropped silently."""
        col = palette.GOOD_TEXT if good else palette.BAD_TEXT
        mark = "▲" if good else "▼"
        f = self.fonts
        hidden = len(groups) - n
        more = self.t("year.more_groups", n=hidden)
        inline = hidden > 0 and self._more_inline(label, hidden, w)
        if inline:
            self.text(surface, more, (x + w, y), 16, col, True, "topright")
        self.text(surface, label, (x, y), 16, col, True, max_width=w)
        if not groups and self._nobody_inline(label, w):
            self.text(
                surface, self.t("year.nobody"), (x + w, y), 16, palette.MUTED, anchor="topright"
            )
            return y + f.line_height(16, True) - 1
        y += f.line_height(16, True) - 1
        row_h = f.line_height(16) - 1
        if not groups:
            self.text(
                surface, self.t("year.nobody"), (x + 18, y), 16, palette.MUTED, max_width=w - 18
            )
            return y + row_h
        for gid, name, size in groups[:n]:
            gname = group_name(self.ctx, gid) or name
            nr = self.text(surface, fmt.count(size), (x + w, y), 16, palette.INK, anchor="topright")
            self.text(surface, f"{mark} {gname}", (x + 4, y), 16, col, max_width=nr.left - x - 14)
            y += row_h
        if hidden > 0 and not inline:
            self.text(surface, more, (x + w, y), 16, col, True, "topright")
            y += row_h
        return y
