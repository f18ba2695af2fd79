"""The final report's "report pack" button: the game's own pack, written by the same
command an officer runs (`report --save`), in a worker process so the window never waits."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import game
from game.client.context import AppContext, run_in_background
from game.store.saves import default_save_dir


def reports_dir() -> Path:
    """Packs go beside the saves: <user data>/reports (CIVIC_FUTURES_DATA_DIR moves both)."""
    return default_save_dir().parent / "reports"


def pack_command(save: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "game", "report", "--save", str(save), "--out", str(out)]


def write_game_pack(ctx: AppContext, threaded: bool = True) -> Future[Path]:
    """Save the game, then write its pack to a new folder; the Future gives the folder
    (or raises with the command's one-line error)."""
    assert ctx.session is not None
    ctx.autosave()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = reports_dir() / f"{ctx.session.area.code}-{stamp}"
    env = dict(os.environ)
    root = str(Path(game.__file__).resolve().parent.parent)  # this program's own package
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    cmd = pack_command(ctx.save_path, out)

    def run() -> Path:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()
            raise RuntimeError(lines[-1] if lines else f"report exited {done.returncode}")
        return out

    return run_in_background(run, threaded=threaded)
