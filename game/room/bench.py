"""The room load test behind `bench --room`: a hub on loopback over a fresh SQLite store,
60 simulated games joining, submitting plans and ideas and supporting ideas over the same
few seconds, while a facilitator's page polls the live fragment; then all 60 submit one
more plan at the same instant (burst). Reports p95 latencies and plans lost. The hub runs
in its own process, as it does in a room.

The per-client rate limit is off for the bench: every simulated game shares 127.0.0.1,
which a real room never does. Plans are synthetic but full-sized (10 years of decisions,
every citizen group's approval); each is sent through the game's own outbox code path
(written to disk, then posted with its idempotency key).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from game.room.client import Outbox
from game.room.models import Decision, GroupOutcome, IdeaIn, JoinIn, Outcome, PlanIn
from game.room.names import group_names
from game.room.server import HubSettings, create_app
from game.room.server.running import free_port
from game.room.store import RoomStore

TARGETS = {"submit_p95_ms": 50.0, "page_p95_ms": 100.0, "plans_lost": 0}
_TYPES = [
    ("business_park", "business"),
    ("urban_park", "green_space"),
    ("primary_school", "education"),
    ("bus_priority", "transport"),
    ("full_fibre", "digital"),
]


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def synthetic_plan(client: int, n: int) -> PlanIn:
    decisions = [
        Decision(
            year=2021 + y,
            kind=("funded", "rejected", "deferred", "consulted")[(y + k) % 4],
            type_id=_TYPES[(client + y + k) % 5][0],
            category=_TYPES[(client + y + k) % 5][1],
            name=_TYPES[(client + y + k) % 5][0].replace("_", " ").capitalize(),
            scale=1.0,
            cost=1e6 * (1 + k),
            group_id="older_people" if (y + k) % 4 == 3 else None,
        )
        for y in range(10)
        for k in range(3)
    ]
    groups = sorted(group_names())
    return PlanIn(
        plan_key=f"bench-{client:03d}-{n:03d}-plan",
        player_key=f"bench-player-{client:03d}",
        label=f"Table {client}",
        area_code="E06000001",
        area_name="Hartlepool",
        years=10,
        seed=client * 100 + n,
        decisions=decisions,
        outcome=Outcome(
            population=92000 + client,
            net_additional_jobs=40.0 + client,
            cost_per_net_job=50_000.0 + client,
            money_spent=2e7,
            approval_overall=50 + client % 20,
            approvals=[
                GroupOutcome(group_id=g, approval=40 + (i * 7 + client) % 40)
                for i, g in enumerate(groups)
            ],
            score=30 + client % 60,
            ending="mixed",
        ),
    )


def _send(
    outbox: Outbox,
    http: httpx.Client,
    hub: str,
    code: str,
    plan: PlanIn,
    into: list[float],
    hub_ms: list[float],
    errors: list[str],
) -> None:
    outbox.put(hub, f"/api/rooms/{code}/plans", plan.model_dump(mode="json"), plan.plan_key)
    t0 = time.perf_counter()
    result = outbox.flush(http)
    into.append((time.perf_counter() - t0) * 1000)
    hub_ms.extend(result.server_ms)
    errors.extend(result.errors)


def _client(
    i: int,
    hub: str,
    code: str,
    plans: int,
    folder: Path,
    start: threading.Barrier,
    burst: threading.Barrier,
    out: dict[str, list],
    errors: list[str],
) -> None:
    """One simulated game: joins at a random moment in the first 2 s, then finishes a plan
    every 0.5-1.5 s (a game that took seconds, not minutes: a harsh room), leaves an idea
    and supports the top one; then, with every other client at the same instant, one more
    plan (the burst: a class whose round ends for all teams at once)."""
    rng = random.Random(i)  # the bench's own seeded stream, not the game's
    api = f"{hub}/api/rooms/{code}"
    outbox = Outbox(folder / f"outbox-{i:03d}")
    with httpx.Client(timeout=30) as http:
        start.wait()
        time.sleep(rng.uniform(0, 2.0))
        join = JoinIn(player_key=f"bench-player-{i:03d}").model_dump(mode="json")
        http.post(f"{api}/join", json=join).raise_for_status()
        for n in range(plans):
            time.sleep(rng.uniform(0.5, 1.5))
            _send(outbox, http, hub, code, synthetic_plan(i, n), out["submit"], out["hub"], errors)
        idea = IdeaIn(
            idea_key=f"bench-{i:03d}-idea",
            player_key=f"bench-player-{i:03d}",
            text=f"Idea number {i}: a better bus to the hospital",
            category="transport",
        )
        http.post(f"{api}/ideas", json=idea.model_dump(mode="json")).raise_for_status()
        ideas = http.get(f"{api}/ideas").json()
        if ideas:
            http.post(
                f"{api}/ideas/{ideas[0]['id']}/support",
                json={"player_key": f"bench-player-{i:03d}"},
            )
        burst.wait()
        _send(
            outbox,
            http,
            hub,
            code,
            synthetic_plan(i, plans),
            out["burst"],
            out["hub_burst"],
            errors,
        )


def _poller(hub: str, code: str, token: str, stop: threading.Event, page_ms: list[float]) -> None:
    with httpx.Client(base_url=hub, timeout=30, follow_redirects=True) as http:
        http.get(f"/f/{code}", params={"token": token}).raise_for_status()  # sets the cookie
        while not stop.is_set():
            t0 = time.perf_counter()
            http.get(f"/f/{code}/live").raise_for_status()
            page_ms.append((time.perf_counter() - t0) * 1000)
            stop.wait(0.1)  # far more often than a real page (1.5 s), to get a sample


def _serve(url: str, port: int) -> None:
    """The hub process (a real hub runs apart from the games that use it)."""
    import uvicorn

    app = create_app(RoomStore(url), HubSettings(rate_per_minute=0))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _start_hub(url: str, code: str) -> tuple[Any, str]:
    import multiprocessing

    port = free_port()
    proc = multiprocessing.get_context("spawn").Process(target=_serve, args=(url, port))
    proc.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/rooms/{code}", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the bench hub did not start")


def run_room_bench(clients: int = 60, plans_per_client: int = 3) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="civic-room-bench-") as tmp:
        folder = Path(tmp)
        store = RoomStore(f"sqlite:///{folder / 'rooms.sqlite3'}")
        info, token = store.create_room("Bench room")
        first = store.add_idea(
            info.code,
            IdeaIn(
                idea_key="bench-seed-idea",
                player_key="bench-host",
                text="A lido",
                category="green_space",
            ),
        )
        store.moderate(info.code, first.id, "approved")
        submit_ms: list[float] = []
        burst_ms: list[float] = []
        hub_ms: list[float] = []  # the same submissions, time inside the hub only
        hub_burst_ms: list[float] = []
        load = os.getloadavg()[0]
        page_ms: list[float] = []
        errors: list[str] = []
        stop = threading.Event()
        proc, url = _start_hub(store.url, info.code)
        try:
            start = threading.Barrier(clients)
            poll = threading.Thread(target=_poller, args=(url, info.code, token, stop, page_ms))
            poll.start()
            burst = threading.Barrier(clients)
            out: dict[str, list] = {
                "submit": submit_ms,
                "burst": burst_ms,
                "hub": hub_ms,
                "hub_burst": hub_burst_ms,
            }
            args = (url, info.code, plans_per_client, folder, start, burst, out, errors)
            threads = [threading.Thread(target=_client, args=(i, *args)) for i in range(clients)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            stop.set()
            poll.join()
        finally:
            proc.terminate()
            proc.join(10)
        sent = clients * (plans_per_client + 1)
        stored = {p.plan_key for p in store.plans(info.code)}
        expected = {
            synthetic_plan(i, n).plan_key
            for i in range(clients)
            for n in range(plans_per_client + 1)
        }
        waiting = sum(len(Outbox(folder / f"outbox-{i:03d}").pending()) for i in range(clients))
        store.close()
    return {
        "submit_p95_ms": round(_p95(submit_ms), 1),
        "page_p95_ms": round(_p95(page_ms), 1),
        "burst_submit_p95_ms": round(_p95(burst_ms), 1),
        "hub_submit_p95_ms": round(_p95(hub_ms), 1),
        "hub_burst_submit_p95_ms": round(_p95(hub_burst_ms), 1),
        "plans_lost": len(expected - stored),
        "plans_sent": sent,
        "plans_stored": len(stored),
        "outbox_waiting": waiting,
        "clients": clients,
        "page_polls": len(page_ms),
        "wall_s": round(wall, 2),
        "errors": len(errors),
        "cpus": os.cpu_count(),
        "load_avg_1m_at_start": round(load, 2),
    }
