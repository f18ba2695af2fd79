"""Colours. Accents come from the Okabe-Ito palette, which stays distinct for the common
forms of colour blindness; meaning is never carried by colour alone (signs, labels, patterns).
"""

from __future__ import annotations

Colour = tuple[int, int, int]

# Okabe & Ito (2008) "Color Universal Design".
BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (230, 159, 0)
SKY: Colour = (86, 180, 233)
GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILION: Colour = (213, 94, 0)
PURPLE: Colour = (204, 121, 167)

# Base: light paper and near-black ink read best on washed-out projectors.
PAPER: Colour = (247, 245, 239)
CARD: Colour = (255, 255, 255)
INK: Colour = (26, 26, 46)
MUTED: Colour = (74, 79, 87)
RULE: Colour = (200, 204, 210)
HEADER: Colour = (11, 61, 92)
HEADER_TEXT: Colour = (255, 255, 255)
FOCUS: Colour = ORANGE
FOCUS_INNER: Colour = INK

# Darker shades of the accents for text on white (contrast >= 4.5:1).
GOOD_TEXT: Colour = (0, 110, 80)
BAD_TEXT: Colour = (170, 70, 0)
GOOD: Colour = GREEN
BAD: Colour = VERMILION

MALE: Colour = BLUE
FEMALE: Colour = ORANGE
SCENARIO: Colour = BLUE
BASELINE: Colour = MUTED
BAND: Colour = (190, 222, 242)

# Sequential ramp for map shading (light to dark, cividis-like, colour-blind safe).
RAMP: tuple[Colour, ...] = (
    (253, 234, 69),
    (187, 190, 110),
    (124, 146, 124),
    (62, 102, 130),
    (0, 52, 110),
)
NO_DATA: Colour = (210, 210, 210)
