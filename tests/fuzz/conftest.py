"""The fuzz suite: quick in the default run, long with `pytest -m fuzz` or CIVIC_FUZZ_LONG=1.

The harness modules (fuzzlib, surfaces_*) sit beside the tests; pytest puts this folder on
sys.path when it collects them, and run_long.py does the same for itself.
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # `-m fuzz` asks for the fuzz suite on its own: give it the long run.
    if "fuzz" in (config.getoption("markexpr", default="") or "").split():
        os.environ.setdefault("CIVIC_FUZZ_LONG", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.fuzz)
