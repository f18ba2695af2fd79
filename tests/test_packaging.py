"""The package as a user installs it: the wheel carries the data and assets inside `game/`,
one version, the licence metadata, and a command line whose --help is fast because it
imports no command module (no pandas, numpy or pygame).

The install-into-a-fresh-venv smoke run (civic-futures areas, simulate, screenshots from a
temporary folder) is in .ci/run: it needs the package index and takes half a minute.
"""

from __future__ import annotations

import email
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import game
from game.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: use the hatchling of this environment (the dev extra), no index needed
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (whl,) = out.glob("civic_futures-*.whl")
    return whl


def test_wheel_carries_data_and_assets_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "game/_data/census/areas.csv" in names
    assert "game/_data/params/additionality.csv" in names
    assert "game/_assets/fonts/DejaVuSans.ttf" in names
    assert "game/_assets/i18n/en/LC_MESSAGES/civic.po" in names
    assert "game/_assets/i18n/cy/LC_MESSAGES/civic.po" in names
    assert "game/__main__.py" in names
    # every shipped file, nothing from the checkout's top level besides the package
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert {"game/_" + n for n in shipped} <= names
    assert not [n for n in names if n.startswith(("tests/", "data/", "assets/", "main.py"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_translations_work_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    """The catalogues are compiled at run time from the wheel's .po files (no checkout)."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "from game.client.i18n import Translator, languages; import game.resources as r;"
        f"assert str(r.assets_dir()).startswith({str(site)!r}), r.assets_dir();"
        "t = Translator('cy'); print(languages(), t('title.new_game'), t('advance.building', n=2))"
    )
    env = {"PYTHONPATH": str(site), "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True, capture_output=True
    )
    assert run.stdout.decode().strip() == (
        "('en', 'cy') Gêm newydd Mae'r flwyddyn yn mynd heibio… 2 prosiect yn cael eu hadeiladu"
    )


def test_wheel_metadata_version_licence_and_console_script(wheel: Path) -> None:
    zf = zipfile.ZipFile(wheel)
    info = f"civic_futures-{game.__version__}.dist-info"
    meta = email.message_from_bytes(zf.read(f"{info}/METADATA"))
    assert meta["Version"] == game.__version__
    assert meta["License-Expression"].startswith("MIT")
    assert "OGL-UK-3.0" in meta["License-Expression"]
    assert f"{info}/licenses/LICENSE" in zf.namelist()
    assert "civic-futures = game.cli:main" in zf.read(f"{info}/entry_points.txt").decode()
    assert meta.get_all("Classifier")


def test_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["version"] == {
        "path": "game/__init__.py"
    }


def test_version_flag_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"civic-futures {game.__version__}"


def _modules_after(args: list[str], entry: str = "main.py") -> set[str]:
    probe = (
        f"import sys, runpy; sys.argv = [{entry!r}, *{args!r}]\n"
        f"try:\n    runpy.run_path({entry!r}, run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    line = next(ln for ln in out.stderr.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_no_heavy_library(flag: str) -> None:
    loaded = _modules_after([flag])
    for heavy in ("pandas", "numpy", "pygame", "pydantic", "game.census", "game.sim"):
        assert heavy not in loaded, f"{flag} imported {heavy}"
    assert not [m for m in loaded if m.startswith("game.cli.")], "a command module was loaded"


def test_a_command_loads_only_its_own_module() -> None:
    loaded = _modules_after(["areas", "--help"])
    assert "game.cli.areas" in loaded
    assert not {f"game.cli.{c}" for c in COMMANDS if c != "areas"} & loaded


def test_python_dash_m_game_runs_the_same_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "game", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("usage: python -m game")
    for name in COMMANDS:
        assert name in out.stdout


def test_the_window_starts_without_the_room_hub_libraries() -> None:
    """The game's start-up (bench --client's start-up) loads no HTTP client, no SQLAlchemy
    and no web server: only a game that joins a room or class needs them (0.19 s of the
    start-up when the class game's module imported them at the top)."""
    probe = (
        "import sys; import game.client.app\n"
        "print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    line = next(ln for ln in out.stderr.splitlines() if ln.startswith("MODULES "))
    loaded = set(line.split()[1:])
    for heavy in ("sqlalchemy", "httpx", "fastapi", "uvicorn", "game.room.store"):
        assert heavy not in loaded, f"the window's start-up imported {heavy}"
