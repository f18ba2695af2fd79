"""`room host --class` as a real process: it prints the projector address and the teacher's
link, and serves the class game with the options given; a bad option is one clean line and
exit status 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from room_pg import free_port

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def _cmd(db: str, port: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "main.py",
        "room",
        "host",
        "--class",
        "--name",
        "9X geography",
        "--db",
        db,
        "--port",
        str(port),
        *extra,
    ]


def test_room_host_class_serves_a_class_game(tmp_path):
    port = free_port()
    db = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    proc = subprocess.Popen(
        _cmd(db, port, "--round-minutes", "2", "--years", "10"),
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("Teacher's page"):
                break
        out = "".join(lines)
        code = re.search(r"Join code: ([A-Z0-9]{6})", out).group(1)
        teacher = re.search(r"Teacher's page \(keep private\): (\S+)", out).group(1)
        assert "Class game: Hartlepool, 10 years, 2-minute rounds" in out
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                r = httpx.get(f"{base}/api/class/{code}", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        status = r.json()
        assert (status["rounds"], status["round_seconds"], status["phase"]) == (10, 120, "lobby")
        with httpx.Client(base_url=base) as c:
            assert c.get(f"/c/{code}").status_code == 200
            assert c.get(teacher, follow_redirects=True).text.count("Start the year") == 1
            assert "50-minute lesson" in c.get("/teachers/").text
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_a_bad_round_length_is_one_clean_line_and_status_2(tmp_path):
    db = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    out = subprocess.run(
        _cmd(db, free_port(), "--round-minutes", "0"),
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2, out.stderr
    errors = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and "--round-minutes" in errors[0], out.stderr


def test_a_room_that_already_played_a_class_game_is_refused_before_the_lesson(tmp_path):
    """Hosting --class again in a room with rounds stored (a second lesson under the same
    name) used to start, then fail at 'Start the year' with HTTP 500 (UNIQUE constraint on
    class_rounds). Now it is one clean line naming --name, exit status 2."""
    from game.room.store import RoomStore
    from game.room.store.classes import ClassStore

    db = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    store = RoomStore(db)
    info, _ = store.create_room("9X geography", kind="class")
    ClassStore(store, info.code).start_round(1, 2021, None)
    store.close()
    out = subprocess.run(
        _cmd(db, free_port()), cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 2, out.stderr
    errors = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and "already played a class game" in errors[0], out.stderr
    assert "--name" in errors[0] and "Teacher's page" not in out.stdout
