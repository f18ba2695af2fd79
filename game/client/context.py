"""The application context: everything scenes share, passed explicitly (no module globals)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.client.assets import Fonts, load_theme
from game.client.i18n import Translator
from game.client.settings import Settings, autosave_path
from game.client.sound import Sounds


class Background:
    """Run a function in a worker thread and poll for its result from the frame loop.

    With threaded=False it runs at once (used where a test wants plain sequential code).
    """

    def __init__(self, fn: Callable[[], Any], threaded: bool = True) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self._done = threading.Event()
        if threaded:
            self._thread: threading.Thread | None = threading.Thread(
                target=self._run, args=(fn,), daemon=True
            )
            self._thread.start()
        else:
            self._thread = None
            self._run(fn)

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self.result = fn()
        except BaseException as exc:  # handed to the frame loop, which shows it
            self.error = exc
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def get(self) -> Any:
        self._done.wait()
        if self.error is not None:
            raise self.error
        return self.result


def settle_memory() -> None:
    """Collect young garbage, then move everything alive out of the collector's reach.

    The census world and each year's snapshots are hundreds of thousands of long-lived
    objects; a full collection walks them all and stalls a frame for ~150 ms. The app
    turns automatic collection off (App.__init__) and calls this from worker threads
    after loading and after each simulated year; freezing costs no collection."""
    gc.collect(1)
    gc.freeze()


def full_collect() -> None:
    """A complete collection (~150 ms), only ever run behind a loading screen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _default_world_loader(census_dir: Path | None) -> Any:
    from game.census import load_world

    return load_world(census_dir)


def _default_session_factory(world: Any, area_query: str, seed: int) -> Any:
    from game.play import GameSession

    return GameSession.new(world, area_query=area_query, seed=seed)


def _default_resume_factory(world: Any, save: Any) -> Any:
    from game.play import GameSession

    return GameSession.from_save(world, save)


def _default_map_loader(census_dir: Path | None) -> Any:
    from game.census import load_map

    # the map from the same folder as the census (--census-dir); load_map falls back to
    # the bundled map when that folder has none
    return load_map(census_dir)


@dataclass
class AppContext:
    settings: Settings = field(default_factory=Settings)
    census_dir: Path | None = None
    seed: int | None = None  # None: a new seed per game; fixed for screenshots and tests
    threaded: bool = True
    save_path: Path = field(default_factory=autosave_path)
    persist_settings: bool = True
    world_loader: Callable[[Path | None], Any] = _default_world_loader
    map_loader: Callable[[Path | None], Any] = _default_map_loader
    session_factory: Callable[[Any, str, int], Any] = _default_session_factory
    resume_factory: Callable[[Any, Any], Any] = _default_resume_factory
    animate: bool = True  # False: no clock-dependent animation (golden screenshots)
    kiosk_idle_s: float | None = None  # events: back to the title after this long untouched
    tr: Translator = field(init=False)
    fonts: Fonts = field(init=False)
    theme: dict = field(init=False)
    session: Any = None
    cache: dict = field(default_factory=dict)
    sounds: Sounds = field(default_factory=Sounds)  # built-once views (projected maps)
    _world_job: Background | None = None
    _map_job: Background | None = None

    def __post_init__(self) -> None:
        self.apply_settings()

    def apply_settings(self) -> None:
        self.tr = Translator(self.settings.language)
        self.fonts = Fonts(self.settings.text_scale)
        self.theme = load_theme(self.settings.text_scale)

    # -- census data, loaded in the background so the title is interactive at once ------
    def start_loading(self) -> None:
        if self._world_job is None:

            def load() -> Any:
                world = self.world_loader(self.census_dir)
                settle_memory()
                return world

            self._world_job = Background(load, self.threaded)
        if self._map_job is None:
            self._map_job = Background(lambda: self.map_loader(self.census_dir), self.threaded)

    @property
    def world_ready(self) -> bool:
        return self._world_job is not None and self._world_job.done

    @property
    def world(self) -> Any:
        self.start_loading()
        assert self._world_job is not None
        return self._world_job.get()

    @property
    def map_ready(self) -> bool:
        return self._map_job is not None and self._map_job.done

    @property
    def mapdata(self) -> Any:
        self.start_loading()
        assert self._map_job is not None
        return self._map_job.get()

    def autosave(self) -> None:
        """Write the current game atomically to the autosave file (PLAY's store)."""
        from game.store.saves import save_atomic

        if self.session is not None:
            save_atomic(self.session.to_save(), self.save_path)
        settle_memory()

    def play_sound(self, name: str) -> None:
        self.sounds.play(name, self.settings.sound)

    def area_name(self, area: Any) -> str:
        """An area's name in the player's language (Welsh where ONS publishes one)."""
        welsh = getattr(area, "name_cy", None)
        if welsh is None and self.world_ready:
            code = getattr(area, "code", area)
            welsh = getattr(self.world.areas.get(code), "name_cy", None)
        if self.tr.lang == "cy" and welsh:
            return welsh
        return getattr(area, "name", None) or str(area)

    def indicator_label(self, line: Any, fallback: str) -> str:
        """A why-breakdown cause in the player's language: indicators have keys; a project
        keeps its own (card) title."""
        indicator = getattr(line, "indicator", "")
        source = getattr(line, "source", "")
        if self.session is not None and source:
            from game.client.scenes.year import title_by_english

            named = title_by_english(self, source)
            if named != source:
                return named
        if indicator and self.tr.has(f"indicator.{indicator}"):
            return self.tr(f"indicator.{indicator}")
        return fallback

    def group_name(self, group_id: str) -> str:
        """A citizen group's display name in the current language (census group table)."""
        names = self.cache.get("group_names")
        if names is None and self.world_ready:
            names = {}
            for g in getattr(self.world, "group_definitions", ()):
                names[g.id] = {"en": g.name, "cy": getattr(g, "name_cy", None) or g.name}
            self.cache["group_names"] = names
        entry = (names or {}).get(group_id)
        if entry:
            return entry.get(self.tr.lang, entry["en"])
        return group_id.replace("_", " ").capitalize()
