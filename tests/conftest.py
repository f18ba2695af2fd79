"""Shared test setup: every test runs headless (dummy SDL drivers) before pygame is imported,
and keeps its settings, saves and log in its own temporary user data folder."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True, scope="session")
def _own_user_data_dir(tmp_path_factory: pytest.TempPathFactory):
    """Commands write a log (and the client settings and saves) to the user data folder;
    a test run must never touch the real one. Session-wide, so module fixtures that run
    commands in subprocesses inherit it too. Tests that need a particular folder set
    CIVIC_FUTURES_DATA_DIR themselves (or delete it to test the platform default)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CIVIC_FUTURES_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
        yield


# Debian's chromium, never a browser Playwright downloads: the pages are tested in the
# browser a school or council machine has (`.ci/run` installs it).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole run (pages open and close in each test)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install chromium (the page must be tested)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
