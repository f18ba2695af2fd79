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
    room = p.add_mutually_exclusive_group()
    room.add_argument(
        "--join",
        metavar="URL",
        help="play in a room on a hub: the address `room host` prints (http://HOST:PORT/r/CODE) "
        "or its six-character code",
    )
    room.add_argument(
        "--room",
        metavar="NAME",
        help="record every finished game and idea in the room NAME in the local room store "
        "(a stand with no server; made if new)",
    )
    p.add_argument("--room-db", metavar="URL", help="the room store for --room (default: local)")
    p.set_defaults(func=run)


def _seed(text: str) -> int:
    value = int(text)
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError("the seed must be a whole number from 0 to 2**63-1")
    return value


def open_room(args: argparse.Namespace) -> object | None:
    """The RoomLink for --join or --room, or None. A hub that cannot be reached is one line
    and exit status 2, before any window opens."""
    from game.errors import CivicError
    from game.room.client import RoomLink

    if args.room:
        try:
            return RoomLink.local(args.room, args.room_db)
        except CivicError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bad --room-db: one line, exit 2
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CivicError(f"--room {args.room}: cannot open the room store: {first}") from None
    if not args.join:
        return None
    try:
        return RoomLink.connect(args.join).result(timeout=20)
    except CivicError as exc:
        raise CivicError(f"--join {args.join}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - network errors: say which, in one line
        raise CivicError(
            f"--join {args.join}: cannot reach the room ({type(exc).__name__})"
        ) from None


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
    ctx.room = open_room(args)
    return run_game(ctx)
