"""Command line: `civic-futures <command>` (or `python main.py`, `python -m game`). With no
command, the game starts.

Each command lives in its own module in this package and exposes
`register(parser) -> None`, which adds its options to the subparser made here and sets
`func(args) -> int` to run it. The one-line help for every command is in COMMANDS, so
`--help` and `--version` import no command module (and so no pandas, numpy or pygame): only
the chosen command's module is imported.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys

from game import __version__
from game.errors import CivicError, one_line
from game.logs import configure_logging

log = logging.getLogger(__name__)

# Order is the order shown by --help.
COMMANDS: dict[str, str] = {
    "play": "open the game window (the default command)",
    "areas": "list and search local authorities (or regions, LEPs, combined authorities)",
    "profile": "census profile of a local authority, LEP, combined authority or region",
    "simulate": "project jobs, population and approval for an area, with and without projects",
    "report": "write a board-paper report pack (HTML, PDF, XLSX, CSV) for a scenario, two "
    "scenarios side by side, or a finished game",
    "room": "host a room that pools players' plans and ideas; list, export, delete or report rooms",
    "validate": "check scenario files and list every problem at once",
    "backtest": "test the population model on 2011-2021 (every council, against Census 2021)",
    "bench": "time the engine (10-year baseline for all areas, one area with 10 projects, "
    "one advance_year) and report medians",
    "screenshots": "play a scripted game headless and save every screen as PNG",
}
COMMAND_MODULES = list(COMMANDS)
DEFAULT_PROG = "civic-futures"


def build_parser(
    prog: str = DEFAULT_PROG, load: str | None = None, *, load_all: bool = True
) -> argparse.ArgumentParser:
    """The parser. Commands whose module is not loaded (all but `load` when `load_all` is
    False) are placeholders that carry only their help line and accept anything."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Civic Futures: fund civic projects for any local authority in England and Wales "
            "and see jobs and population projected against a baseline, on real Census 2021 data."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--census-dir",
        metavar="DIR",
        help="read census tables from DIR (ONS/Nomis bulk CSV layout) instead of data/census",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_line in COMMANDS.items():
        if load_all or name == load:
            p = sub.add_parser(name, help=help_line, description=help_line)
            importlib.import_module(f"game.cli.{name}").register(p)
        else:
            sub.add_parser(name, help=help_line, add_help=False)
    return parser


def main(argv: list[str] | None = None, prog: str = DEFAULT_PROG) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # First pass with placeholders: finds the command (and answers --help / --version)
    # without importing any command module.
    first, _ = build_parser(prog, load_all=False).parse_known_args(argv)
    command = first.command
    if command is None:
        command, argv = "play", [*argv, "play"]  # top-level options come before the command
    args = build_parser(prog, load=command, load_all=False).parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        # a name like "Ynys Môn" on an ASCII-only terminal prints as an escape, not a crash
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    configure_logging()
    log.info("civic-futures %s: %s", __version__, " ".join(argv))
    try:
        return int(args.func(args) or 0)
    except CivicError as exc:
        log.warning("%s: %s", command, exc)
        print_error(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `... | head` closed the pipe: nothing more to say, and nothing at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception:
        log.exception("%s failed", command)  # kept in the log file, then shown as usual
        raise


def print_error(message: str) -> None:
    """Print one safe line to stderr in whatever encoding the terminal has."""
    line = one_line(message)
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    line = line.encode(encoding, "backslashreplace").decode(encoding, "replace")
    with contextlib.suppress(OSError):  # a closed stderr has nowhere to report to
        print(line, file=sys.stderr, flush=True)
