"""The year screen: headline figures, money and clout, proposal cards and their actions."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import pygame

from game.client import fmt, palette
from game.client.dialogs import ConfirmDialog, header, panel
from game.client.rows import label_width, share_row
from game.client.scene import H, Host, W
from game.client.scenes.year.card import CARD_H, CARD_TOP, CARD_W, CardPainter, cards_per_page
from game.client.scenes.year.population import add_why_button
from game.client.text import area_name, card_title, group_name, message, project_title, reason_text
from game.play import Consultation, Defer, Fund, ProposalCard, Reject

CARDS_PER_PAGE = 3  # at the usual text sizes; the projector sizes show fewer, wider cards
_Spec = tuple[str, str, Callable[[str], None], str]  # (name, label, action(card id), class)


class YearScene(CardPainter):
    name = "year"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.page = 0
        self.status = ""
        self.status_ok = True
        self.status_hint = False  # a hint for the focused button, not an action's result
        self.button_area = 56  # height kept for the card's action buttons
        self.after_advance = False  # set when a new year starts: focus the first card
        self.shown: list[ProposalCard] = []

    @property
    def projector(self) -> bool:
        """The projector text sizes (160%, 200%): fewer, wider cards, trimmed furniture."""
        return self.fonts.text_scale > 1.3

    def score_line(self) -> str:
        now = self.s.score_so_far()
        return self.t(
            "year.score_now",
            score=f"{now.score:.0f}",
            approval=f"{now.approval:.0f}",
            jobs=f"{now.jobs:.0f}",
            value=f"{now.value:.0f}",
        )

    @property
    def per_page(self) -> int:
        return cards_per_page(self.fonts.text_scale)

    @property
    def card_w(self) -> int:
        n = self.per_page
        return CARD_W if n == CARDS_PER_PAGE else (W - 48 - (n - 1) * 14) // n

    def on_resume(self) -> None:
        if self.after_advance and not self.app.stack.has_pending:
            # a new year: the focus goes to the first card, not back to "End year"
            self.after_advance = False
            self.page = 0
            self.rebuild(keep_focus=False)
            if self.shown:
                self.focus.set_by_name(f"fund_{self.shown[0].id}", notify=False)
                self.focus.ensure_usable()
            return
        self.rebuild()

    # -- widgets ---------------------------------------------------------------------------
    def build(self) -> None:
        t, s = self.t, self.s
        cards = s.proposals
        pages = max(1, -(-len(cards) // self.per_page))
        self.page = min(self.page, pages - 1)
        shown = cards[self.page * self.per_page : (self.page + 1) * self.per_page]
        self.shown = shown
        for i, card in enumerate(shown):
            x = 24 + i * (self.card_w + 14)
            specs: list[_Spec] = [
                ("fund", t("year.fund"), self.fund, "fund"),
                ("reject", t("year.reject"), self.reject, "reject"),
                ("defer", t("year.defer"), self.defer, "small"),
                ("consult", t("year.consult"), self.consult, "small"),
            ]
            # A button that cannot act now looks greyed but still answers, with the reason
            # on its face (so keyboard and touch users can find out why too).
            hints = {sp[0]: self._hint(sp[0], card) for sp in specs}
            faces = {
                k: label if hints[k][0] else self._short_why(k, card, label)
                for k, label, _, _ in specs
            }
            rows = self._button_rows([faces[sp[0]] for sp in specs], specs)
            by = CARD_TOP + CARD_H - self.button_area
            bh = 46 if len(rows) == 1 else 38
            for row_i, row in enumerate(rows):
                # the row shared by the label each button shows at one text size, so a long
                # word (Ymgynghori) or a reason ("Need £17.2m") gets its room, never cut
                labels = [faces[sp[0]] for sp in row]
                widths, common = share_row(self.fonts, labels, self.card_w - 20, 6, "small")
                bx = x + 10
                for j, (key, _label, fn, cls) in enumerate(row):
                    ok, hint = hints[key]
                    self.button(
                        (bx, by + row_i * (bh + 4), widths[j], bh),
                        labels[j],
                        functools.partial(fn, card.id),
                        cls=cls if ok else "muted",
                        name=f"{key}_{card.id}",
                        tooltip=hint,
                        on_focus=functools.partial(self._show_hint, hint, ok),
                        size=common,
                    )
                    bx += widths[j] + 6
        y = H - 62
        short = self.projector  # shorter labels that stay whole at the projector sizes
        # (x, width) of charts, menu, help and the two page arrows
        xs = (
            ((24, 170), (202, 160), (370, 70), (448, 52), (506, 52))
            if short
            else ((24, 190), (222, 110), (340, 96), (444, 52), (502, 52))
        )
        self.button(
            (xs[0][0], y, xs[0][1], 50),
            t("year.charts_short" if short else "year.charts"),
            self.charts,
            cls="secondary",
            name="charts",
        )
        self.button(
            (xs[1][0], y, xs[1][1], 50), t("year.menu"), self.menu, cls="secondary", name="menu"
        )
        self.button(
            (xs[2][0], y, xs[2][1], 50),
            "?" if short else t("help.button"),
            self.help,
            cls="secondary",
            name="help",
        )
        if pages > 1:
            self.button(
                (xs[3][0], y, 52, 50),
                "◀",
                self.prev_page,
                cls="secondary",
                name="prev",
                enabled=self.page > 0,
            )
            self.button(
                (xs[4][0], y, 52, 50),
                "▶",
                self.next_page,
                cls="secondary",
                name="next",
                enabled=self.page < pages - 1,
            )
        add_why_button(self, (W - 48 - 5 * 10) // 6)  # why not the census count?
        undo = s.check_undo()
        if undo.ok:  # shown only when there is something to take back this year
            self.button(
                (W - 452, y, 140, 50),
                t("year.undo"),
                self.undo,
                cls="secondary",
                name="undo",
                tooltip=t("year.undo_hint"),
            )
        self.button(
            (W - 304, y, 280, 50),
            t("year.end_year_short" if short else "year.end_year", year=s.year + 1),
            self.end_year,
            cls="big",
            name="end_year",
            enabled=not s.finished,
        )
        self.focus.ensure_usable()

    def _button_rows(self, faces: list[str], specs: list[_Spec]) -> list[list[_Spec]]:
        """The four card actions on one row if every label they show fits at the smallest
        button text; otherwise two rows of two (Welsh, a reason, the projector sizes)."""
        need = [label_width(self.fonts, face, "tiny") for face in faces]
        if sum(need) <= self.card_w - 20 - 3 * 6:
            self.button_area = 56
            return [specs]
        self.button_area = 2 * 38 + 4 + 10
        return [specs[:2], specs[2:]]

    def _hint(self, key: str, card: ProposalCard) -> tuple[bool, str]:
        """Whether the action can be taken now, and a one-line hint (or why not)."""
        t, s = self.t, self.s
        if key == "consult":
            if not card.stances:
                return False, t("year.hint.consult_nobody")
            return True, t("year.hint.consult", clout=s.rules.clout_consult)
        action = (Fund if key == "fund" else Reject if key == "reject" else Defer)(card_id=card.id)
        check = s.check(action)
        if not check.ok:
            return False, reason_text(self.ctx, check)
        if key == "fund":
            return True, t(
                "year.hint.fund",
                cost=fmt.money(card.cost),
                clout=card.clout_to_fund,
                n=card.build_years,
            )
        if key == "reject":
            return True, t("year.hint.reject", clout=card.clout_to_reject)
        return True, t("year.hint.defer")

    def _short_why(self, key: str, card: ProposalCard, label: str) -> str:
        """A greyed button says on its face why it cannot act ("Need £10.6m", "Need 5
        clout"), not only in a hover; the full sentence shows in the status line on focus."""
        if key == "consult":
            return label
        action = (Fund if key == "fund" else Reject if key == "reject" else Defer)(card_id=card.id)
        check = self.s.check(action)
        short = f"year.short.{check.reason_key.rsplit('.', 1)[-1]}"
        return self.t.maybe(short, label, **dict(check.reason_params))

    def _show_hint(self, hint: str, ok: bool) -> None:
        self.status, self.status_ok, self.status_hint = hint, ok, True

    # -- actions ---------------------------------------------------------------------------
    def _act(self, action: Fund | Reject | Defer, ok_key: str, title: str) -> None:
        result = self.s.act(action)
        self.status_hint = False
        if result.ok:
            self.status, self.status_ok = self.t(ok_key, title=title), True
            if ok_key == "year.funded":
                self.ctx.play_sound("fund")
                opens = self.s.funded[-1].opens_year  # the game's own schedule for it
                self.status = self.t(ok_key, title=title, year=opens)
        else:
            self.status, self.status_ok = reason_text(self.ctx, result), False
        if result.ok:
            # the autosave keeps decisions, not only year ends: close the window mid-year
            # and Continue finds this year as it was left
            self.ctx.autosave()
        self.rebuild()
        if result.ok and isinstance(action, Fund | Reject):
            # the card is gone: the focus goes to Undo, never to the next card's Fund (a
            # double Enter must not fund two projects)
            self.focus.set_by_name("undo", notify=False)

    def undo(self) -> None:
        """Take back this year's last Fund, Reject or Defer (PLAY's undo command)."""
        result = self.s.undo()
        if result.ok:
            card = self.s.card(result.action.card_id)
            title = card_title(self.ctx, card) if card is not None else result.action.card_id
            self.status, self.status_ok = self.t("year.undone", title=title), True
            self.ctx.autosave()
            if card is not None:
                self.show_card(card.id)
                self.focus.set_by_name(f"{result.action.kind}_{card.id}", notify=False)
                return
        else:
            self.status, self.status_ok = reason_text(self.ctx, result), False
        self.rebuild()

    def fund(self, card_id: str) -> None:
        card = self._card_by_id(card_id)
        check = self.s.check(Fund(card_id=card_id))
        if check.ok and check.warning_key:
            # it would open after the final census: say so before the money goes
            t = self.t
            dialog = ConfirmDialog(
                self.app,
                t("year.late_title"),
                message(self.ctx, check.warning_key, check.warning_params, check.warning),
                t("year.late_yes"),
                t("year.late_no"),
            )

            def answer(yes: bool | None) -> None:
                if yes:
                    self._act(Fund(card_id=card_id), "year.funded", card_title(self.ctx, card))

            self.app.stack.push(dialog, on_result=answer)
            return
        self._act(Fund(card_id=card_id), "year.funded", card_title(self.ctx, card))

    def reject(self, card_id: str) -> None:
        card = self._card_by_id(card_id)
        self._act(Reject(card_id=card_id), "year.rejected", card_title(self.ctx, card))

    def defer(self, card_id: str) -> None:
        card = self._card_by_id(card_id)
        self._act(Defer(card_id=card_id), "year.deferred", card_title(self.ctx, card))

    def _card_by_id(self, card_id: str) -> ProposalCard:
        card = self.s.card(card_id)
        assert card is not None, f"no open card {card_id}"
        return card

    def consult(self, card_id: str) -> None:
        card = self._card_by_id(card_id)
        ok, hint = self._hint("consult", card)
        if not ok:
            self.status, self.status_ok, self.status_hint = hint, False, False
            return

        def done(result: Consultation | None) -> None:
            if result is not None:
                self.ctx.autosave()  # the clout spent is a decision too
                group = group_name(self.ctx, result.group_id) or result.group_name
                self.status = self.t("year.consulted", group=group, delta=fmt.points(result.delta))
                self.status_ok = True
            self.rebuild()

        self.app.stack.push(self.app.screens.consult(card_id), on_result=done)

    def help(self) -> None:
        self.app.stack.push(self.app.screens.help())

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F1:
            self.help()
            return True
        return False

    def charts(self) -> None:
        self.app.stack.push(self.app.screens.charts())

    def menu(self) -> None:
        self.app.stack.push(self.app.screens.menu())

    def undecided_cards(self) -> list[ProposalCard]:
        """Open cards the player could still fund this year."""
        return [c for c in self.s.proposals if self.s.check(Fund(card_id=c.id)).ok]

    def end_year(self) -> None:
        """End the year; with fundable cards still open, ask first (the safe answer,
        back to the cards, has the focus)."""
        open_cards = self.undecided_cards()
        if not open_cards:
            self._advance()
            return
        t = self.t
        dialog = ConfirmDialog(
            self.app,
            t("year.confirm_title"),
            t("year.confirm_body", n=len(open_cards), money=fmt.money(self.s.money)),
            t("year.confirm_yes", year=self.s.year + 1),
            t("year.confirm_no"),
        )
        self.app.stack.push(dialog, on_result=lambda yes: self._advance() if yes else None)

    def _advance(self) -> None:
        self.status = ""
        self.after_advance = True
        self.app.stack.push(self.app.screens.advance())

    def show_card(self, card_id: str) -> None:
        """Turn to the page that holds this card."""
        ids = [c.id for c in self.s.proposals]
        if card_id in ids:
            self.page = ids.index(card_id) // self.per_page
            self.rebuild(keep_focus=False)

    def prev_page(self) -> None:
        self.page = max(0, self.page - 1)
        self.rebuild(keep_focus=False)

    def next_page(self) -> None:
        self.page += 1
        self.rebuild(keep_focus=False)

    def on_back(self) -> bool:
        self.menu()
        return True

    # -- drawing ---------------------------------------------------------------------------
    def draw_scene(self, surface: pygame.Surface) -> None:
        t, s = self.t, self.s
        surface.fill(palette.PAPER)
        turn = t("year.turn", turn=s.turn + 1, years=s.years)
        if self.projector:
            # the bar has room for one line at the projector sizes: the parts go to the
            # status line below the cards instead
            now = s.score_so_far()
            turn = t("year.turn_score", turn=turn, score=f"{now.score:.0f}")
            header(
                self, surface, t("year.header", area=area_name(self.ctx, s.area), year=s.year), turn
            )
        else:
            header(self, surface, t("year.header", area=area_name(self.ctx, s.area), year=s.year))
            # the turn, and the score's parts as they stand (the verdict is no surprise)
            self.text(surface, turn, (W - 24, 4), 22, palette.HEADER_TEXT, anchor="topright")
            self.text(
                surface,
                self.score_line(),
                (W - 24, 62),
                16,
                palette.HEADER_TEXT,
                anchor="bottomright",
                max_width=W // 2 - 24,
            )
        self._tiles(surface)
        if not self.shown:
            r = pygame.Rect(24, CARD_TOP, W - 48, 160)
            panel(surface, r)
            self.paragraph(surface, t("year.no_cards"), r.inflate(-40, -40), 22, palette.MUTED)
        cw = self.card_w
        for i, card in enumerate(self.shown):
            self._card(surface, card, pygame.Rect(24 + i * (cw + 14), CARD_TOP, cw, CARD_H))
        if 0 < len(self.shown) < self.per_page and s.funded:
            i = len(self.shown)
            self._projects_panel(surface, pygame.Rect(24 + i * (cw + 14), CARD_TOP, cw, CARD_H))
        cards = s.proposals
        if len(cards) > self.per_page and not self.projector:
            first = self.page * self.per_page + 1
            last = min(len(cards), first + self.per_page - 1)
            self.text(
                surface,
                t("year.page", first=first, last=last, total=len(cards)),
                (562, H - 37),
                17,
                palette.MUTED,
                anchor="midleft",
            )
        status = self.status
        if self.status_hint and self.app.stack.top is not self:
            # a hint for a button is about this screen: under a dialog (behind the dim) it
            # would read as part of the dialog, so it waits until the dialog closes
            status = ""
        if not status and self.shown:
            # two jobs figures on every card: one line says how they differ (at the
            # projector sizes, the score's parts, which the header has no room for)
            status = self.score_line() if self.projector else t("year.jobs_note")
        if status:
            col = palette.GOOD_TEXT if self.status_ok else palette.BAD_TEXT
            if status != self.status:
                col = palette.MUTED
            elif self.status_hint and self.status_ok:
                col = palette.INK
            left = 566 if self.projector else 662 if len(cards) > self.per_page else 448
            r = pygame.Rect(left, H - 66, 0, 64)
            r.width = (W - 468 if self.find_button("undo") else W - 320) - r.left
            # the status line shrinks (not below 13 px) to stay on the screen
            bold = status == self.status
            size, floor = 16, min(16, math.ceil(13 / self.fonts.text_scale))
            while (
                size > floor
                and self.wrapped_lines(status, size, r.width, bold)
                * (self.fonts.line_height(size, bold))
                > r.height
            ):
                size -= 1
            lines = max(1, r.height // self.fonts.line_height(size, bold))
            self.paragraph(surface, status, r, size, col, bold=bold, max_lines=lines)

    def _projects_panel(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """A free card slot shows what you have already set going."""
        t, s = self.t, self.s
        panel(surface, r, fill=(236, 241, 246))
        x, w = r.left + 14, r.width - 28
        f = self.fonts
        self._boxes.append(r)
        self.text(
            surface,
            t("year.your_projects", n=len(s.funded)),
            (x, r.top + 14),
            20,
            palette.INK,
            True,
            max_width=w,
        )
        y = r.top + 14 + f.line_height(20, True) + 6
        hint = t("year.your_projects_hint")
        hint_h = self.wrapped_lines(hint, 16, w) * f.line_height(16)
        entry = f.line_height(16, True) + f.line_height(16) + 2
        shown = list(reversed(s.funded))[: max(1, (r.bottom - 12 - hint_h - y) // entry)]
        # one size for every title in the list (the longest decides), never mixed sizes
        titles = [project_title(self.ctx, p) for p in shown]
        size = min(
            self.fit_size(title, 16, w, True, floor=min(16, math.ceil(13 / f.text_scale)))
            for title in titles
        )
        for p, title in zip(shown, titles, strict=True):
            self.text(surface, title, (x, y), size, palette.INK, True, max_width=w)
            if p.status == "open":
                status = t("charts.open")
                col = palette.GOOD_TEXT
            else:
                status = t("charts.building", year=p.opens_year)
                col = palette.MUTED
            self.text(surface, status, (x, y + f.line_height(size, True) - 2), 16, col, max_width=w)
            y += entry
        self.paragraph(
            surface, hint, pygame.Rect(x, r.bottom - 10 - hint_h, w, hint_h), 16, palette.MUTED
        )
        self._boxes.pop()

    def _tiles(self, surface: pygame.Surface) -> None:
        t, s = self.t, self.s
        h = s.headline()
        pop0 = s.series("population")[0].scenario if s.series("population") else h.population

        def since(change: float) -> str:
            if s.turn == 0:
                return t("year.starting_point")
            return t("year.since_2021", change=fmt.signed(change))

        tiles = [
            (t("year.population"), fmt.count(h.population), since(h.population - pop0)),
            # the jobs count is the 2021 census's, taken in lockdown: the tile says so
            # ... and later, against the same years with no new projects: your effect (the
            # national trend moves both), so it agrees with the net new jobs on the cards
            (
                t("year.jobs"),
                fmt.count(h.jobs),
                t("year.jobs_caveat")
                if s.turn == 0
                else t("year.jobs_vs_none", change=fmt.signed(h.jobs_vs_baseline)),
            ),
            (t("year.unemployment"), fmt.pct(h.unemployment_rate), t("year.of_workforce")),
            (t("year.approval"), f"{h.approval_overall:.0f}%", t("year.approval_note")),
            (t("year.money"), fmt.money(s.money), t("year.fund_note", fund=fmt.money(s.fund))),
            (t("year.clout"), str(s.clout), t("year.clout_note")),
        ]
        w = (W - 48 - 5 * 10) // 6
        for i, (label, value, note) in enumerate(tiles):
            r = pygame.Rect(24 + i * (w + 10), 74, w, 88)
            room = w - 20 - (40 if i == 0 else 0)  # the Population tile has its "?" button
            fill = palette.CARD if i < 4 else (232, 242, 250)
            panel(surface, r, fill=fill)
            self._boxes.append(r)
            big = self.projector  # label and number only: the note would not fit the tile
            lab = self.text(
                surface,
                label,
                (r.left + 12, r.top + 4),
                13 if big else 16,
                palette.MUTED,
                True,
                max_width=room,
            )
            col = palette.INK
            if i == 3:
                col = palette.GOOD_TEXT if h.approval_overall >= 50 else palette.BAD_TEXT
            if big:
                note_r = pygame.Rect(r.left, r.bottom - 2, 0, 0)
            else:
                note_r = self.text(
                    surface,
                    note,
                    (r.left + 12, r.bottom - 2),
                    15,
                    palette.MUTED,
                    anchor="bottomleft",
                    max_width=w - 20,
                )
            # the number fills the space between, centred: a font's line box is taller than
            # its digits, so the boxes may touch while the ink never does
            size = self.fit_size(value, 22 if big else 30, room, True, floor=12 if big else 16)
            self.text(
                surface,
                value,
                (r.left + 12, (lab.bottom + note_r.top) // 2 + 1),
                size,
                col,
                True,
                "midleft",
            )
            self._boxes.pop()
