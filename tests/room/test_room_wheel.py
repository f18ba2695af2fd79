"""Rooms from an installed wheel: the Alembic migrations, the page templates, the page's JS
and CSS and the report template are found inside the package (importlib.resources), not in
a checkout. The wheel is unpacked as pip would into a folder that is the only place `game`
can be imported from, and a fresh interpreter runs there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import httpx, game.room, sys
from pathlib import Path
assert Path(game.room.__file__).is_relative_to(Path(sys.argv[1])), game.room.__file__
from game.room.store import RoomStore
from game.room.server import create_app, ServerThread
from game.room.report import write_report
store = RoomStore("sqlite:///" + sys.argv[2] + "/rooms.sqlite3")
assert store.revision() == "0003"
from game.resources import docs_dir
assert (docs_dir() / "teachers" / "lesson-50.md").is_file(), docs_dir()
info, token = store.create_room("Installed")
with ServerThread(create_app(store)) as srv:
    page = httpx.get(f"{srv.url}/r/{info.code}")
    js = httpx.get(f"{srv.url}/static/room.js")
    assert page.status_code == 200 and "Installed" in page.text, page.status_code
    assert js.status_code == 200 and "setInterval" in js.text
files = write_report(store, info.code, sys.argv[2] + "/report")
assert (Path(sys.argv[2]) / "report" / "report.html").is_file()
print("ok", len(files))
"""


def test_rooms_work_from_the_installed_wheel(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (whl,) = dist.glob("civic_futures-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(whl).extractall(site)
    names = zipfile.ZipFile(whl).namelist()
    assert "game/room/store/migrations/versions/0002_moderation_supports_kind.py" in names
    for shipped in (  # class rooms: pages, scripts, shocks and the teacher's pack
        "game/room/store/migrations/versions/0003_class_rooms.py",
        "game/room/classroom/templates/debrief.html",
        "game/room/classroom/static/class.js",
        "game/_data/play/shocks.csv",
        "game/_docs/teachers/README.md",
    ):
        assert shipped in names, shipped
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(site), str(work)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok")
