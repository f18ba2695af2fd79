"""Client benchmark: launch time, frame times in every screen, and the longest stall while
a year is simulated. `python main.py bench --client --json` prints run_client_bench()."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FRAMES_PER_SCREEN = 90


def _headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def measure_startup() -> tuple[float, list[float]]:
    """Seconds from starting a fresh Python process to the first drawn, interactive title,
    and the title's frame times (ms) while the census is still loading behind it."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    with tempfile.TemporaryDirectory() as tmp:
        env["CIVIC_FUTURES_DATA_DIR"] = tmp
        # the probe imports the game from wherever this process did (checkout or install)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        t0 = time.perf_counter()
        probe = "from game.client.bench import _startup_probe; _startup_probe()"
        proc = subprocess.Popen(
            [sys.executable, "-c", probe],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - t0
        frames = json.loads(proc.stdout.readline() or "[]")
        proc.wait(timeout=60)
        proc.stdout.close()
    if line.strip() != "ready":
        raise RuntimeError(f"startup probe failed: {line!r}")
    return elapsed, frames


def _startup_probe() -> None:
    """What `python main.py` does up to the first frame of the title, then exit."""
    # imported here, in the fresh process: their import time is part of what is measured
    from game.client.app import App
    from game.client.context import AppContext
    from game.client.settings import Settings

    ctx = AppContext(settings=Settings.load(), persist_settings=False)
    ctx.start_loading()  # census loading starts in the background, as in the real game
    app = App(ctx)
    app.stack.push(app.screens.title())
    app.step()
    print("ready", flush=True)
    # Then the title as a visitor sees it while the census loads behind it, paced at 60 fps.
    frames = []
    for _ in range(600):
        t = time.perf_counter()
        app.step()
        took = time.perf_counter() - t
        frames.append(took * 1000.0)
        if ctx.world_ready and ctx.map_ready:
            break
        time.sleep(max(0.0, 1 / 60 - took))
    print(json.dumps(frames), flush=True)
    os._exit(0)  # do not wait for anything else


def run_client_bench(frames_per_screen: int = FRAMES_PER_SCREEN) -> dict[str, Any]:
    _headless()
    # Not at the top: the startup probe imports this module in a fresh process, which must
    # load only what the game itself loads (not the pilot, screenshots and every scene).
    from game.client.bench_screens import (
        App,
        Pilot,
        attract,
        final_report,
        first_screens,
        make_context,
        play_years,
    )

    startup, loading_frames = measure_startup()
    per_screen: dict[str, list[float]] = {"title_while_loading": loading_frames}
    stalls: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = make_context(7, Path(tmp))
        ctx.threaded = True
        ctx.animate = True
        ctx.start_loading()
        app = App(ctx, headless=True)
        pilot = Pilot(app, max_frames=20000)
        first_screens(app, pilot, per_screen, frames_per_screen)
        play_years(app, pilot, per_screen, stalls, frames_per_screen)
        final_report(app, pilot, per_screen, frames_per_screen)
        attract(app, pilot, per_screen, frames_per_screen)
        app.close()
    everything = [ms for v in per_screen.values() for ms in v]
    return {
        "startup_s": round(startup, 3),
        "frame_median_ms": round(statistics.median(everything), 2),
        "frame_p95_ms": round(_p95(everything), 2),
        "advance_year_max_stall_ms": round(max(ms for ms, _ in stalls), 1) if stalls else 0.0,
        "advance_year_stalls_over_50ms": [(round(ms, 1), where) for ms, where in stalls if ms > 50],
        "screens": {
            k: {"median_ms": round(statistics.median(v), 2), "p95_ms": round(_p95(v), 2)}
            for k, v in per_screen.items()
        },
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


if __name__ == "__main__":  # pragma: no cover - manual use
    print(json.dumps(run_client_bench(), indent=2))
