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

from game.errors import SaveError
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


def kill_saves(folder: Path, kills: int, seed: int = 470) -> dict[str, int]:
    """SIGKILL a saving process `kills` times; after each, load the autosave as Continue
    would. Then age and clean the temporaries the kills left. Returns the tally."""
    base = _base_save()
    target = folder / "autosave.json"
    payloads = folder.parent / f"{folder.name}-payloads"
    docs = [dict(base, area_name="Hartlepool" + "." * (k * 997 % 20000)) for k in range(40)]
    payloads.write_bytes(
        b"\0".join(SaveFile.model_validate(d).model_dump_json(indent=1).encode() for d in docs)
    )
    rng = Random(seed)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    tally = {"kills": 0, "loaded": 0, "corrupt": 0, "no save yet": 0}
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), str(payloads)],
            stdout=subprocess.PIPE,
            env=env,
            cwd=REPO,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        tally["kills"] += 1
        if not target.exists():
            tally["no save yet"] += 1
            continue
        try:
            save = load(target, SaveFile)
        except SaveError:
            tally["corrupt"] += 1  # set aside by load(); the next kill starts afresh
            continue
        ok = save.area == base["area"] and save.area_name.startswith("Hartlepool")
        tally["loaded" if ok else "corrupt"] += 1
    leftovers = list(folder.glob(".autosave.json.*.tmp"))
    past = time.time() - 3600
    for tmp in leftovers:  # aged: not a save in progress in another window
        os.utime(tmp, (past, past))
    tally["temporaries left"] = len(leftovers)
    tally["temporaries cleaned"] = len(clean_temporaries(folder))
    tally["other files"] = len([p for p in folder.iterdir() if p.name != "autosave.json"])
    return tally


def test_killing_a_save_never_corrupts_the_autosave(tmp_path):
    tally = kill_saves(tmp_path, KILLS)
    assert tally["corrupt"] == 0, tally
    assert tally["loaded"] >= KILLS // 2, tally  # most kills land after a complete save
    # the next start removes everything the killed saves left behind
    assert tally["temporaries cleaned"] == tally["temporaries left"], tally
    assert tally["other files"] == 0, tally
