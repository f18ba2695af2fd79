"""`room host` as a real process: it prints what a facilitator needs and serves the room;
killed mid-write (SIGKILL) it loses no acknowledged plan and corrupts nothing, and the
games' outboxes complete the rest, each plan exactly once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from room_pg import free_port
from room_samples import decision, plan
from sqlalchemy import text

from game.room.client import HubClient, Outbox
from game.room.discovery import discover
from game.room.store import RoomStore

ROOT = Path(__file__).resolve().parents[2]


def _host(db: str, port: int, name: str = "Fair stand") -> tuple[subprocess.Popen, dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "room",
            "host",
            "--name",
            name,
            "--db",
            db,
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen: dict[str, str] = {}
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if m := re.match(r"Join code: ([A-Z0-9]{6})", line):
            seen["code"] = m.group(1)
        if m := re.match(r"Facilitator token: (\S+)", line):
            seen["token"] = m.group(1)
        if line.startswith("Store:"):
            break
    seen["out"] = "".join(lines)
    # keep reading what it prints, so a full pipe can never stall the hub
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/api/rooms/{seen['code']}", timeout=1).status_code == 200:
                return proc, seen
        except httpx.HTTPError:
            time.sleep(0.05)
    _stop(proc, kill=True)
    raise AssertionError("room host did not serve:\n" + seen["out"])


def _stop(proc: subprocess.Popen, kill: bool = False) -> None:
    proc.kill() if kill else proc.terminate()
    proc.wait(10)
    if proc.stdout is not None:
        proc.stdout.close()


def test_room_host_prints_code_address_qr_and_token_and_serves_the_page(tmp_path):
    port = free_port()
    proc, seen = _host(f"sqlite:///{tmp_path / 'r.sqlite3'}", port)
    try:
        out = seen["out"]
        assert f"http://127.0.0.1:{port}/r/{seen['code']}" in out
        assert "█" in out or "▀" in out  # the QR code, drawn in the terminal
        page = httpx.get(f"http://127.0.0.1:{port}/r/{seen['code']}").text
        assert "Fair stand" in page and seen["code"] in page
        if "code-only joining is off" not in out:  # (another hub on this machine has the port)
            assert discover(seen["code"]) == f"http://127.0.0.1:{port}/r/{seen['code']}"
        r = httpx.get(
            f"http://127.0.0.1:{port}/api/rooms/{seen['code']}/moderation",
            headers={"Authorization": f"Bearer {seen['token']}"},
        )
        assert r.status_code == 200
    finally:
        _stop(proc)


def test_a_hub_killed_mid_write_keeps_every_acknowledged_plan(tmp_path):
    db, port = f"sqlite:///{tmp_path / 'r.sqlite3'}", free_port()
    proc, seen = _host(db, port)
    url = f"http://127.0.0.1:{port}/r/{seen['code']}"
    made: list[str] = []
    stop = threading.Event()

    def game(n: int) -> None:
        client = HubClient(url, outbox=Outbox(tmp_path / f"outbox{n}"), timeout=2)
        k = 0
        while not stop.is_set():
            p = plan(n * 1000 + k, [decision("funded", "park")] * 20)
            made.append(p.plan_key)
            client.submit_plan(p)  # returns whether or not the hub answered
            k += 1
            time.sleep(0.05)
        client.close()

    games = [threading.Thread(target=game, args=(n,)) for n in range(4)]
    for g in games:
        g.start()
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)  # mid-stream: some writes in flight
    _stop(proc)
    time.sleep(0.3)
    stop.set()
    for g in games:
        g.join()

    waiting = {
        p.name.split("-", 1)[1].removesuffix(".json")
        for n in range(4)
        for p in Outbox(tmp_path / f"outbox{n}").pending()
    }
    acknowledged = set(made) - waiting
    store = RoomStore(db)
    with store.engine.connect() as c:
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    stored = {p.plan_key for p in store.plans(seen["code"])}
    assert acknowledged <= stored  # nothing the hub said yes to is lost
    assert len(made) > 20 and waiting  # the kill really hit games mid-stream

    proc2, _ = _host(db, port)  # the hub comes back; the games' outboxes finish the job
    try:
        deadline = time.monotonic() + 60
        for n in range(4):  # a backlog may meet the rate limit (429): resend until done
            while Outbox(tmp_path / f"outbox{n}").flush().waiting:
                assert time.monotonic() < deadline
                time.sleep(0.5)
        final = store.plans(seen["code"])
        assert sorted(p.plan_key for p in final) == sorted(made)  # each exactly once
    finally:
        _stop(proc2)
        store.close()
