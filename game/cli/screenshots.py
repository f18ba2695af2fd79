"""`python main.py screenshots --out DIR`: render every screen to PNG (headless)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    p.add_argument("--area", default="Hartlepool", help="area to play (default: Hartlepool)")
    p.add_argument("--seed", type=int, default=7, help="game seed (default: 7)")
    p.add_argument(
        "--text-scale", type=float, default=1.0, help="text size, e.g. 1.3 (projector setting)"
    )
    p.add_argument(
        "--language", default="en", help="en, cy or any other with a catalogue in assets/i18n"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Headless before pygame is imported: no window, no sound device needed.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.client.i18n import languages
    from game.client.screenshots import render_all

    if args.language not in languages():
        print(
            f"error: --language {args.language}: no catalogue (have {', '.join(languages())})",
            file=sys.stderr,
        )
        return 2

    census_dir = Path(args.census_dir) if getattr(args, "census_dir", None) else None
    written = render_all(
        Path(args.out),
        area=args.area,
        seed=args.seed,
        census_dir=census_dir,
        text_scale=args.text_scale,
        language=args.language,
    )
    for path in written:
        print(path)
    print(f"{len(written)} screenshots in {args.out}")
    return 0
