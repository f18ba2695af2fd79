"""Continue works across launches: a fresh interpreter (other hash seed) replays a save
to the same checksums."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, sys
from game.census import load_world
from game.play import Fund, GameSession, SaveFile
w = load_world()
if sys.argv[1] == "play":
    s = GameSession.new(w, "Hartlepool", seed=11)
    for _ in range(3):
        for c in sorted(s.proposals, key=lambda c: (c.cost, c.id)):
            if s.check(Fund(card_id=c.id)).ok:
                s.act(Fund(card_id=c.id))
        s.advance_year()
    print(s.to_save().model_dump_json())
else:
    save = SaveFile.model_validate_json(sys.stdin.read())
    s = GameSession.from_save(w, save)
    print(json.dumps({str(k): v for k, v in s.checksums.items()}))
"""


def _run(arg: str, hash_seed: str, stdin: str = "") -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, arg],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return out.stdout.strip().splitlines()[-1]


def test_replay_in_another_process_gives_the_same_checksums():
    saved = _run("play", "1")
    replayed = json.loads(_run("replay", "987", stdin=saved))
    want = {str(k): v for k, v in json.loads(saved)["checksums"].items()}
    assert len(want) == 3
    assert replayed == want
