"""Asset paths anchored at the package (never the current directory), fonts and theme."""

from __future__ import annotations

import json
from functools import lru_cache

import pygame

from game.resources import assets_dir

ASSETS_DIR = assets_dir()
FONTS_DIR = ASSETS_DIR / "fonts"
THEME_PATH = ASSETS_DIR / "theme" / "theme.json"

REGULAR = FONTS_DIR / "DejaVuSans.ttf"
BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"


# "mini" is only used at the projector sizes, where it is still over ~20 px at 1080p
BUTTON_SIZES = {"big": 26, "normal": 20, "small": 17, "tiny": 14, "mini": 11}
SMALLEST_PX = 40 / 3  # design pixels (1280x720) that show as 20 px at 1920x1080


def button_sizes(text_scale: float, start: str = "normal") -> list[str]:
    """The button text sizes from `start` down that a label may take at this text size:
    "tiny" always (the 100% floor), the smaller ones only while ~20 px at 1080p."""
    order = list(BUTTON_SIZES)
    return [
        name
        for name in order[order.index(start) :]
        if order.index(name) <= order.index("tiny")
        or BUTTON_SIZES[name] * text_scale >= SMALLEST_PX
    ]


COLOUR_CLASSES = ("plain", "secondary", "fund", "reject", "toggle_on", "toggle_off", "muted")


def button_class(colour: str, size: str) -> str:
    return f"@{colour}_{size}"


def wrap_class(colour: str) -> str:
    """The class of a button whose label the scene draws itself, wrapped (game/client/
    wrapped.py): pygame_gui paints its text in the background's colours, so unseen."""
    return f"@{colour}_wrap"


def label_colour(theme: dict, colour: str, state: str = "normal") -> str:
    """A colour class's text colour (hex) for a button state, as the theme sets it."""
    key = f"{state}_text"
    own = theme.get(f"@{colour}", {}).get("colours", {})
    return own.get(key) or theme["defaults"]["colours"][key]


def _wrap_block(theme: dict, colour: str) -> dict:
    colours = dict(theme["defaults"]["colours"])
    colours.update(theme.get(f"@{colour}", {}).get("colours", {}))
    for state in ("normal", "hovered", "selected", "active", "disabled"):
        colours[f"{state}_text"] = colours[f"{state}_bg"]
    # pygame_gui's own (unseen) label small enough never to spill past the button's edge
    font = {"name": "dejavu", "size": "6", "bold": "1"}
    font.update(regular_path="DejaVuSans.ttf", bold_path="DejaVuSans-Bold.ttf")
    return {"colours": colours, "font": font}


def load_theme(text_scale: float = 1.0) -> dict:
    """The pygame_gui theme as a dict, with absolute font paths and sizes scaled.

    Adds a class for every colour class x text size (see BUTTON_SIZES), and one per colour
    whose label is drawn by the scene (wrap_class)."""
    theme = json.loads(THEME_PATH.read_text(encoding="utf-8"))
    theme.pop("_comment", None)
    for colour in COLOUR_CLASSES:
        theme[wrap_class(colour)] = _wrap_block(theme, colour)
        colours = theme.get(f"@{colour}", {}).get("colours", {})
        for size, px in BUTTON_SIZES.items():
            block: dict = {
                "font": {
                    "name": "dejavu",
                    "size": str(px),
                    "bold": "1",
                    "regular_path": "DejaVuSans.ttf",
                    "bold_path": "DejaVuSans-Bold.ttf",
                }
            }
            if colours:
                block["colours"] = dict(colours)
            theme[button_class(colour, size)] = block
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if not font:
            continue
        for key in ("regular_path", "bold_path", "italic_path", "bold_italic_path"):
            if key in font:
                font[key] = str(FONTS_DIR / font[key])
        font["size"] = str(round(int(font["size"]) * text_scale))
    return theme


class Fonts:
    """Font objects and rendered-text cache for everything drawn outside pygame_gui.

    Rendering text is the most expensive thing a frame does, so rendered surfaces are cached
    by (text, size, bold, colour); the cache is cleared wholesale when it grows too big.
    """

    def __init__(self, text_scale: float = 1.0) -> None:
        self.text_scale = text_scale
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: dict[tuple[str, int, bool, tuple[int, ...]], pygame.Surface] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        px = max(8, round(size * self.text_scale))
        key = (px, bold)
        f = self._fonts.get(key)
        if f is None:
            f = pygame.font.Font(str(BOLD if bold else REGULAR), px)
            self._fonts[key] = f
        return f

    def render(
        self, text: str, size: int, colour: tuple[int, ...], bold: bool = False
    ) -> pygame.Surface:
        key = (text, size, bold, tuple(colour))
        surf = self._text.get(key)
        if surf is None:
            if len(self._text) > 4000:
                self._text.clear()
            surf = self.font(size, bold).render(text, True, colour)
            self._text[key] = surf
        return surf

    def size(self, text: str, size: int, bold: bool = False) -> tuple[int, int]:
        return self.font(size, bold).size(text)

    def line_height(self, size: int, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Greedy word wrap to a pixel width; explicit newlines are kept."""
        return list(_wrap_cached(self, text, size, width, bold))


@lru_cache(maxsize=2048)
def _wrap_cached(fonts: Fonts, text: str, size: int, width: int, bold: bool) -> tuple[str, ...]:
    font = fonts.font(size, bold)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = word if not line else f"{line} {word}"
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
            while font.size(line)[0] > width and len(line) > 1:
                # one word wider than the box (a file path in an error): break it
                cut = _fit(font, line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return tuple(lines)


def _fit(font: pygame.font.Font, text: str, width: int) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
