"""`bench --client`'s class-game part (issue 12): frame times on a team's year screen while
it polls a real hub on loopback once a second, the same screen with polling stopped, and
the frames around a round's end (the poll, the save fetched, the replay, the newspaper).
Here, not in game.client, because it starts the hub (the client may not import it)."""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

FRAMES = 300  # five seconds at 60 fps: five polls


def _frames(app: Any, n: int) -> list[float]:
    """n frames paced at 60 fps, as the real loop runs; each one's time in ms."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        app.step()
        took = time.perf_counter() - t
        out.append(took * 1000.0)
        time.sleep(max(0.0, 1 / 60 - took))
    return out


def _summary(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def run_class_bench(world: Any, frames: int = FRAMES) -> dict[str, Any]:
    import httpx

    from game.client.app import App
    from game.client.classplay import ClassPlay
    from game.client.pilot import Pilot
    from game.client.screenshots import make_context
    from game.room.classroom.clock import ManualClock
    from game.room.classroom.game import ClassGame
    from game.room.classroom.hub import class_app
    from game.room.classroom.models import ClassSettings
    from game.room.server import HubSettings, ServerThread
    from game.room.store import RoomStore

    with tempfile.TemporaryDirectory() as tmp:
        store = RoomStore(f"sqlite:///{Path(tmp) / 'class.sqlite3'}")
        info, token = store.create_room("bench", kind="class")
        game = ClassGame(store, info.code, world, ClassSettings(years=5), ManualClock())
        for team in ("A", "B", "C", "D", "E", "F", "G"):  # a class's worth of teams
            game.join(team)
        server = ServerThread(class_app(store, {info.code: game}, HubSettings())).start()
        teacher = httpx.Client(
            base_url=f"{server.url}/api/class/{info.code}",
            headers={"Authorization": f"Bearer {token}"},
        )
        ctx = make_context(7, Path(tmp), world_loader=lambda _dir: world)
        ctx.threaded, ctx.animate = True, True
        ctx.start_loading()
        app = App(ctx, headless=True)
        pilot = Pilot(app, max_frames=20000)
        try:
            play = ClassPlay.join(f"{server.url}/c/{info.code}", "Bench")
            assert play is not None
            ctx.class_game = play
            app.stack.push(app.screens.title())
            app.stack.push(app.screens.class_lobby())
            teacher.post("/round/start").raise_for_status()
            pilot.until_scene("class_year")
            _frames(app, 60)  # warm: fonts and card layouts cached
            polling = _frames(app, frames)
            play.poll_every = math.inf  # the same screen, nothing polled
            _frames(app, 10)
            still = _frames(app, frames)
            play.poll_every = 1.0
            teacher.post("/round/end").raise_for_status()
            ending = _frames(app, 120)
        finally:
            app.close()
            teacher.close()
            server.stop()
            store.close()
    return {
        "class_year_polling": _summary(polling),
        "class_year_not_polling": _summary(still),
        "class_round_end": _summary(ending),
    }
