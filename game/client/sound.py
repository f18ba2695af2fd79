"""Optional sound effects, off by default (settings). Tones are synthesised at start-up,
so no audio files need shipping; any audio trouble just means silence."""

from __future__ import annotations

import numpy as np
import pygame

RATE = 22050


def _tone(freqs: list[float], seconds: float, volume: float = 0.25) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    wave = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs)
    envelope = np.minimum(1.0, 10 * t) * np.exp(-4 * t)  # soft attack, gentle decay
    mono = (wave * envelope * volume * 32767).astype(np.int16)
    return np.column_stack([mono, mono])


class Sounds:
    def __init__(self) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        self.failed = False

    def _load(self) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=2)
            self._sounds = {
                "click": pygame.sndarray.make_sound(_tone([880.0], 0.08)),
                "fund": pygame.sndarray.make_sound(_tone([523.3, 659.3, 784.0], 0.35)),
                "year": pygame.sndarray.make_sound(_tone([392.0, 523.3], 0.6)),
            }
        except (pygame.error, ValueError):
            self.failed = True

    def play(self, name: str, enabled: bool) -> None:
        if not enabled or self.failed:
            return
        if self._sounds is None:
            self._load()
        if self._sounds and name in self._sounds:
            self._sounds[name].play()
