"""The application context: everything scenes share, passed explicitly (no module globals)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from game.client.assets import Fonts, load_theme
from game.client.i18n import Translator
from game.client.settings import Settings
from game.client.sound import Sounds
from game.model.mapdata import MapData
from game.model.world import World
from game.play import GameSession, SaveFile
from game.play.kiosk import KioskConfig
from game.store.saves import autosave_path, save_atomic

T = TypeVar("T")


# The census load, the map load and the year's simulation run here; two workers so the
# census and the map load side by side at start-up. Threads start on first use.
_WORKERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="civic-futures")


def run_in_background(fn: Callable[[], T], threaded: bool = True) -> Future[T]:
    """Run `fn` in a worker thread; the frame loop polls the Future (`done()`), so the
    window never waits on it. With threaded=False it runs at once and the Future is
    already done (used where a test wants plain sequential code)."""
    if threaded:
        return _WORKERS.submit(fn)
    future: Future[T] = Future()
    try:
        future.set_result(fn())
    except BaseException as exc:  # handed to the frame loop, which shows it
        future.set_exception(exc)
    return future


@contextmanager
def frame_loop_tuning() -> Iterator[None]:
    """While a game window runs: a short GIL switch interval and no automatic garbage
    collection; on leaving, both are put back as they were.

    Background work (census loading, the year's simulation) shares the GIL with the frame
    loop; a shorter switch interval lets the loop get it back sooner. Automatic collection
    would stop a frame for up to ~150 ms once the census world is loaded; collection
    happens instead at safe points (settle_memory, full_collect, the app's young-generation
    collection every few seconds)."""
    interval, was_enabled = sys.getswitchinterval(), gc.isenabled()
    sys.setswitchinterval(0.001)
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        sys.setswitchinterval(interval)


def settle_memory() -> None:
    """Collect young garbage, then move everything alive out of the collector's reach.

    The census world and each year's snapshots are hundreds of thousands of long-lived
    objects; a full collection walks them all and stalls a frame for ~150 ms. The app
    turns automatic collection off (frame_loop_tuning) and calls this from worker threads
    after loading and after each simulated year; freezing costs no collection."""
    gc.collect(1)
    gc.freeze()


def full_collect() -> None:
    """A complete collection (~150 ms), only ever run behind a loading screen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _default_world_loader(census_dir: Path | None) -> World:
    # Deferred on purpose: game.census brings in pandas (~0.3 s), and this runs in the
    # loader thread, so the title is drawn before pandas is imported.
    from game.census import load_world

    return load_world(census_dir)


def _default_session_factory(world: World, area_query: str, seed: int) -> GameSession:
    return GameSession.new(world, area_query=area_query, seed=seed)


def _default_resume_factory(world: World, save: SaveFile) -> GameSession:
    return GameSession.from_save(world, save)


def _default_map_loader(census_dir: Path | None) -> MapData:
    from game.census import load_map  # deferred: pandas, in the loader thread (see above)

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
    world_loader: Callable[[Path | None], World] = _default_world_loader
    map_loader: Callable[[Path | None], MapData] = _default_map_loader
    session_factory: Callable[[World, str, int], GameSession] = _default_session_factory
    resume_factory: Callable[[World, SaveFile], GameSession] = _default_resume_factory
    animate: bool = True  # False: no clock-dependent animation (golden screenshots)
    room: Any = None  # a game.room.client.RoomLink while playing in a room (issue 11)
    class_game: Any = None  # a game.client.classplay.ClassPlay in a class game (issue 12)
    kiosk: KioskConfig | None = None  # a public stand (play --kiosk): game.client.stand
    clock: Callable[[], float] = time.monotonic  # the stand's clock (tests pass their own)
    tr: Translator = field(init=False)
    fonts: Fonts = field(init=False)
    theme: dict[str, Any] = field(init=False)
    session: GameSession | None = None
    cache: dict[Any, Any] = field(default_factory=dict)  # built-once views (projected maps)
    sounds: Sounds = field(default_factory=Sounds)
    _world_job: Future[World] | None = None
    _map_job: Future[MapData] | None = None

    def __post_init__(self) -> None:
        self.apply_settings()

    def apply_settings(self) -> None:
        self.tr = Translator(self.settings.language)
        self.fonts = Fonts(self.settings.text_scale)
        self.theme = load_theme(self.settings.text_scale)

    # -- census data, loaded in the background so the title is interactive at once ------
    def start_loading(self) -> None:
        if self._world_job is None:

            def load() -> World:
                world = self.world_loader(self.census_dir)
                settle_memory()
                return world

            self._world_job = run_in_background(load, self.threaded)
        if self._map_job is None:
            self._map_job = run_in_background(
                lambda: self.map_loader(self.census_dir), self.threaded
            )

    @property
    def load_error(self) -> BaseException | None:
        """Why the census world or the map failed to load (a malformed map.json...), once
        that job has finished; None while loading or after success."""
        for job in (self._world_job, self._map_job):
            if job is not None and job.done() and job.exception() is not None:
                return job.exception()
        return None

    @property
    def world_ready(self) -> bool:
        return self._world_job is not None and self._world_job.done()

    @property
    def world(self) -> World:
        self.start_loading()
        assert self._world_job is not None
        return self._world_job.result()

    @property
    def map_ready(self) -> bool:
        return self._map_job is not None and self._map_job.done()

    @property
    def mapdata(self) -> MapData:
        self.start_loading()
        assert self._map_job is not None
        return self._map_job.result()

    def autosave(self) -> None:
        """Write the current game atomically to the autosave file (PLAY's store). A class
        game's lives on the hub (rejoin by team name), never over the player's own."""
        if self.session is not None and self.class_game is None:
            save_atomic(self.session.to_save(), self.save_path)
        settle_memory()

    def play_sound(self, name: str) -> None:
        self.sounds.play(name, self.settings.sound)
