"""Settings: language, fullscreen, sound, text size. Changes apply at once and are saved."""

from __future__ import annotations

import pygame

from game.client import palette
from game.client.dialogs import header, panel
from game.client.i18n import languages
from game.client.scene import Scene
from game.client.settings import TEXT_SCALES


class SettingsScene(Scene):
    name = "settings"

    def build(self) -> None:
        t, s = self.t, self.ctx.settings
        x, w = 560, 300
        rows = [
            ("language", t("settings.language_value")),
            ("fullscreen", t("ui.on") if s.fullscreen else t("ui.off")),
            ("sound", t("ui.on") if s.sound else t("ui.off")),
            ("text", f"{round(s.text_scale * 100)}%"),
        ]
        actions = [self.toggle_language, self.toggle_fullscreen, self.toggle_sound, self.next_scale]
        for i, ((key, value), action) in enumerate(zip(rows, actions, strict=True)):
            if key == "fullscreen" and self.ctx.kiosk is not None:
                # a stand stays full screen: no button, and the screen says why
                self.stand_note = (x, 140 + i * 90 + 30)
                continue
            self.button((x, 140 + i * 90, w, 60), value, action, cls="secondary", name=key)
        self.button((80, 624, 220, 60), t("ui.back"), self.back, name="back")

    def toggle_language(self) -> None:
        s = self.ctx.settings
        # the next language with a catalogue (each names itself: settings.language_value)
        langs = languages()
        s.language = (
            langs[(langs.index(s.language) + 1) % len(langs)] if s.language in langs else langs[0]
        )
        self.app.save_settings()
        self.app.apply_language_and_scale()

    def toggle_fullscreen(self) -> None:
        self.app.toggle_fullscreen()
        self.rebuild()

    def toggle_sound(self) -> None:
        self.ctx.settings.sound = not self.ctx.settings.sound
        self.app.save_settings()
        self.rebuild()

    def next_scale(self) -> None:
        s = self.ctx.settings
        i = min(range(len(TEXT_SCALES)), key=lambda k: abs(TEXT_SCALES[k] - s.text_scale))
        s.text_scale = TEXT_SCALES[(i + 1) % len(TEXT_SCALES)]
        self.app.save_settings()
        self.app.apply_language_and_scale()

    def back(self) -> None:
        self.close()

    def on_back(self) -> bool:
        self.back()
        return True

    stand_note: tuple[int, int] | None = None

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        header(self, surface, self.t("settings.title"))
        box = pygame.Rect(60, 110, 1160, 490)
        panel(surface, box)
        # at a stand F11 does nothing and the next visitor gets the stand's settings back
        stand = self.ctx.kiosk is not None
        full = "settings.fullscreen_stand" if stand else "settings.fullscreen"
        labels = ["settings.language", full, "settings.sound", "settings.text"]
        with self.within(box):
            for i, key in enumerate(labels):
                # a label keeps clear of its button (x 560): long Welsh labels step down
                self.text(
                    surface,
                    self.t(key),
                    (100, 170 + i * 90),
                    24,
                    bold=True,
                    anchor="midleft",
                    max_width=440,
                )
            # the hint wraps inside the panel (the Welsh runs off the screen in one line)
            hint = self.t("settings.stand_hint" if stand else "settings.hint")
            room = pygame.Rect(100, 490, box.right - 40 - 100, box.bottom - 8 - 490)
            self.paragraph(surface, hint, room, self.paragraph_size(hint, 18, room), palette.MUTED)
        note = self.stand_note
        if note is not None:  # wraps beside its label, where the button would be
            words = self.t("settings.stand_fullscreen")
            room = pygame.Rect(note[0], note[1] - 30, 1180 - note[0], 60)
            size = self.paragraph_size(words, 20, room)
            lines = self.wrapped_lines(words, size, room.width)
            room.top = note[1] - lines * self.fonts.line_height(size) // 2
            self.paragraph(surface, words, room, size, palette.INK)
