"""`python main.py` / `python main.py play`: open the game window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seed", type=_seed, default=None, help="fix the game's seed (default: new each game)"
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


def _seed(text: str) -> int:
    value = int(text)
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError("the seed must be a whole number from 0 to 2**63-1")
    return value


def run(args: argparse.Namespace) -> int:
    from game.client.app import run_game
    from game.client.context import AppContext
    from game.client.i18n import languages
    from game.client.settings import Settings
    from game.store.saves import clean_temporaries

    if args.lang and args.lang not in languages():
        print(
            f"error: --lang {args.lang}: no catalogue (have {', '.join(languages())})",
            file=sys.stderr,
        )
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
    # A save killed before its rename leaves a temporary file beside the autosave.
    clean_temporaries(ctx.save_path.parent)
    return run_game(ctx)
