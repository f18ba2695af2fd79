"""The README's promises: two set-up commands, CI runs the test one, --help lists every command."""

import re
import subprocess
import sys
from pathlib import Path

from game.cli import COMMAND_MODULES, build_parser

ROOT = Path(__file__).resolve().parents[1]
SETUP_LINE = re.compile(r"^python3 -m venv \.venv && \. \.venv/bin/activate && pip install .+$")


def setup_commands() -> list[str]:
    return [ln for ln in (ROOT / "README.md").read_text().splitlines() if SETUP_LINE.match(ln)]


def test_readme_has_exactly_two_setup_commands_launch_and_test():
    launch, test = setup_commands()
    assert launch.endswith("&& python main.py")
    assert test.endswith("&& pytest") and '".[dev]"' in test


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test = setup_commands()[1]
    pattern = re.search(r"grep -E '(.+?)' README.md", ci).group(1)
    assert re.fullmatch(pattern, test)
    assert 'bash -c "$TEST_CMD"' in ci


def test_every_command_is_registered_and_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMAND_MODULES)
    readme = (ROOT / "README.md").read_text()
    for name in COMMAND_MODULES:
        assert f"python main.py {name}" in readme or name == "play"


def test_help_lists_every_command_without_traceback():
    out = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0
    for name in COMMAND_MODULES:
        assert name in out.stdout
