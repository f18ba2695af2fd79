"""The area choice's search: what a typed name finds, the result buttons' labels, and the
line shown when nothing matches. Functions of the scene, apart from it to keep scene.py
small; the matching itself is World.find / World.suggest (the CLI answers the same way)."""

from __future__ import annotations

from typing import Protocol

import pygame
import pygame_gui

from game.client import palette
from game.client.assets import Fonts
from game.client.i18n import Translator
from game.client.keyboard import in_kiosk
from game.client.scenes.area_choice.column import column
from game.client.scenes.area_choice.measures import MAX_RESULTS
from game.model.area import AreaProfile
from game.model.places import loose as fold_name
from game.model.places import postcode_shaped
from game.model.world import World


class AreaChoiceScene(Protocol):
    """What the search reads and sets on the area choice scene (scene.py)."""

    t: Translator
    world: World
    mode: str
    query: str
    results: list[AreaProfile]
    labels: dict[str, str]
    notes: dict[str, str]
    guessed: bool
    postcode: bool
    by_code: dict[str, AreaProfile]
    result_buttons: list[pygame_gui.elements.UIButton]
    fonts: Fonts

    def _pool(self) -> list[AreaProfile]: ...
    def display_name(self, area: AreaProfile) -> str: ...
    def paragraph(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        size: int = 20,
        colour: tuple[int, int, int] = palette.INK,
        bold: bool = False,
        max_lines: int | None = None,
    ) -> int: ...
    def paragraph_size(
        self, text: str, size: int, rect: pygame.Rect, bold: bool = False
    ) -> int: ...


def refresh_results(scene: AreaChoiceScene) -> None:
    """Search for the query and put the answers on the result buttons."""
    q = scene.query.strip().lower()
    scene.labels, scene.guessed, scene.postcode = {}, False, False
    if q:
        # English and Welsh names, accents and full stops optional ("ynys mon", "St
        # Helens"), and the names people use: towns and the 2023 councils (aliases.csv)
        scene.results = []
        for m in scene.world.find(q, scene.mode)[:MAX_RESULTS]:
            area = scene.by_code.get(m.code) or scene.world.resolve(m.code)
            scene.results.append(area)
            if m.alias is not None:
                alias_words(scene, m.alias, area)
        if not scene.results and postcode_shaped(q):
            scene.postcode = True  # no postcode lookup is shipped: say so, guess nothing
        elif not scene.results:
            _did_you_mean(scene, q)
    else:
        scene.results = [] if scene.mode == "lad" else scene._pool()[:MAX_RESULTS]
    shown = column(scene.fonts.text_scale).rows  # three at the projector sizes
    for i, b in enumerate(scene.result_buttons):
        if i < min(len(scene.results), shown):
            area = scene.results[i]
            b.set_text(scene.labels.get(area.code) or result_label(scene, area))
            b.show()
            b.enable()
        else:
            b.set_text("")
            b.hide()


def _did_you_mean(scene: AreaChoiceScene, q: str) -> None:
    """Nothing matches: the closest names, as "Did you mean ...?" (as the CLI)."""
    scene.guessed = True
    for hint in scene.world.suggest(q, n=MAX_RESULTS):
        code = hint.rsplit("(", 1)[-1].rstrip(")")
        area = scene.by_code.get(code) or scene.world.resolve(code)
        if scene.mode == "lad" and area.kind not in ("lad", "council_2023"):
            continue
        scene.results.append(area)
        name = hint.rsplit(" (", 1)[0]
        scene.labels[area.code] = scene.t("area.did_you_mean", name=name)


def alias_words(scene: AreaChoiceScene, alias: str, area: AreaProfile) -> None:
    """The result label and the selection note for a name people use."""
    t, name = scene.t, scene.display_name(area)
    if area.kind == "council_2023":
        districts = ", ".join(scene.display_name(scene.world.areas[c]) for c in area.members)
        scene.labels[area.code] = t("area.council_label", name=alias, n=len(area.members))
        scene.notes[area.code] = t(
            "area.council_note", name=alias, n=len(area.members), districts=districts
        )
    elif fold_name(alias) != fold_name(name):
        scene.labels[area.code] = t("area.alias_label", alias=alias, name=name)
        scene.notes[area.code] = t("area.alias_note", alias=alias, name=name)


def result_label(scene: AreaChoiceScene, area: AreaProfile) -> str:
    name = scene.display_name(area)
    other = area.name_cy if name == area.name else area.name
    if other and other != name:
        name = f"{name} ({other})"
    if scene.mode == "lad":
        return name
    return f"{name} ({len(area.members)})"


def touch_words(scene: object) -> bool:
    """Tap, not click or press Enter: at a stand, or once a finger has been used here."""
    return in_kiosk(scene) or bool(getattr(scene, "touched", False))


def draw_search_line(scene: AreaChoiceScene, surface: pygame.Surface) -> None:
    """Under the search box: how to search (nothing typed yet), or why nothing is listed."""
    q, t = scene.query.strip(), scene.t
    if not q and scene.mode == "lad":
        text = t("area.type_hint_touch" if touch_words(scene) else "area.type_hint")
    elif scene.postcode:
        text = t("area.postcode", query=q)
    elif q and not scene.results:
        text = t("area.no_match", query=q)
    else:
        return
    room = column(scene.fonts.text_scale).hint
    scene.paragraph(surface, text, room, scene.paragraph_size(text, 18, room), palette.MUTED)
