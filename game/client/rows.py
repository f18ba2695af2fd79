"""A row of buttons sharing one width (tabs, page switches): each button gets the room its
label needs and the spare is shared out, at one text size for the whole row, so a long
Welsh label or the projector's 200% text is never clipped by pygame_gui."""

from __future__ import annotations

from game.client.assets import BUTTON_SIZES, Fonts, button_sizes

PAD = 24  # a label's air inside its button (border and margins), design pixels


def share_row(
    fonts: Fonts, labels: list[str], room: int, gap: int = 10, start: str = "normal"
) -> tuple[list[int], str]:
    """(widths, size name): the largest size at which every label fits `room` side by side.
    When none does, the smallest size, the shorter labels whole and the longest sharing what
    is left (a button that wraps its label, game/client/wrapped.py, takes such a width)."""
    spare_total = room - gap * (len(labels) - 1)
    sizes = button_sizes(fonts.text_scale, start)
    needs: list[int] = []
    for size in sizes:
        needs = [fonts.size(label, BUTTON_SIZES[size], bold=True)[0] + PAD for label in labels]
        if max(needs) * len(labels) <= spare_total:  # equal widths, as a row of tabs looks
            return [spare_total // len(labels)] * len(labels), size
        if sum(needs) <= spare_total:
            # share the spare evenly, so a row of short labels still looks like a row
            extra = (spare_total - sum(needs)) // max(len(labels), 1)
            return [n + extra for n in needs], size
    # the short labels get what they need, the longest ones share the rest (and wrap)
    widths = [0] * len(labels)
    left, room_left = len(labels), spare_total
    for i in sorted(range(len(labels)), key=lambda k: needs[k]):
        widths[i] = min(needs[i], room_left // left)
        room_left -= widths[i]
        left -= 1
    return widths, sizes[-1]


def positions(left: int, widths: list[int], gap: int = 10) -> list[int]:
    """The left edge of each button in a row starting at `left`."""
    xs, x = [], left
    for w in widths:
        xs.append(x)
        x += w + gap
    return xs


def label_width(fonts: Fonts, label: str, size: str = "normal") -> int:
    """The width a button needs to show `label` whole at the named size."""
    return fonts.size(label, BUTTON_SIZES[size], bold=True)[0] + PAD
