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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for real only after _headless() (see run_client_bench)
    from game.client.app import App
    from game.client.pilot import Pilot

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
    # imported here: the import time is part of what the probe measures
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


def _time_frames(app: App, frames: int, wiggle: bool = True) -> list[float]:
    import pygame  # after _headless(): pygame reads its environment when imported

    out = []
    for i in range(frames):
        events = []
        if wiggle:  # a moving mouse exercises hover and hit-testing every frame
            pos = (200 + (i * 37) % 900, 150 + (i * 23) % 500)
            events.append(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
            )
        t = time.perf_counter()
        app.step(events=events)
        out.append((time.perf_counter() - t) * 1000.0)
    return out


def run_client_bench(frames_per_screen: int = FRAMES_PER_SCREEN) -> dict[str, Any]:
    _headless()
    # Imported only now, after _headless() has set SDL's environment: importing pygame
    # reads PYGAME_HIDE_SUPPORT_PROMPT, and the startup probe must see a cold process.
    from game.client.app import App
    from game.client.pilot import Pilot
    from game.client.screenshots import make_context

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
        _first_screens(app, pilot, per_screen, frames_per_screen)
        _play_years(app, pilot, per_screen, stalls, frames_per_screen)
        _final_report(app, pilot, per_screen, frames_per_screen)
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


def _first_screens(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:
    """Title, area choice, the first year and a consultation."""
    from game.client.scenes.area_choice import AreaChoiceScene  # after _headless() (above)
    from game.client.scenes.consult import ConsultDialog
    from game.client.scenes.year import YearScene

    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    per_screen["title"] = _time_frames(app, n)
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene_as(AreaChoiceScene).ready, "the map")
    pilot.type("Hartlepool")
    pilot.click("result_0")
    per_screen["area_choice"] = _time_frames(app, n)
    pilot.click("start")
    pilot.until_scene("year")
    per_screen["year"] = _time_frames(app, n)
    assert app.ctx.session is not None
    card = app.ctx.session.proposals[0]
    pilot.scene_as(YearScene).show_card(card.id)
    pilot.click(f"consult_{card.id}")
    pilot.until_scene("consult")
    pilot.click(f"group_{pilot.scene_as(ConsultDialog).card.stances[0].group_id}")
    per_screen["consult"] = _time_frames(app, n)
    pilot.click("close")
    pilot.until_scene("year")


def _play_years(app: App, pilot: Pilot, per_screen: dict[str, list[float]],
                stalls: list[tuple[float, str]], n: int) -> None:  # fmt: skip
    """Every year to the end, timing each frame while the worker simulates the year."""
    from game.client.scenes.year import YearScene  # after _headless() (above)
    from game.client.screenshots import best_card

    session = app.ctx.session
    assert session is not None
    while not session.finished:
        best = best_card(session)
        if best is not None:
            pilot.scene_as(YearScene).show_card(best.id)
            pilot.click(f"fund_{best.id}")
        pilot.end_year()
        # every frame while the worker simulates the year is a potential stall
        last = time.perf_counter()
        while pilot.scene.name != "newspaper":
            app.step()
            now = time.perf_counter()
            stalls.append(((now - last) * 1000.0, pilot.scene.name))
            last = now
        if "newspaper" not in per_screen:
            per_screen["newspaper"] = _time_frames(app, n)
        pilot.click("next")
        pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            per_screen["midterm_report"] = _time_frames(app, n)
            pilot.click("done")
            pilot.until_scene("year")
            for tab in ("population", "jobs", "approval", "projects", "map"):
                app.stack.push(app.screens.charts(tab))
                pilot.until_scene("charts")
                per_screen[f"charts_{tab}"] = _time_frames(app, n)
                pilot.click("back")
                pilot.until_scene("year")
        if pilot.scene.name == "final_report":
            break


def _final_report(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:
    from game.client.scenes.report import ReportScene  # after _headless() (above)

    pilot.until_scene("final_report")
    for page in ("verdict", "summary", "detail"):
        pilot.click(f"page_{page}")
        per_screen[f"final_{page}"] = _time_frames(app, n)
    report = pilot.scene_as(ReportScene).report
    alt = "mob" if report.ending == "parade" else "parade"
    app.stack.reset(ReportScene(app, "final", report.model_copy(update={"ending": alt})))
    pilot.until_scene("final_report")
    per_screen[f"final_{alt}"] = _time_frames(app, n)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


if __name__ == "__main__":  # pragma: no cover - manual use
    print(json.dumps(run_client_bench(), indent=2))
