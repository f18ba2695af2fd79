"""Consult a group about a proposal: its projected approval change and why (costs clout)."""

from __future__ import annotations

import functools

import pygame

from game.client import charts, fmt, palette
from game.client.assets import BUTTON_SIZES
from game.client.classplay import ClassPlay, Decision
from game.client.scene import Host, Modal
from game.client.text import card_title, group_name, indicator_label, reason_text
from game.play import Consult, Consultation, GameSession, GroupStance


class ConsultDialog(Modal):
    name = "consult"
    box = pygame.Rect(120, 60, 1040, 600)

    def __init__(self, app: Host, card_id: str) -> None:
        super().__init__(app)
        session = app.ctx.session
        assert session is not None, "a consultation needs a game"
        self.s: GameSession = session
        self.card_id = card_id
        card = session.card(card_id)
        assert card is not None, f"no open card {card_id}"
        self.card = card
        self.consultation: Consultation | None = None
        self.error = ""

    def build(self) -> None:
        t, s, b = self.t, self.s, self.box
        if self.consultation is None:
            stances = self.card.stances[:10]
            labels = self._labels(stances)
            top, per_col, width, pitch = self._group_grid(labels)
            # one text size for the list, so no row looks louder than another
            order = list(BUTTON_SIZES)
            common = max((self.fit_button_size(x, width) for x in labels), key=order.index)
            for i, (st, label) in enumerate(zip(stances, labels, strict=True)):
                col, row = divmod(i, per_col)
                x = b.left + 40 + col * (width + 20)
                y = top + row * pitch
                ok = s.check(Consult(card_id=self.card_id, group_id=st.group_id)).ok
                self.button(
                    (x, y, width, min(52, pitch - 4)),
                    label,
                    functools.partial(self.ask, st.group_id),
                    cls="secondary",
                    name=f"group_{st.group_id}",
                    enabled=ok,
                    size=common,
                )
            self.button(
                (b.right - 220, b.bottom - 76, 190, 54), t("ui.close"), self.done, name="close"
            )
        else:
            self.button(
                (b.left + 40, b.bottom - 76, 300, 54),
                t("consult.again"),
                self.again,
                cls="secondary",
                name="again",
            )
            self.button(
                (b.right - 220, b.bottom - 76, 190, 54), t("ui.close"), self.done, name="close"
            )
        self.focus.ensure_usable()

    def _labels(self, stances: list[GroupStance]) -> list[str]:
        """ "Young families · 11,718 · leans for"; where one of those cannot fit the dialog
        (Welsh at the projector sizes) every button says for or against with the card's own
        ▲/▼ instead, so the list reads alike."""
        t, room = self.t, self.box.width - 80 - 14
        rows = [
            (st.strength > 0, group_name(self.ctx, st.group_id), fmt.count(st.size))
            for st in stances
        ]
        long = [
            f"{name} · {size} · {t('consult.supports') if up else t('consult.opposes')}"
            for up, name, size in rows
        ]
        if all(self.fonts.size(x, BUTTON_SIZES["tiny"], bold=True)[0] <= room for x in long):
            return long
        return [f"{'▲' if up else '▼'} {name} · {size}" for up, name, size in rows]

    def _group_grid(self, labels: list[str]) -> tuple[int, int, int, int]:
        """Top, buttons per column, width and row pitch of the group buttons: below the
        "who would you like to ask?" text as _draw_box lays it out, in two columns while
        every label fits one, else one full-width column (the projector sizes)."""
        b, f = self.box, self.fonts
        head_bottom = b.top + 26 + f.line_height(28, True)
        title_bottom = max(b.top + 68, head_bottom + 2) + f.line_height(22, True)
        below = max(b.top + 108, title_bottom + 6)
        pick = f.wrap(self.t("consult.pick"), 19, b.width - 80)
        top = max(b.top + 170, below + 2 + len(pick) * f.line_height(19) + 10)
        tiny = BUTTON_SIZES["tiny"]
        two = all(f.size(label, tiny, bold=True)[0] <= 470 - 14 for label in labels)
        per_col = 5 if two else max(1, len(labels))
        width = 470 if two else b.width - 80
        room = b.bottom - 80 - top  # down to just above Close
        # rows share the room, never below a finger's 48 px at 1080p (32 + a 4 px gap)
        pitch = max(36, min(62, room // max(1, min(per_col, len(labels)))))
        return top, per_col, width, pitch

    def ask(self, group_id: str) -> None:
        result = self.s.act(Consult(card_id=self.card_id, group_id=group_id))
        if result.ok:
            self.consultation = result.consultation
            self.error = ""
        else:
            self.error = reason_text(self.ctx, result)
        self.rebuild(keep_focus=False)

    def again(self) -> None:
        self.consultation = None
        self.rebuild(keep_focus=False)

    def done(self) -> None:
        self.close(self.consultation)

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        with self.within(self.box):
            self._draw_box(surface)

    def _draw_box(self, surface: pygame.Surface) -> None:
        t, s, b = self.t, self.s, self.box
        cl = self.text(
            surface,
            t("consult.clout", cost=s.rules.clout_consult, clout=s.clout),
            (b.right - 40, b.top + 32),
            18,
            palette.MUTED,
            anchor="topright",
        )
        head = self.text(
            surface,
            t("consult.title"),
            (b.left + 40, b.top + 26),
            28,
            palette.INK,
            True,
            max_width=cl.left - b.left - 60,
        )
        title = card_title(self.ctx, self.card)
        # each line below the one above, so the projector sizes push down instead of overlap
        tr = self.text(
            surface,
            title,
            (b.left + 40, max(b.top + 68, head.bottom + 2)),
            22,
            palette.BLUE,
            True,
            max_width=b.width - 80,
        )
        below = max(b.top + 108, tr.bottom + 6)
        if self.error:
            self.text(
                surface, self.error, (b.left + 40, b.bottom - 110), 18, palette.BAD_TEXT, True
            )
        c = self.consultation
        if c is None:
            self.paragraph(
                surface,
                t("consult.pick"),
                pygame.Rect(b.left + 40, below + 2, b.width - 80, 60),
                19,
                palette.INK,
            )
            return
        col = palette.GOOD_TEXT if c.delta >= 0 else palette.BAD_TEXT
        name = group_name(self.ctx, c.group_id) or c.group_name
        y = self.paragraph(
            surface,
            t("consult.result", group=name, size=fmt.count(c.size)),
            pygame.Rect(b.left + 40, below, b.width - 80, 0),
            20,
            palette.INK,
            max_lines=2,
        )
        big = self.text(surface, fmt.points(c.delta), (b.left + 40, y), 44, col, True)
        room = b.right - 40 - big.right - 14
        self.text(
            surface,
            t("consult.points"),
            (big.right + 14, big.centery + 4),
            19,
            palette.MUTED,
            anchor="midleft",
            max_width=room,
        )
        why_y = big.bottom + 4
        self.text(surface, t("consult.why"), (b.left + 40, why_y), 20, palette.INK, True)
        top = why_y + self.fonts.line_height(20, True) + 4
        lines = [(indicator_label(self.ctx, ln), ln.delta) for ln in c.lines]
        charts.why_breakdown(
            surface,
            pygame.Rect(b.left + 40, top, b.width - 80, b.bottom - 96 - top),
            charts.Writer(functools.partial(self.text, surface), self.fonts),
            lines,
            t("consult.no_reasons"),
            max_rows=5,
            total=c.delta,
            other_label=t("charts.why_other"),
        )


class ClassConsultDialog(ConsultDialog):
    """In a class game: the question goes to the hub, which answers (and charges the clout);
    the answer shown is the hub's."""

    def __init__(self, app: Host, card_id: str) -> None:
        super().__init__(app, card_id)
        self.decision: Decision | None = None

    def ask(self, group_id: str) -> None:
        play, action = self.ctx.class_game, Consult(card_id=self.card_id, group_id=group_id)
        if self.decision is not None or not isinstance(play, ClassPlay):
            return
        if play.phase != "playing":
            key = "class.wait.paused" if play.phase == "paused" else "class.wait.start"
            self.error = self.t(key)
            self.rebuild(keep_focus=False)
        elif not self.s.check(action).ok:
            super().ask(group_id)  # refused by the same rules here: says why
        else:
            self.decision = play.decide(action, self.s)

    def update(self, dt: float) -> None:
        d = self.decision
        if d is None or not d.settled:
            return
        self.decision = None
        if d.result is None:
            self.error = self.t("class.not_sent", reason=d.error)
        elif not d.result.ok:
            self.error = reason_text(self.ctx, d.result)
        else:
            self.consultation, self.error = d.result.consultation, ""
        self.rebuild(keep_focus=False)
