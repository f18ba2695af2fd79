"""`python main.py` / `python main.py play`: open the game window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING


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
        help="public stand: full screen, 'Still there?' after SECONDS without input, then "
        "back to the attract screen for the next visitor (see README: Running a stand)",
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
    p.add_argument(
        "--area",
        default=None,
        metavar="NAME",
        help="--kiosk: the stand's own area, whose census facts the attract screen shows "
        "(default: areas across England and Wales)",
    )
    p.add_argument(
        "--pin",
        default=None,
        metavar="DIGITS",
        help="staff PIN for --kiosk (4-8 digits; default: a new one, printed at start)",
    )
    p.add_argument(
        "--text-size",
        type=float,
        default=None,
        metavar="SCALE",
        help="text size for every visitor, 1.0-2.0 (2.0: a projector at the back of a hall)",
    )
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
    if args.text_size is not None:
        if not 0.8 <= args.text_size <= 2.0:
            print(
                f"error: play --text-size: {args.text_size:g} is outside 0.8-2.0", file=sys.stderr
            )
            return 2
        settings.text_scale = args.text_size
    census_dir = Path(args.census_dir) if getattr(args, "census_dir", None) else None
    try:
        kiosk = _kiosk(args, settings) if args.kiosk is not None else None
    except ValueError as exc:  # a bad PIN or idle time: one line, status 2
        print(f"error: play --kiosk: {exc}", file=sys.stderr)
        return 2
    if kiosk is not None:
        settings.fullscreen = True  # a stand fills its screen; staff leave with chord + PIN
    ctx = AppContext(
        settings=settings,
        census_dir=census_dir,
        seed=args.seed,
        kiosk=kiosk,
        persist_settings=kiosk is None,
    )
    # A save killed before its rename leaves a temporary file beside the autosave.
    clean_temporaries(ctx.save_path.parent)
    ctx.room = open_room(args)
    return run_game(ctx)


if TYPE_CHECKING:
    from game.play.kiosk import KioskConfig


def _kiosk(args: argparse.Namespace, settings: object) -> KioskConfig:
    from pydantic import ValidationError

    from game.play.kiosk import KioskConfig, StandSettings, new_pin

    pin = args.pin or new_pin()
    area = None
    if args.area:  # checked now: an unknown name is one line and status 2, not a crash later
        from game.census import load_world

        census = getattr(args, "census_dir", None)
        area = load_world(Path(census) if census else None).resolve(args.area).code
    try:
        config = KioskConfig(
            idle_s=args.kiosk,
            pin=pin,
            area=area,
            stand=StandSettings(language=settings.language, text_scale=settings.text_scale),  # type: ignore[attr-defined]
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ValueError(f"{field}: {err['msg']}") from None
    if args.pin is None:
        print(f"Stand started. Staff exit: hold Ctrl+Alt+Shift and press S, then PIN {pin}")
    return config
