"""Choose an area: type-ahead search, the clickable map, at random, or a grouping."""

from __future__ import annotations

import functools
import random

import pygame
import pygame_gui

from game.client import palette
from game.client.dialogs import MessageDialog, header
from game.client.focus import Focusable
from game.client.keyboard import OnScreenKeyboard, panel_height
from game.client.mapview import MapView, shade
from game.client.rows import positions, share_row
from game.client.scene import H, Host, Scene, W
from game.client.scenes.area_choice.column import column
from game.client.scenes.area_choice.inset import draw_london
from game.client.scenes.area_choice.measures import (
    LONDON_RECT,
    MAP_RECT,
    MAX_RESULTS,
    MEASURES,
    MODES,
    london_cache,
    map_cache,
    measure_text,
    measure_value,
)
from game.client.scenes.area_choice.panels import draw_legend, draw_no_selection, draw_selection
from game.client.scenes.area_choice.search import draw_search_line, refresh_results
from game.client.text import area_name
from game.client.typed import typed_text
from game.client.wrapped import Labelled, draw_labels, fit_labels
from game.errors import CivicError
from game.model.area import AreaProfile
from game.model.world import World


class AreaChoiceScene(Scene):
    name = "area_choice"

    def __init__(self, app: Host, rng_seed: int | None = None) -> None:
        super().__init__(app)
        self.mode = "lad"
        self.measure = "population"
        self.query = ""
        self.results: list[AreaProfile] = []
        self.labels: dict[str, str] = {}  # code -> result label ("Grimsby → North East Linc…")
        self.notes: dict[str, str] = {}  # code -> what the typed name is (a town, a council)
        self.guessed = False  # the results are "did you mean" suggestions
        self.postcode = False  # the query is a postcode, which this stand cannot look up
        self.touched = False  # a finger was used here: the hints say "tap"
        self.osk: OnScreenKeyboard | None = None
        self.selected: AreaProfile | None = None
        self.hover: str | None = None
        self.keyed: str | None = None  # the area the keyboard is on, when the map has focus
        self.mouse = (0, 0)
        self.map: MapView | None = None
        self.london: MapView | None = None  # the enlarged London inset
        self.values: dict[str, float] = {}
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.result_buttons: list[pygame_gui.elements.UIButton] = []
        seed = rng_seed if rng_seed is not None else app.ctx.seed
        self.rng = random.Random(seed)  # the "random area" button's own generator
        self.ready = False
        self._failed = False

    # -- data ------------------------------------------------------------------------------
    def _prepare(self) -> None:
        world = self.ctx.world
        self.world: World = world
        self.areas = [world.areas[c] for c in world.codes]
        self.groupings = {
            k: sorted(world.groupings(k), key=lambda a: a.name) for k in ("lep", "ca")
        }
        self.by_code = {a.code: a for a in self.areas}
        for k in ("lep", "ca"):
            self.by_code.update({a.code: a for a in self.groupings[k]})
        self.map = map_cache(self.ctx, MAP_RECT)
        self.london = london_cache(self.ctx)
        self._shade()
        self.ready = True

    def code_at(self, pos: tuple[int, int]) -> str | None:
        """The area under a point: the London inset first (it sits over the sea)."""
        if self.london is not None and LONDON_RECT.collidepoint(pos):
            return self.london.code_at(pos)
        return self.map.code_at(pos) if self.map is not None else None

    def _shade(self) -> None:
        assert self.map is not None
        self.values = {a.code: measure_value(a, self.measure) for a in self.areas}
        colours = shade(self.values)
        self.map.render(colours)
        if self.london is not None:
            self.london.render(colours)

    # -- widgets ---------------------------------------------------------------------------
    def build(self) -> None:
        if not self.ready:
            if self._load_failed():
                return
            if not self.ctx.world_ready or not self.ctx.map_ready:
                self.ctx.start_loading()
                return
            self._prepare()
        t = self.t
        self._mode_buttons()
        self._search_box()
        self.result_buttons = []
        col = column(self.fonts.text_scale)
        for i in range(MAX_RESULTS):
            b = self.button(
                col.result(i),
                "",
                functools.partial(self.choose_result, i),
                cls="secondary",
                name=f"result_{i}",
                focusable=True,
            )
            self.result_buttons.append(b)
        y = col.actions_y
        self.button(
            (24, y, 204, 50), t("area.random"), self.choose_random, cls="secondary", name="random"
        )
        self.button((240, y, 204, 50), t("ui.back"), self.close, cls="secondary", name="back")
        start_text = (
            t("area.start_in", name=self.display_name(self.selected))
            if self.selected
            else t("area.start")
        )
        self.start_button = self.button(
            (24, 648, 420, 56),
            start_text,
            self.start,
            cls="big",
            name="start",
            enabled=self.selected is not None,
        )
        # the map takes keyboard focus too: arrow keys walk between areas, Enter picks one
        self.focus.add(
            Focusable(
                rect_of=lambda: MAP_RECT,
                activate=self.pick_keyed,
                enabled=lambda: True,
                name="map",
                on_focus=self._focus_map,
            )
        )
        self.button(
            (976, 80, 290, 48),
            t("area.measure_button", measure=t(f"area.measure.{self.measure}")),
            self.next_measure,
            cls="secondary",
            name="measure",
        )
        self._refresh_results()
        self.focus.set_by_name("search")

    def _mode_buttons(self) -> None:
        t = self.t
        # the three mode buttons share 420 px by label length (Welsh and big text are longer)
        labels = [t(f"area.mode.{m}") for m in MODES]
        widths, size = share_row(self.fonts, labels, 420, 6, "small")
        for m, label, x, w in zip(MODES, labels, positions(24, widths, 6), widths, strict=True):
            self.button(
                (x, 80, w, column(self.fonts.text_scale).tabs_h),
                label,
                functools.partial(self.set_mode, m),
                cls="toggle_on" if m == self.mode else "toggle_off",
                name=f"mode_{m}",
                size=size,
            )

    def _search_box(self) -> None:
        t = self.t
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(24, 140, 360, 54), self.ui, placeholder_text=t("area.search_hint")
        )
        self.entry.set_text(self.query)
        entry = self.entry
        # the on-screen keys lie over the south of the map, clear of the results and of the
        # map's credit (up to two lines of 13 px text at the foot of the map)
        h, credit = panel_height("place"), 10 + 2 * self.fonts.line_height(13)
        rect = pygame.Rect(MAP_RECT.left, MAP_RECT.bottom - credit - h, MAP_RECT.width, h)
        shown = self.osk is not None and self.osk.shown
        self.osk = OnScreenKeyboard(self, rect, entry, self._typed, shown=shown)
        self.osk.build()
        self.button((390, 140, 54, 54), "⌨", self.osk.toggle, cls="secondary", name="keyboard")
        self.focus.add(
            Focusable(
                rect_of=lambda: entry.rect,
                activate=self.choose_first,
                enabled=lambda: True,
                name="search",
                element=entry,
                on_focus=entry.focus,
            )
        )

    def on_enter(self) -> None:
        super().on_enter()
        if self.entry is not None:
            self.entry.focus()

    def _load_failed(self) -> bool:
        """A census folder or map.json that cannot be read ends this scene with a message
        naming the file, back on the title screen; the game goes on."""
        if self._failed:
            return True
        exc = self.ctx.load_error
        if exc is None:
            return False
        if not isinstance(exc, CivicError):
            raise exc
        self._failed = True  # the dialog replaces this scene; say it once
        self.app.stack.pop()
        self.app.stack.push(
            MessageDialog(
                self.app, self.t("data.error_title"), self.t("data.error_body", detail=str(exc))
            )
        )
        return True

    def update(self, dt: float) -> None:
        if not self.ready and self._load_failed():
            return
        if not self.ready and self.ctx.world_ready and self.ctx.map_ready:
            self.rebuild(keep_focus=False)
            if self.entry is not None:
                self.entry.focus()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.selected = None
        self.rebuild()

    def next_measure(self) -> None:
        self.measure = MEASURES[(MEASURES.index(self.measure) + 1) % len(MEASURES)]
        self._shade()
        self.rebuild()

    def _pool(self) -> list[AreaProfile]:
        return self.areas if self.mode == "lad" else self.groupings[self.mode]

    def _refresh_results(self) -> None:
        refresh_results(self)

    def _typed(self, text: str) -> None:
        """The search box's text changed (typed, pasted or from the on-screen keys)."""
        clean = typed_text(text)
        if self.entry is not None and clean != self.entry.get_text():
            self.entry.set_text(clean)  # pasted text can carry invisible characters
        self.query = clean
        self._refresh_results()

    def display_name(self, area: AreaProfile) -> str:
        """The area's name in the player's language (Welsh where ONS publishes one)."""
        return area_name(self.ctx, area)

    # -- choosing --------------------------------------------------------------------------
    def choose_first(self) -> None:
        if self.results:
            self.choose_result(0)

    def choose_result(self, i: int) -> None:
        if i < len(self.results):
            self.select(self.results[i])

    def choose_random(self) -> None:
        pool = self._pool()
        self.select(pool[self.rng.randrange(len(pool))])

    def select(self, area: AreaProfile) -> None:
        self.selected = area
        if self.osk is not None:
            self.osk.hide()  # the map shows where it is; the keys would cover the south
        self.rebuild(keep_focus=False)
        if self.entry is not None:
            self.entry.unfocus()  # Enter now means "start", not "search again"
        self.focus.set_by_name("start")

    def click_map(self, code: str) -> None:
        lad = self.by_code[code]
        if self.mode == "lad":
            self.select(lad)
            return
        key = lad.lep_codes[0] if self.mode == "lep" and lad.lep_codes else lad.ca_code
        if key and key in self.by_code:
            self.select(self.by_code[key])

    def start(self) -> None:
        if self.selected is None:
            return
        scene = self.app.screens.start_game(self.selected.code, self.display_name(self.selected))
        self.app.stack.push(scene)

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.ready:
            if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.close()
                return True
            return False
        if getattr(event, "touch", False):
            self.touched = True
        if self.osk is not None:
            self.osk.watch(event)
        on_keys = hasattr(event, "pos") and self.osk is not None and self.osk.covers(event.pos)
        if event.type == pygame.KEYDOWN and self.entry is not None and self.entry.is_focused:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.choose_first()
                return True
            if event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.entry.unfocus()
                self.focus.move(1)
                return True
            if event.key == pygame.K_ESCAPE:
                return self.on_back()
            # everything else (letters, backspace, arrows within the text) goes to the box
            return self.ui.process_events(event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            return self.focus.activate()
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            self.hover = None if on_keys else self.code_at(event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.map and not on_keys:
            code = self.code_at(event.pos)
            if code:
                self.click_map(code)
                return True
        consumed = super().handle_event(event)
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and self.entry is not None:
            self._typed(self.entry.get_text())
        cur = self.focus.current
        if (
            cur is not None
            and cur.name != "search"
            and self.entry is not None
            and self.entry.is_focused
            and event.type == pygame.KEYDOWN
        ):
            self.entry.unfocus()
        return consumed

    def _focus_map(self) -> None:
        if self.keyed is None:
            sel = self.selected
            code = sel.code if sel is not None and sel.code in self.map_codes() else None
            self.keyed = code or min(self.map_codes(), key=lambda c: -self.values.get(c, 0))
        self.hover = self.keyed
        self._point_at(self.keyed)

    def map_codes(self) -> list[str]:
        return list(self.map.codes) if self.map is not None else []

    def _point_at(self, code: str) -> None:
        """Show the tooltip by the keyed area, as if the mouse were there."""
        pos = self.map.centre(code) if self.map is not None else None
        if pos is not None:
            self.mouse = pos

    def pick_keyed(self) -> None:
        if self.keyed is not None:
            self.click_map(self.keyed)

    def move_keyed(self, dx: int, dy: int) -> None:
        """The nearest area whose centre lies in the arrow's direction."""
        if self.map is None or self.keyed is None:
            return
        here = self.map.centre(self.keyed)
        if here is None:
            return
        best, best_score = None, float("inf")
        for code in self.map.codes:
            pos = self.map.centre(code)
            if pos is None or code == self.keyed:
                continue
            along = (pos[0] - here[0]) * dx + (pos[1] - here[1]) * dy
            across = abs((pos[0] - here[0]) * dy) + abs((pos[1] - here[1]) * dx)
            if along <= 0:
                continue
            score = along + 2 * across  # straight ahead beats diagonal
            if score < best_score:
                best, best_score = code, score
        if best is not None:
            self.keyed = best
            self.hover = best
            self._point_at(best)

    def on_key(self, event: pygame.event.Event) -> bool:
        cur = self.focus.current
        if cur is not None and cur.name == "map":
            arrows = {
                pygame.K_LEFT: (-1, 0),
                pygame.K_RIGHT: (1, 0),
                pygame.K_UP: (0, -1),
                pygame.K_DOWN: (0, 1),
            }
            if event.key in arrows:
                self.move_keyed(*arrows[event.key])
                return True
        # Typing a letter anywhere jumps back to the search box (type-ahead).
        if event.unicode and event.unicode.isalpha() and self.entry is not None:
            self.focus.set_by_name("search")
            return False
        return False

    def on_back(self) -> bool:
        self.close()
        return True

    # -- drawing ---------------------------------------------------------------------------
    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        header(self, surface, self.t("area.title"))
        if not self.ready:
            self.text(
                surface, self.t("area.loading"), (W // 2, H // 2), 28, palette.INK, True, "center"
            )
            return
        assert self.map is not None
        pygame.draw.rect(surface, (232, 238, 244), MAP_RECT, border_radius=10)
        self.map.draw(surface)
        sel = self.selected
        if sel is not None:
            members = sel.members or (sel.code,)
            self.map.outline(surface, members, palette.VERMILION, 3)
            # a ring marker, because many councils are only a few pixels across
            pts = [p for p in (self.map.centre(c) for c in members) if p]
            if pts:
                cx = sum(p[0] for p in pts) // len(pts)
                cy = sum(p[1] for p in pts) // len(pts)
                pygame.draw.circle(surface, palette.INK, (cx, cy), 17, 5)
                pygame.draw.circle(surface, palette.VERMILION, (cx, cy), 14, 4)
        if self.hover:
            self.map.outline(surface, [self.hover], palette.INK, 3)
        draw_london(self, surface, self.london, sel, self.hover)
        draw_legend(self, surface, self.measure, self.values)
        if self.selected is None:
            draw_no_selection(self, surface)
        else:
            name = self.display_name(self.selected)
            draw_selection(self, surface, self.selected, name, self.notes.get(self.selected.code))
        draw_search_line(self, surface)
        # a label too long for its button at the projector sizes wraps (drawn in draw_over)
        fit_labels(self, self._long_labels())
        if self.osk is not None:
            self.osk.draw(surface)

    def _long_labels(self) -> list[Labelled]:
        """The buttons whose labels may wrap at the projector sizes: the search results, the
        mode tabs ("Combined authority") and Start ("Start in Kingston upon Hull, City of")."""
        out: list[Labelled] = [(b, "secondary", "normal") for b in self.result_buttons]
        for b in self.buttons():
            if any(o and o.startswith("#mode_") for o in b.object_ids):
                on = f"#mode_{self.mode}" in b.object_ids
                out.append((b, "toggle_on" if on else "toggle_off", "small"))
        out.append((self.start_button, "plain", "big"))
        return out

    def draw_over(self, surface: pygame.Surface) -> None:
        if self.ready:
            draw_labels(self, surface, self._long_labels())
        if not self.ready or not self.hover:
            return
        area = self.by_code[self.hover]
        value = measure_text(self.measure, self.values.get(self.hover, 0.0))
        label = self.t(f"area.measure.{self.measure}")
        lines = [(self.display_name(area), 20, True), (f"{label}: {value}", 18, False)]
        w = max(self.fonts.size(s, sz, b)[0] for s, sz, b in lines) + 24
        h = sum(self.fonts.line_height(sz, b) for _, sz, b in lines) + 12
        # the tooltip stays on the map, so it never covers the legend or the credit
        x = min(self.mouse[0] + 18, MAP_RECT.right - w - 4)
        if x < self.mouse[0] and self.mouse[0] - 18 - w >= MAP_RECT.left:
            x = self.mouse[0] - 18 - w
        y = min(self.mouse[1] + 18, MAP_RECT.bottom - 28 - h)
        box = pygame.Rect(x, y, w, h)
        pygame.draw.rect(surface, palette.INK, box, border_radius=8)
        self.text(surface, lines[0][0], (x + 12, y + 6), 20, palette.HEADER_TEXT, True, box=box)
        self.text(
            surface,
            lines[1][0],
            (x + 12, y + 6 + self.fonts.line_height(20, True)),
            18,
            palette.HEADER_TEXT,
            box=box,
        )
