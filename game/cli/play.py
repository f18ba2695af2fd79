"""`python main.py` / `python main.py play`: open the game window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seed", type=int, default=None, help="fix the game's seed (default: new each game)"
    )
    p.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 toggles)")
    p.add_argument(
        "--lang",
        default=None,
        help="language: en, cy or any other with a catalogue in assets/i18n (default: saved)",
    )
    p.add_argument(
        "--kiosk",
        type=float,
        metavar="SECONDS",
        default=None,
        help="public-stand mode: back to the title after SECONDS without input",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from game.client.app import run_game
    from game.client.context import AppContext
    from game.client.i18n import languages
    from game.client.settings import Settings

    if args.lang and args.lang not in languages():
        print(f"error: --lang {args.lang}: no catalogue (have {', '.join(languages())})",
              file=sys.stderr)  # fmt: skip
        return 2
    settings = Settings.load()
    if args.fullscreen:
        settings.fullscreen = True
    if args.lang:
        settings.language = args.lang
    census_dir = Path(args.census_dir) if getattr(args, "census_dir", None) else None
    ctx = AppContext(
        settings=settings, census_dir=census_dir, seed=args.seed, kiosk_idle_s=args.kiosk
    )
    return run_game(ctx)
