"""Small modules and short functions across game/ (issue 7): no module over 500 lines and no
function over 80, except the ones listed below, each with the reason it is still over and a
ceiling, so an exception can shrink but not grow. A new long module or function fails here
with its path and length; split it, or (if there is a real reason) list it with that reason."""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
MODULE_LINES = 500
FUNCTION_LINES = 80

# path relative to the repository -> the most lines it may have, and why it is over.
# "in flight": another helper was changing the file on 3 December; the entry goes once the
# file is split after that work lands.
MODULE_EXCEPTIONS: dict[str, tuple[int, str]] = {
    # the stand and how-to-play work (kiosk, merged 3 December 10:05) grew these two screens
    "game/client/scenes/year/scene.py": (580, "kiosk merged; to split (build, drawing)"),
    "game/room/store/store.py": (510, "class rooms merged 3 December; to split"),
    # the projector's 200% layouts (merged 3 December 10:44) grew this one
    "game/client/charts.py": (505, "projector merged; to split (axes, legend)"),
}

# "path::Qualified.name" -> the most lines it may have, and why it is over
FUNCTION_EXCEPTIONS: dict[str, tuple[int, str]] = {
    # a migration is a frozen description of the schema at one revision: never edited, and
    # one function per revision is the form alembic expects
    "game/room/store/migrations/versions/0001_initial.py::upgrade": (110, "alembic revision"),
    # the run summary (moved out of simulate.py unchanged): one helper per section next,
    # as game/cli/simulate_text.py already does for the printed text
    "game/cli/summary.py::build_summary": (160, "to split by section"),
    "game/cli/simulate.py::run": (90, "to split: load, run, write"),
    "game/sim/economic_case.py::project_case": (90, "numbers merged 3 December; to split"),
    "game/play/session.py::GameSession.advance_year": (86, "year-end steps partly moved out"),
    "game/client/scenes/year/scene.py::YearScene.build": (115, "kiosk merged; to split"),
    "game/client/charts.py::line_chart": (85, "projector merged; to split"),
    "game/client/scenes/newspaper.py::NewspaperScene.draw_scene": (110, "projector; to split"),
    "game/client/scenes/you_and_room.py::YouAndRoomScene.draw_scene": (115, "rooms; to split"),
}


def _rel(path: Path) -> str:
    return path.relative_to(GAME.parent).as_posix()


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    """(qualified name, lines) of every function and method, nested ones included."""
    found: list[tuple[str, int]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.ClassDef):
            found += _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            found.append((name, (node.end_lineno or node.lineno) - node.lineno + 1))
            found += _functions(node, f"{name}.")
        else:
            found += _functions(node, prefix)
    return found


def _measure() -> tuple[dict[str, int], dict[str, int]]:
    modules: dict[str, int] = {}
    functions: dict[str, int] = {}
    for path in sorted(GAME.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        modules[_rel(path)] = len(text.splitlines())
        for name, lines in _functions(ast.parse(text)):
            functions[f"{_rel(path)}::{name}"] = lines
    return modules, functions


MODULES, FUNCTIONS = _measure()


def _over(sizes: dict[str, int], limit: int, allowed: dict[str, tuple[int, str]]) -> list[str]:
    return [
        f"{name}: {n} lines (limit {allowed[name][0] if name in allowed else limit})"
        for name, n in sorted(sizes.items())
        if n > (allowed[name][0] if name in allowed else limit)
    ]


def test_no_module_over_500_lines() -> None:
    assert _over(MODULES, MODULE_LINES, MODULE_EXCEPTIONS) == []


def test_no_function_over_80_lines() -> None:
    assert _over(FUNCTIONS, FUNCTION_LINES, FUNCTION_EXCEPTIONS) == []


def test_the_measure_sees_nested_functions_and_methods() -> None:
    tree = ast.parse("class A:\n    def f(self):\n        def g():\n            pass\n")
    assert _functions(tree) == [("A.f", 3), ("A.f.g", 2)]


def _unjustified_format_skips(root: Path) -> list[str]:
    """`# fmt: skip` markers without an "aligned table" comment in the 3 lines above."""
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.rstrip().endswith(("# fmt: skip", "# fmt: off")):
                above = " ".join(lines[max(0, i - 3) : i])
                if "aligned table" not in above:
                    found.append(f"{path.relative_to(root.parent).as_posix()}:{i + 1}")
    return found


def test_formatter_is_skipped_only_for_aligned_tables() -> None:
    # ruff format lays the code out; a marker is kept only for a true aligned numeric table,
    # with a comment saying so just above it ("aligned table: ..."). Otherwise remove the
    # marker and run `ruff format` on the file.
    found = _unjustified_format_skips(GAME) + _unjustified_format_skips(GAME.parent / "tests")
    assert found == []
