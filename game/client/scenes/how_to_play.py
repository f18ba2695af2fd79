"""How to play, in three short panels: the goal, money and clout, what the score counts.

Shown before a player's first year (and to every visitor at a stand), and again from Help.
The score's weights come from the game's rules (data/play/rules.csv), so the panel always
says what the verdict will really count.
"""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.scene import Host, Modal
from game.client.scenes.how_to_play_goal import draw_goal_picture

PANELS = ("goal", "money", "score")


class HowToPlayDialog(Modal):
    name = "how_to_play"
    box = pygame.Rect(120, 60, 1040, 600)

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.panel = 0

    def build(self) -> None:
        b, t = self.box, self.t
        y = b.bottom - 84
        if self.panel > 0:
            self.button(
                (b.left + 36, y, 220, 60),
                t("howto.back"),
                self.back,
                cls="secondary",
                name="howto_back",
            )
        last = self.panel == len(PANELS) - 1
        label = t("howto.play") if last else t("howto.next")
        self.button((b.right - 316, y, 280, 60), label, self.next, cls="big", name="howto_next")
        self.focus.set_by_name("howto_next")

    def next(self) -> None:
        if self.panel == len(PANELS) - 1:
            self.ctx.settings.seen_how_to_play = True
            self.app.save_settings()
            self.close()
            return
        self.panel += 1
        self.rebuild(keep_focus=False)

    def back(self) -> None:
        self.panel = max(0, self.panel - 1)
        self.rebuild(keep_focus=False)

    def on_back(self) -> bool:
        self.ctx.settings.seen_how_to_play = True
        self.close()
        return True

    def _weights(self) -> dict[str, int]:
        from game.play.rules import load_rulebook

        r = load_rulebook().rules
        total = (r.score_weight_approval + r.score_weight_jobs + r.score_weight_value) or 1.0
        return {
            "approval": round(100 * r.score_weight_approval / total),
            "jobs": round(100 * r.score_weight_jobs / total),
            "value": round(100 * r.score_weight_value / total),
        }

    def draw_scene(self, surface: pygame.Surface) -> None:
        super().draw_scene(surface)
        b, t = self.box, self.t
        key = PANELS[self.panel]
        with self.within(b):
            self.text(
                surface,
                t("howto.step", n=self.panel + 1, total=len(PANELS)),
                (b.right - 36, b.top + 30),
                18,
                palette.MUTED,
                anchor="topright",
            )
            self.text(
                surface,
                t(f"howto.{key}.title"),
                (b.left + 36, b.top + 24),
                32,
                palette.HEADER,
                True,
                max_width=b.width - 220,
            )
            y = b.top + 24 + self.fonts.line_height(32, True) + 16
            body = t(f"howto.{key}.body", **self._weights())
            paras, w = body.split("\n"), b.width - 72
            # the panel's words step down a size (never below ~20 px at 1080p) rather than
            # run under the buttons at the projector sizes
            size, room = 22, b.bottom - 100 - y
            while (
                size > 14
                and sum(
                    self.wrapped_lines(p, size, w) * self.fonts.line_height(size) + 12
                    for p in paras
                )
                > room
            ):
                size -= 1
            for para in paras:
                y = (
                    self.paragraph(
                        surface, para, pygame.Rect(b.left + 36, y, w, 0), size, palette.INK
                    )
                    + 12
                )
            if key == "goal":  # the player's own area and the ten years, under the words
                picture = pygame.Rect(b.left + 36, y + 8, w, b.bottom - 100 - y - 8)
                draw_goal_picture(self, surface, picture)
            self._dots(surface)

    def _dots(self, surface: pygame.Surface) -> None:
        b = self.box
        for i in range(len(PANELS)):
            centre = (b.centerx - 30 + i * 30, b.bottom - 54)
            colour = palette.HEADER if i == self.panel else palette.RULE
            pygame.draw.circle(surface, colour, centre, 9)
