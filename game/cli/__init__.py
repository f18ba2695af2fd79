"""Command line: `python main.py <command>`. With no command, the game starts.

Each command lives in its own module in this package and exposes
`register(subparsers) -> None`, which adds a subparser whose `func(args) -> int` runs it.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from game.errors import CivicError

# Order is the order shown by --help.
COMMAND_MODULES = ["play", "areas", "profile", "simulate", "bench", "screenshots"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=(
            "Civic Futures: fund civic projects for any local authority in England and Wales "
            "and see jobs and population projected against a baseline, on real Census 2021 data."
        ),
    )
    parser.add_argument(
        "--census-dir",
        metavar="DIR",
        help="read census tables from DIR (ONS/Nomis bulk CSV layout) instead of data/census",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"game.cli.{name}")
        except ModuleNotFoundError as exc:  # pragma: no cover - only while a command is unbuilt
            if exc.name != f"game.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or sys.argv[1:])])
    try:
        return int(args.func(args) or 0)
    except CivicError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
