"""Kill a process while it saves, many times: the autosave is never corrupt, and the next
start cleans the temporary files the killed saves left.

A child process saves a real game over and over (each save a different length, so a torn
write would show); the parent SIGKILLs it at a random moment, then loads the autosave as
Continue would. 20 kills in the default run, 470 (the reliability run's count) in the long.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from random import Random

from fuzzlib import LONG

from game.play import SaveFile
from game.store.saves import clean_temporaries, load

REPO = Path(__file__).resolve().parents[2]
KILLS = 470 if LONG else 20

# The child writes exactly what save_atomic writes (a SaveFile's JSON, through
# atomic_write_bytes with private=True); the payloads are made here so the child needs
# only game.atomic and starts in milliseconds instead of importing the whole game.
CHILD = r"""
import sys
from game.atomic import atomic_write_bytes
payloads = open(sys.argv[2], "rb").read().split(b"\0")
print("ready", flush=True)
n = 0
while True:
    n += 1
    atomic_write_bytes(sys.argv[1], payloads[n % len(payloads)], private=True)
"""


def _base_save() -> dict:
    from game.census import load_world
    from game.play import GameSession

    s = GameSession.new(load_world(), "Hartlepool", seed=7)
    s.advance_year()
    return json.loads(s.to_save().model_dump_json())


def test_killing_a_save_never_corrupts_the_autosave(tmp_path):
    base = _base_save()
    target = tmp_path / "autosave.json"
    payloads = tmp_path.parent / f"{tmp_path.name}-payloads"
    docs = [dict(base, area_name="Hartlepool" + "." * (k * 997 % 20000)) for k in range(40)]
    payloads.write_bytes(b"\0".join(
        SaveFile.model_validate(d).model_dump_json(indent=1).encode() for d in docs))  # fmt: skip
    rng = Random(470)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    loaded = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), str(payloads)],
            stdout=subprocess.PIPE, env=env, cwd=REPO,
        )  # fmt: skip
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        if target.exists():
            save = load(target, SaveFile)  # raises (and sets aside) if ever torn
            assert save.area == base["area"] and save.area_name.startswith("Hartlepool")
            loaded += 1
        assert not list(tmp_path.glob("autosave.json.corrupt-*"))
    assert loaded >= KILLS // 2  # most kills land after the first complete save
    # the next start removes what killed saves left behind (aged: not a save in progress)
    leftovers = list(tmp_path.glob(".autosave.json.*.tmp"))
    past = time.time() - 3600
    for tmp in leftovers:
        os.utime(tmp, (past, past))
    assert sorted(clean_temporaries(tmp_path)) == sorted(leftovers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autosave.json"]
