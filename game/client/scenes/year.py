"""The year screen: headline figures, money and clout, proposal cards and their actions."""

from __future__ import annotations

import functools
import math
from typing import Any

import pygame

from game.client import fmt, palette
from game.client.assets import BUTTON_SIZES
from game.client.scene import H, Scene, W
from game.client.scenes.common import header, panel
from game.client.scenes.loading import LoadingScene

CARDS_PER_PAGE = 3
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


def start_game(app: Any, area_code: str, area_name: str) -> None:
    """Create the session in the background, autosave it, then show the first year."""
    ctx = app.ctx
    seed = ctx.seed if ctx.seed is not None else _fresh_seed()

    def job() -> Any:
        from game.client.context import full_collect

        ctx.session = None
        full_collect()  # the previous game's garbage, while the loading screen shows
        session = ctx.session_factory(ctx.world, area_code, seed)
        ctx.session = session
        ctx.autosave()
        return session

    def done(_session: Any) -> None:
        app.stack.reset(YearScene(app))

    def failed(exc: BaseException) -> None:
        from game.client.scenes.common import MessageDialog
        from game.errors import CivicError

        if not isinstance(exc, CivicError):
            raise exc
        app.stack.pop()
        app.stack.push(MessageDialog(app, ctx.tr("year.start_failed"), str(exc)))

    app.stack.push(LoadingScene(app, ctx.tr("year.preparing", name=area_name), job, done, failed))


def _fresh_seed() -> int:
    import secrets

    return secrets.randbelow(2**31)


def reason_text(t: Any, result: Any) -> str:
    """PLAY's reason for a refused action, in the player's language (key + params)."""
    key = getattr(result, "reason_key", "")
    if key:
        return t.maybe(key, result.reason, **dict(getattr(result, "reason_params", {}) or {}))
    return result.reason


def card_title(t: Any, card: Any) -> str:
    """The card's title in the player's language from PLAY's key and params: the Welsh
    project name, and the quantity it buys through its "card.output.*" key."""
    key = getattr(card, "title_key", "") or ""
    params = dict(getattr(card, "title_params", {}) or {})
    if not key or not t.has(key):
        return t.maybe(f"project.{card.type_id}", card.title)
    if t.lang == "cy" and params.get("name_cy"):
        params["name"] = params["name_cy"]
    if key == "card.title_scaled" and params.get("output_key") and t.has(params["output_key"]):
        params["quantity"] = t(params["output_key"], n=params.get("n", ""))
    return t(key, **params)


def remember_title(ctx: Any, card: Any) -> None:
    """Keep a funded card's title key, so the project lists can show it in Welsh too."""
    ctx.cache.setdefault("card_titles", {})[card.id] = card


def project_title(ctx: Any, project: Any) -> str:
    """A funded project's title in the player's language: from the card it was funded
    from, else rebuilt the way PLAY titles cards (type + scale), e.g. after a reload."""
    card = ctx.cache.get("card_titles", {}).get(getattr(project, "card_id", None))
    if card is not None:
        return card_title(ctx.tr, card)
    session = getattr(ctx, "session", None)
    ptype = getattr(getattr(session, "catalogue", None), "types", {}).get(
        getattr(project, "type_id", None)
    )
    if ptype is None or getattr(project, "scale", None) is None:
        return project.title
    from types import SimpleNamespace

    from game.play.cards import describe

    try:
        _, key, params = describe(ptype, project.scale, getattr(session, "templates", {}))
    except (AttributeError, KeyError, TypeError, ValueError):
        return project.title
    return card_title(
        ctx.tr,
        SimpleNamespace(
            title_key=key, title_params=params, type_id=project.type_id, title=project.title
        ),
    )


def title_by_english(ctx: Any, english: str) -> str:
    """A project named in PLAY's English text (news, explanations) in the player's language."""
    session = getattr(ctx, "session", None)
    for p in getattr(session, "funded", ()) or ():
        if english in (p.title, getattr(p, "label", None)):
            return project_title(ctx, p)
    for c in getattr(session, "proposals", ()) or ():
        if english == c.title:
            return card_title(ctx.tr, c)
    return english


def category_name(t: Any, category: str) -> str:
    return t.maybe(f"category.{category}", category.replace("_", " ").capitalize())


class YearScene(Scene):
    name = "year"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.status = ""
        self.status_ok = True
        self.status_hint = False  # a hint for the focused button, not an action's result
        self.button_area = 56  # height kept for the card's action buttons

    @property
    def s(self) -> Any:
        return self.ctx.session

    def on_resume(self) -> None:
        if getattr(self, "after_advance", False) and not self.app.stack.has_pending:
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
        pages = max(1, -(-len(cards) // CARDS_PER_PAGE))
        self.page = min(self.page, pages - 1)
        shown = cards[self.page * CARDS_PER_PAGE : (self.page + 1) * CARDS_PER_PAGE]
        self.shown = shown
        for i, card in enumerate(shown):
            x = 24 + i * (CARD_W + 14)
            specs = [
                ("fund", t("year.fund"), self.fund, "fund"),
                ("reject", t("year.reject"), self.reject, "reject"),
                ("defer", t("year.defer"), self.defer, "small"),
                ("consult", t("year.consult"), self.consult, "small"),
            ]
            rows = self._button_rows(specs)
            by = CARD_TOP + CARD_H - self.button_area
            bh = 46 if len(rows) == 1 else 38
            for row_i, row in enumerate(rows):
                # share the row by label length, so a long word (Ymgynghori) gets the room
                need = [max(60, self.fonts.size(sp[1], 17, bold=True)[0] + 16) for sp in row]
                room = CARD_W - 20 - (len(row) - 1) * 6
                widths = [int(room * n / sum(need)) for n in need]
                # one text size for the whole row (Fund/Reject never bigger than Defer)
                order = list(BUTTON_SIZES)
                common = max((self.fit_button_size(sp[1], wd) for sp, wd in zip(row, widths,
                              strict=True)), key=order.index)  # fmt: skip
                bx = x + 10
                for j, (key, label, fn, cls) in enumerate(row):
                    # A button that cannot act now looks greyed but still answers, with the
                    # reason (so keyboard users can find out why too).
                    ok, hint = self._hint(key, card)
                    self.button(
                        (bx, by + row_i * (bh + 4), widths[j], bh),
                        label,
                        functools.partial(fn, card.id),
                        cls=cls if ok else "muted",
                        name=f"{key}_{card.id}",
                        tooltip=hint,
                        on_focus=functools.partial(self._show_hint, hint, ok),
                        size=common,
                    )
                    bx += widths[j] + 6
        y = H - 62
        self.button((24, y, 190, 50), t("year.charts"), self.charts, cls="secondary", name="charts")
        self.button((222, y, 110, 50), t("year.menu"), self.menu, cls="secondary", name="menu")
        self.button((340, y, 96, 50), t("help.button"), self.help, cls="secondary", name="help")
        if pages > 1:
            self.button(
                (444, y, 52, 50),
                "◀",
                self.prev_page,
                cls="secondary",
                name="prev",
                enabled=self.page > 0,
            )
            self.button(
                (502, y, 52, 50),
                "▶",
                self.next_page,
                cls="secondary",
                name="next",
                enabled=self.page < pages - 1,
            )
        self.button(
            (W - 304, y, 280, 50),
            t("year.end_year", year=s.year + 1),
            self.end_year,
            cls="big",
            name="end_year",
            enabled=not s.finished,
        )
        self.focus.ensure_usable()

    def _button_rows(self, specs: list) -> list[list]:
        """The four card actions on one row if every label fits at the smallest button
        text; otherwise two rows of two (Welsh at the projector text size)."""
        from game.client.assets import BUTTON_SIZES

        need = [self.fonts.size(sp[1], BUTTON_SIZES["tiny"], True)[0] + 20 for sp in specs]
        if sum(need) <= CARD_W - 20 - 3 * 6:
            self.button_area = 56
            return [specs]
        self.button_area = 2 * 38 + 4 + 10
        return [specs[:2], specs[2:]]

    def _hint(self, key: str, card: Any) -> tuple[bool, str]:
        """Whether the action can be taken now, and a one-line hint (or why not)."""
        from game.play import Defer, Fund, Reject

        t, s = self.t, self.s
        if key == "consult":
            if not card.stances:
                return False, t("year.hint.consult_nobody")
            return True, t("year.hint.consult", clout=s.rules.clout_consult)
        action = {"fund": Fund, "reject": Reject, "defer": Defer}[key](card_id=card.id)
        check = s.check(action)
        if not check.ok:
            return False, reason_text(t, check)
        if key == "fund":
            return True, t("year.hint.fund", cost=fmt.money(card.cost), clout=card.clout_to_fund,
                           n=card.build_years)  # fmt: skip
        if key == "reject":
            return True, t("year.hint.reject", clout=card.clout_to_reject)
        return True, t("year.hint.defer")

    def _show_hint(self, hint: str, ok: bool) -> None:
        self.status, self.status_ok, self.status_hint = hint, ok, True

    # -- actions ---------------------------------------------------------------------------
    def _act(self, action: Any, ok_key: str, title: str) -> None:
        result = self.s.act(action)
        self.status_hint = False
        if result.ok:
            self.status, self.status_ok = self.t(ok_key, title=title), True
            if ok_key == "year.funded":
                self.ctx.play_sound("fund")
                opens = self.s.funded[-1].opens_year  # the game's own schedule for it
                self.status = self.t(ok_key, title=title, year=opens)
        else:
            self.status, self.status_ok = reason_text(self.t, result), False
        self.rebuild()

    def fund(self, card_id: str) -> None:
        from game.play import Fund

        card = self.s.card(card_id)
        remember_title(self.ctx, card)
        self._act(Fund(card_id=card_id), "year.funded", card_title(self.t, card))

    def reject(self, card_id: str) -> None:
        from game.play import Reject

        card = self.s.card(card_id)
        self._act(Reject(card_id=card_id), "year.rejected", card_title(self.t, card))

    def defer(self, card_id: str) -> None:
        from game.play import Defer

        card = self.s.card(card_id)
        self._act(Defer(card_id=card_id), "year.deferred", card_title(self.t, card))

    def consult(self, card_id: str) -> None:
        from game.client.scenes.consult import ConsultDialog

        card = self.s.card(card_id)
        ok, hint = self._hint("consult", card)
        if not ok:
            self.status, self.status_ok, self.status_hint = hint, False, False
            return

        def done(result: Any) -> None:
            if result is not None:
                group = self.ctx.group_name(result.group_id) or result.group_name
                self.status = self.t("year.consulted", group=group, delta=fmt.points(result.delta))
                self.status_ok = True
            self.rebuild()

        self.app.stack.push(ConsultDialog(self.app, card_id), on_result=done)

    def help(self) -> None:
        from game.client.scenes.help import HelpDialog

        self.app.stack.push(HelpDialog(self.app))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F1:
            self.help()
            return True
        return False

    def charts(self) -> None:
        from game.client.scenes.charts_scene import ChartsScene

        self.app.stack.push(ChartsScene(self.app))

    def menu(self) -> None:
        from game.client.scenes.menu import MenuDialog

        self.app.stack.push(MenuDialog(self.app))

    def undecided_cards(self) -> list[Any]:
        """Open cards the player could still fund this year."""
        from game.play import Fund

        return [c for c in self.s.proposals if self.s.check(Fund(card_id=c.id)).ok]

    def end_year(self) -> None:
        """End the year; with fundable cards still open, ask first (the safe answer,
        back to the cards, has the focus)."""
        from game.client.scenes.common import ConfirmDialog

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
        from game.client.scenes.advance import AdvanceScene

        self.status = ""
        self.after_advance = True
        self.app.stack.push(AdvanceScene(self.app))

    def show_card(self, card_id: str) -> None:
        """Turn to the page that holds this card."""
        ids = [c.id for c in self.s.proposals]
        if card_id in ids:
            self.page = ids.index(card_id) // CARDS_PER_PAGE
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
        header(
            self,
            surface,
            t("year.header", area=self.ctx.area_name(s.area), year=s.year),
            t("year.turn", turn=s.turn + 1, years=s.years),
        )
        self._tiles(surface)
        if not self.shown:
            r = pygame.Rect(24, CARD_TOP, W - 48, 160)
            panel(surface, r)
            self.paragraph(surface, t("year.no_cards"), r.inflate(-40, -40), 22, palette.MUTED)
        for i, card in enumerate(self.shown):
            self._card(surface, card, pygame.Rect(24 + i * (CARD_W + 14), CARD_TOP, CARD_W, CARD_H))
        if 0 < len(self.shown) < CARDS_PER_PAGE and s.funded:
            i = len(self.shown)
            self._projects_panel(surface, pygame.Rect(24 + i * (CARD_W + 14), CARD_TOP, CARD_W,
                                                      CARD_H))  # fmt: skip
        cards = s.proposals
        if len(cards) > CARDS_PER_PAGE:
            first = self.page * CARDS_PER_PAGE + 1
            last = min(len(cards), first + CARDS_PER_PAGE - 1)
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
            # two jobs figures on every card: one line says how they differ
            status = t("year.jobs_note")
        if status:
            col = palette.GOOD_TEXT if self.status_ok else palette.BAD_TEXT
            if status != self.status:
                col = palette.MUTED
            elif self.status_hint and self.status_ok:
                col = palette.INK
            r = pygame.Rect(662 if len(cards) > CARDS_PER_PAGE else 448, H - 66, 0, 64)
            r.width = W - 320 - r.left
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
        self.text(surface, t("year.your_projects", n=len(s.funded)), (x, r.top + 14), 20,
                  palette.INK, True, max_width=w)  # fmt: skip
        y = r.top + 14 + f.line_height(20, True) + 6
        hint = t("year.your_projects_hint")
        hint_h = self.wrapped_lines(hint, 16, w) * f.line_height(16)
        entry = f.line_height(16, True) + f.line_height(16) + 2
        shown = list(reversed(s.funded))[: max(1, (r.bottom - 12 - hint_h - y) // entry)]
        # one size for every title in the list (the longest decides), never mixed sizes
        titles = [project_title(self.ctx, p) for p in shown]
        size = min(self.fit_size(title, 16, w, True, floor=min(16, math.ceil(13 /
                   f.text_scale))) for title in titles)  # fmt: skip
        for p, title in zip(shown, titles, strict=True):
            self.text(surface, title, (x, y), size, palette.INK, True, max_width=w)
            if p.status == "open":
                status = t("charts.open")
                col = palette.GOOD_TEXT
            else:
                status = t("charts.building", year=p.opens_year)
                col = palette.MUTED
            self.text(surface, status, (x, y + f.line_height(size, True) - 2), 16, col,
                      max_width=w)  # fmt: skip
            y += entry
        self.paragraph(surface, hint, pygame.Rect(x, r.bottom - 10 - hint_h, w, hint_h), 16,
                       palette.MUTED)  # fmt: skip
        self._boxes.pop()

    def _tiles(self, surface: pygame.Surface) -> None:
        t, s = self.t, self.s
        h = s.headline()
        base = s.series("jobs")[0].scenario if s.series("jobs") else h.jobs
        pop0 = s.series("population")[0].scenario if s.series("population") else h.population

        def since(change: float) -> str:
            if s.turn == 0:
                return t("year.starting_point")
            return t("year.since_2021", change=fmt.signed(change))

        tiles = [
            (t("year.population"), fmt.count(h.population), since(h.population - pop0)),
            # the jobs count is the 2021 census's, taken in lockdown: the tile says so
            (
                t("year.jobs"),
                fmt.count(h.jobs),
                t("year.jobs_caveat")
                if s.turn == 0
                else t("year.jobs_since", change=fmt.signed(h.jobs - base)),
            ),  # fmt: skip
            (t("year.unemployment"), fmt.pct(h.unemployment_rate), t("year.of_workforce")),
            (t("year.approval"), f"{h.approval_overall:.0f}%", t("year.approval_note")),
            (t("year.money"), fmt.money(s.money), t("year.fund_note", fund=fmt.money(s.fund))),
            (t("year.clout"), str(s.clout), t("year.clout_note")),
        ]
        w = (W - 48 - 5 * 10) // 6
        for i, (label, value, note) in enumerate(tiles):
            r = pygame.Rect(24 + i * (w + 10), 74, w, 88)
            fill = palette.CARD if i < 4 else (232, 242, 250)
            panel(surface, r, fill=fill)
            self._boxes.append(r)
            lab = self.text(surface, label, (r.left + 12, r.top + 4), 16, palette.MUTED, True,
                            max_width=w - 20)  # fmt: skip
            col = palette.INK
            if i == 3:
                col = palette.GOOD_TEXT if h.approval_overall >= 50 else palette.BAD_TEXT
            note_r = self.text(surface, note, (r.left + 12, r.bottom - 2), 15, palette.MUTED,
                               anchor="bottomleft", max_width=w - 20)  # fmt: skip
            # the number fills the space between, centred: a font's line box is taller than
            # its digits, so the boxes may touch while the ink never does
            size = self.fit_size(value, 30, w - 20, True, floor=16)
            self.text(surface, value, (r.left + 12, (lab.bottom + note_r.top) // 2 + 1), size, col,
                      True, "midleft")  # fmt: skip
            self._boxes.pop()

    def _card(self, surface: pygame.Surface, card: Any, r: pygame.Rect) -> None:
        """A proposal card, laid out top-down by measuring each part at the current text
        size, so at the projector setting it reflows (fewer citizen rows) instead of
        spilling or cutting numbers. No caption is under 16 px on the 1280x720 design."""
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
        x, w = r.left + 14, r.width - 28
        y = r.top + 18
        exp = t("year.expires", year=card.expires_year)
        exp_col = palette.BAD_TEXT if card.expires_year <= self.s.year else palette.MUTED
        cat = category_name(t, card.category).upper()
        why = t("year.why_here")
        exp_w = f.size(exp, 16, True)[0]
        # The offer-end date is never cut: beside the category if both fit, else beside the
        # WHY HERE heading, else on a line of its own.
        exp_at, top = "top", 16
        while top > 14 and f.size(cat, top, True)[0] + 12 + f.size(exp, top, True)[0] > w:
            top -= 1
        if f.size(cat, top, True)[0] + 12 + f.size(exp, top, True)[0] > w:
            top = 16
            exp_at = "why" if f.size(why, 16, True)[0] + 12 + exp_w <= w else "own"
        self.text(surface, cat, (x, y), top, palette.MUTED, True, max_width=w)
        if exp_at == "top":
            self.text(surface, exp, (r.right - 14, y), top, exp_col, True, "topright")
        y += f.line_height(16, True)
        if exp_at == "own":
            y -= 3
            self.text(surface, exp, (x, y), 16, exp_col, True, max_width=w)
            y += f.line_height(16, True) - 1
        # the title wraps to two lines, shrinking a little before it would ever be cut
        title = card_title(t, card)
        size = 21
        while size > 16 and self.wrapped_lines(title, size, w, True) > 2:
            size -= 1
        y = self.paragraph(surface, title, pygame.Rect(x, y, w, 0), size, palette.INK, True,
                           max_lines=2) + 2  # fmt: skip
        y = self._facts(surface, card, x, y, w)
        pygame.draw.line(surface, palette.RULE, (x, y), (x + w, y), 1)
        y += 4
        # the reason sits above the buttons; the citizen groups get the room in between
        reason = (
            card.reason if not t.has(card.reason_key) else t(card.reason_key, **card.reason_params)
        )
        row_h = f.line_height(16) - 1  # rows sit close: a line box is taller than its ink
        head_h = f.line_height(16, True) - 1
        sides = [(t("year.for"), card.supporters, True),
                 (t("year.against"), card.detractors, False)]  # fmt: skip
        # The reason always gets every line it needs (its numbers are the point), in a
        # slightly smaller size if that keeps a citizen row a side (never under 16 px on the
        # design screen); the citizen lists give way, and say how many they leave out.
        floor = min(16, math.ceil(16 / f.text_scale))
        bottom = r.bottom - self.button_area - 6
        why_w = f.size(why, 16, True)[0] + 8
        shown = [min(len(groups), 1) for _, groups, _ in sides]  # the least we show

        def rows(i: int) -> int:
            label, groups, _ = sides[i]
            if not groups:  # "nobody in particular" beside the heading if it fits
                return 0 if self._nobody_inline(label, w) else 1
            hidden = len(groups) - shown[i]
            return shown[i] + (0 if not hidden or self._more_inline(label, hidden, w) else 1)

        # the heading runs into the reason's first line when that gains a citizen row
        for inline_why in (False, True):
            for rsize in range(16, floor - 1, -1):
                lh = f.line_height(rsize)
                if inline_why:
                    pad = "\u00a0" * (-(-why_w // max(1, f.size("\u00a0", rsize)[0])))
                    lines = self.wrapped_lines(pad + reason, rsize, w)
                    label_top = reason_top = bottom - lines * lh
                else:
                    lines = self.wrapped_lines(reason, rsize, w)
                    reason_top = bottom - lines * lh
                    label_top = reason_top - head_h
                room = label_top - y - 2 * head_h
                if (rows(0) + rows(1)) * row_h <= room:
                    break
            if (rows(0) + rows(1)) * row_h <= room:
                break
        # then as many groups as the room takes, shared out to the longer list first
        while True:
            grow = [i for i in (0, 1) if shown[i] < len(sides[i][1])]
            if not grow:
                break
            i = max(grow, key=lambda k: (len(sides[k][1]) - shown[k], -k))
            shown[i] += 1
            if (rows(0) + rows(1)) * row_h > room:
                shown[i] -= 1
                break

        for (label, groups, good), n in zip(sides, shown, strict=True):
            y = self._stances(surface, x, y, w, label, groups, n, good)
        self.text(surface, why, (x, label_top), 16, palette.MUTED, True, max_width=w)
        if exp_at == "why":
            self.text(surface, exp, (r.right - 14, label_top), 16, exp_col, True, "topright")
        if inline_why:
            reason = pad + reason
        self.paragraph(surface, reason, pygame.Rect(x, reason_top, w, lines * lh), rsize,
                       palette.MUTED)  # fmt: skip
        self._boxes.pop()

    def _nobody_inline(self, label: str, w: int) -> bool:
        f = self.fonts
        return f.size(label, 16, True)[0] + 12 + f.size(self.t("year.nobody"), 16)[0] <= w

    def _more_inline(self, label: str, hidden: int, w: int) -> bool:
        """Whether "+2 more" fits on the heading line beside the heading at full size."""
        f = self.fonts
        more = self.t("year.more_groups", n=hidden)
        return f.size(label, 16, True)[0] + 12 + f.size(more, 16, True)[0] <= w

    def _facts(self, surface: pygame.Surface, card: Any, x: int, y: int, w: int) -> int:
        """Cost, build time, the jobs figures, reach and clout: pairs share a line when both
        fit at full size, otherwise each gets its own; numbers are never shortened."""
        t, f = self.t, self.fonts
        pairs = [
            [(t("year.cost"), fmt.money(card.cost)),
             (t("year.build"), t("year.years", n=card.build_years))],
            [(t("year.jobs_gross"), fmt.count(card.gross_jobs)),
             (t("jobs.net"), fmt.count(card.net_jobs))],
            [(t("year.people"), fmt.count(card.people_affected)),
             (t("year.clout_cost"), str(card.clout_to_fund))],
        ]  # fmt: skip
        both = (t("year.jobs_short"), t("year.jobs_values", gross=fmt.count(card.gross_jobs),
                                        net=fmt.count(card.net_jobs)))  # fmt: skip
        row_h = f.line_height(17, True) - 2  # the line box is taller than the ink
        # captions may come down to 16 px on the design screen (no smaller) to keep a pair
        # on one line; the numbers stay at full size
        floor = min(16, math.ceil(16 / f.text_scale))

        def width(label: str, value: str, size: int) -> int:
            return f.size(label + ":", size)[0] + 6 + f.size(value, 17, True)[0]

        def fact(label: str, value: str, fx: int, room: int, size: int) -> None:
            vw = f.size(value, 17, True)[0]
            lab = self.text(surface, label + ":", (fx, y + 1), size, palette.MUTED,
                            max_width=room - vw - 6)  # fmt: skip
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

    def _stances(self, surface, x, y, w, label, groups, n: int, good: bool) -> int:
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
            self.text(surface, self.t("year.nobody"), (x + w, y), 16, palette.MUTED,
                      anchor="topright")  # fmt: skip
            return y + f.line_height(16, True) - 1
        y += f.line_height(16, True) - 1
        row_h = f.line_height(16) - 1
        if not groups:
            self.text(surface, self.t("year.nobody"), (x + 18, y), 16, palette.MUTED,
                      max_width=w - 18)  # fmt: skip
            return y + row_h
        for gid, name, size in groups[:n]:
            gname = self.ctx.group_name(gid) or name
            nr = self.text(surface, fmt.count(size), (x + w, y), 16, palette.INK, anchor="topright")
            self.text(surface, f"{mark} {gname}", (x + 4, y), 16, col,
                      max_width=nr.left - x - 14)  # fmt: skip
            y += row_h
        if hidden > 0 and not inline:
            self.text(surface, more, (x + w, y), 16, col, True, "topright")
            y += row_h
        return y
