"""`room host --class` as a real process: it prints what the teacher needs (class first:
the code for teams, the projector, the teacher's link; no ordinary room's address or QR),
serves the class game with the options given, and a class in progress survives the hub
being stopped and started again on the same store. A bad option is one clean line and
exit status 2."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from room_pg import free_port

from game.play import Fund

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


class Hub:
    """A `room host --class` process, read until it serves."""

    def __init__(self, db: str, port: int, *extra: str) -> None:
        _serve(self, _cmd(db, port, *extra), port)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def _serve(hub: Hub, cmd: list[str], port: int) -> None:
    """Start `cmd` (a `room host`) and read what it prints until it serves."""
    hub.proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert hub.proc.stdout is not None
    lines = []
    for line in hub.proc.stdout:
        lines.append(line)
        if line.startswith("Store:"):
            break
    hub.out = "".join(lines)
    threading.Thread(target=hub.proc.stdout.read, daemon=True).start()
    hub.code = re.search(r"Code for teams .*: ([A-Z0-9]{6})", hub.out).group(1)
    hub.teacher = re.search(r"Teacher's page \(keep private\): (\S+)", hub.out).group(1)
    hub.token = hub.teacher.split("token=")[1]
    hub.base = f"http://127.0.0.1:{port}"
    hub.api = f"{hub.base}/api/class/{hub.code}"
    for _ in range(300):
        try:
            httpx.get(hub.api, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)


def test_room_host_class_serves_a_class_game_and_prints_what_the_teacher_needs(tmp_path):
    port = free_port()
    hub = Hub(
        f"sqlite:///{tmp_path / 'rooms.sqlite3'}", port, "--round-minutes", "2", "--years", "10"
    )
    try:
        out = hub.out
        assert "Class game: Hartlepool, 10 years, 2-minute rounds" in out
        # the class first, and only what the teacher needs: no ordinary room's page or QR
        assert out.index("Class: 9X geography") < out.index("Code for teams")
        assert out.index("Projector:") < out.index("Teacher's page") < out.index("Store:")
        assert "/r/" not in out and "/f/" not in out and "Join address" not in out
        assert "▀" not in out and "█" not in out  # no terminal QR code
        status = httpx.get(hub.api).json()
        assert (status["rounds"], status["round_seconds"], status["phase"]) == (10, 120, "lobby")
        with httpx.Client(base_url=hub.base) as c:
            assert c.get(f"/c/{hub.code}").status_code == 200
            assert c.get(hub.teacher, follow_redirects=True).text.count("Start the year") == 1
            assert "50-minute lesson" in c.get("/teachers/").text
    finally:
        hub.stop()


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


def _fund_cheapest(pc: httpx.Client, team: str) -> None:
    state = pc.get(f"/teams/{team}").json()
    card = min(state["proposals"], key=lambda k: k["cost"])
    r = pc.post(f"/teams/{team}/act", json=Fund(card_id=card["id"]).model_dump())
    assert r.json()["ok"], r.text


def _snapshot(pc: httpx.Client, teams: tuple[str, ...]) -> dict:
    return {
        t: {
            "state": {
                k: v
                for k, v in pc.get(f"/teams/{t}").json().items()
                if k in ("year", "money", "clout", "proposals", "funded", "decided", "news")
            },
            "save": pc.get(f"/teams/{t}/save").json(),
        }
        for t in teams
    }


@pytest.mark.parametrize("store_kind", ["sqlite", "postgresql"])
def test_a_class_in_progress_survives_the_hub_being_stopped_and_started(
    tmp_path, store_kind, request
):
    """Two years played with a shock thrown before year 2, a decision taken in year 3, the
    hub process stopped and started again on the same store: the same teams, rounds,
    money, decisions and shock, year 3 paused for the teacher; the class goes on to the
    debrief. The old behaviour was to refuse the room at start."""
    if store_kind == "sqlite":
        db = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
        _resume_class(db)
    else:
        from room_pg import fresh_database

        with fresh_database(request.getfixturevalue("pg_admin_url")) as db:
            _resume_class(db)


def _resume_class(db: str) -> None:  # noqa: PLR0915 - one class, start to debrief
    teams = ("Red", "Blue")
    port = free_port()
    hub = Hub(db, port, "--round-minutes", "3")
    try:
        pc = httpx.Client(base_url=hub.api)
        teacher = httpx.Client(base_url=hub.api, headers={"Authorization": f"Bearer {hub.token}"})
        for t in teams:
            assert pc.post("/teams", json={"name": t}).status_code == 201
        for rnd in (1, 2, 3):
            if rnd == 2:
                assert teacher.post("/shock", json={"shock_id": "flood"}).status_code == 200
            assert teacher.post("/round/start").json()["phase"] == "playing"
            _fund_cheapest(pc, "Red")
            if rnd < 3:
                assert teacher.post("/round/end").json()["phase"] == "between"
        before = _snapshot(pc, teams)
        status = pc.get(hub.api).json()
        assert (status["round"], status["phase"]) == (3, "playing")
    finally:
        pc.close()
        teacher.close()
        hub.stop()

    again = Hub(db, port, "--round-minutes", "3")
    try:
        assert "Resuming the class in progress: year 3 of 5 was in play" in again.out
        assert again.code == hub.code
        pc = httpx.Client(base_url=again.api)
        teacher = httpx.Client(
            base_url=again.api, headers={"Authorization": f"Bearer {again.token}"}
        )
        status = pc.get(again.api).json()
        assert (status["round"], status["phase"]) == (3, "paused")
        assert 60 <= status["remaining_seconds"] <= 180
        assert [t["name"] for t in status["teams"]] == list(teams)
        after = _snapshot(pc, teams)  # games, saves, this year's decisions
        for t in teams:
            for part in ("state", "save"):
                for k in before[t][part]:
                    assert after[t][part][k] == before[t][part][k], (t, part, k)
        assert pc.post("/teams", json={"name": "red"}).status_code == 200  # rejoins
        assert teacher.post("/round/resume").json()["phase"] == "playing"
        for _ in (3, 4, 5):
            assert teacher.post("/round/end").status_code == 200
            if pc.get(again.api).json()["phase"] == "between":
                teacher.post("/round/start").raise_for_status()
        assert pc.get(again.api).json()["phase"] == "debrief"
        debrief = pc.get("/debrief").json()
        assert [t["name"] for t in debrief["teams"]] == list(teams)
        assert debrief["shocks"] == [[1, "A flood hits the town centre"]]
        red = next(t for t in debrief["teams"] if t["name"] == "Red")
        assert len(red["funded"]) == 3  # one a year for three years, across the restart
        funded = [
            d["round_number"]
            for d in debrief["decisions"]
            if d["team"] == "Red" and d["kind"] == "funded"
        ]
        assert funded == [1, 2, 3]
    finally:
        pc.close()
        teacher.close()
        again.stop()


def test_the_hub_prints_the_command_that_brings_an_unnamed_class_back(tmp_path):
    """The teacher's pack's command has no --name, and the default name has the minute in
    it: run again after a restart, the same command made a new, empty class with a new
    code. The hub prints the command that carries on; run as printed, it does."""
    db = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    port = free_port()
    first = [sys.executable, "main.py", "room", "host", "--class", "--db", db, "--port", str(port)]
    hub = Hub.__new__(Hub)
    _serve(hub, first, port)
    try:
        line = next(ln for ln in hub.out.splitlines() if ln.startswith("If this computer"))
        again_cmd = shlex.split(line.split("carry on with: ", 1)[1])
        assert again_cmd[:4] == ["python", "main.py", "room", "host"]
        teacher = httpx.Client(base_url=hub.api, headers={"Authorization": f"Bearer {hub.token}"})
        assert httpx.post(f"{hub.api}/teams", json={"name": "Red"}).status_code == 201
        assert teacher.post("/round/start").json()["phase"] == "playing"
        teacher.close()
    finally:
        hub.stop()
    back = Hub.__new__(Hub)
    _serve(back, [sys.executable, *again_cmd[1:]], port)
    try:
        assert back.code == hub.code
        assert "Resuming the class in progress: year 1 of 5 was in play" in back.out
        assert httpx.get(back.api).json()["teams"][0]["name"] == "Red"
    finally:
        back.stop()
