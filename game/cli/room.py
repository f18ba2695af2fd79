"""`python main.py room host|list|export|delete|report`: rooms that pool many players' plans.

host    run the hub: prints the join code, the address, a QR code and the facilitator link
list    every room in the store, with players, plans and ideas
export  one room as JSON (plans as submitted, ideas with supports and moderation)
delete  erase a room and every row of it
report  the listening report: report.html, CSVs and one XLSX workbook
The store is a SQLite file in the user data directory unless --db names another
(postgresql+psycopg://USER@HOST/DB for a county-wide consultation).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from typing import Any

from game.errors import CivicError

DEFAULT_PORT = 8765


def register(p: argparse.ArgumentParser) -> None:
    p.description = __doc__
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    sub = p.add_subparsers(dest="room_command", metavar="ACTION", required=True)

    def with_db(q: argparse.ArgumentParser) -> argparse.ArgumentParser:
        q.add_argument(
            "--db",
            metavar="URL",
            help="database URL (default: a SQLite file in the user data directory)",
        )
        return q

    h = with_db(sub.add_parser("host", help="run the hub for a room (made if new)"))
    h.add_argument("--name", help="room name (default: 'Room <date>'); an existing room reopens")
    h.add_argument("--kind", choices=["stand", "class", "consultation"], default="stand")
    h.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    h.add_argument(
        "--trusted-proxy",
        action="append",
        metavar="IP",
        help="a reverse proxy in front of the hub (repeatable): its X-Forwarded-For names "
        "the real player, so the rate limit counts each player, not the proxy",
    )
    h.add_argument(
        "--lan", action="store_true", help="listen on the local network, not just this machine"
    )
    h.add_argument(
        "--class",
        dest="class_room",
        action="store_true",
        help="a class room: teams, timed rounds run from the teacher's page, shocks, debrief",
    )
    h.add_argument(
        "--area",
        default="Hartlepool",
        help="class room: the area every team plays (with --each-own-area: the default)",
    )
    h.add_argument(
        "--each-own-area",
        action="store_true",
        help="class room: each team chooses its own area when it joins",
    )
    h.add_argument("--years", type=int, choices=[5, 10], default=5, help="class room: years (5)")
    h.add_argument(
        "--round-minutes", type=float, default=4.0, help="class room: minutes a round (4)"
    )
    h.set_defaults(func=host)
    q = with_db(sub.add_parser("list", help="every room in the store"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=list_rooms)
    e = with_db(sub.add_parser("export", help="one room as JSON"))
    e.add_argument("room", metavar="ROOM", help="room code or name")
    e.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    e.set_defaults(func=export)
    d = with_db(sub.add_parser("delete", help="erase a room and every row of it"))
    d.add_argument("room", metavar="ROOM", help="room code or name")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    d.set_defaults(func=delete)
    r = with_db(sub.add_parser("report", help="the listening report (HTML, CSV, XLSX)"))
    r.add_argument("room", metavar="ROOM", help="room code or name")
    r.add_argument("--out", metavar="DIR", required=True, help="folder for the report files")
    r.set_defaults(func=report)


def open_store(url: str | None) -> Any:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from game.room.store import RoomStore

    try:
        return RoomStore(url)
    except (ArgumentError, OperationalError, ModuleNotFoundError) as exc:
        first = str(exc).strip().splitlines()[0]
        raise CivicError(f"--db {url}: cannot open the room store: {first}") from None


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def host(args: argparse.Namespace) -> int:
    import uvicorn

    from game.room.server import HubSettings, create_app
    from game.room.server.running import proxy_settings
    from game.room.store import RoomNotFound

    store = open_store(args.db)
    now = __import__("datetime").datetime.now()
    # a class's default name carries the time too: two lessons in a day are two rooms
    name = args.name or (
        f"Class {now:%d %b %Y %H:%M}" if args.class_room else f"Room {now:%d %b %Y}"
    )
    try:
        info = store.room(name)
        token = store.new_token(info.code)
    except RoomNotFound:
        info, token = store.create_room(name, kind="class" if args.class_room else args.kind)
    bind = "0.0.0.0" if args.lan else "127.0.0.1"
    base = f"http://{lan_address() if args.lan else '127.0.0.1'}:{args.port}"
    # a class room (new, or one in progress hosted again) is served as a class, whatever
    # the flags: its teams, rounds and games are in the store
    is_class = args.class_room or info.kind == "class"
    if is_class:
        app = _class_app(args, store, info, base, token)
    else:
        _print_room(info, base, token)
        app = create_app(store, HubSettings(public_url=base))
    print(f"Store: {store.url}")
    if not args.lan:
        print("Only this machine can join; add --lan to open it to the local network.")
    sys.stdout.flush()
    from game.room.discovery import DiscoveryResponder

    try:  # games that type only the code find this hub by asking the local network
        responder = DiscoveryResponder(store, base, host=bind).start()
    except OSError as exc:  # the port is taken (another hub): typing the address still works
        print(f"(code-only joining is off: {exc})")
        responder = None
    try:
        # no access log: the hub keeps no record of who connected (docs/rooms.md)
        uvicorn.run(
            app,
            host=bind,
            port=args.port,
            log_level="warning",
            access_log=False,
            **proxy_settings(args.trusted_proxy or []),
        )
    finally:
        if responder is not None:
            responder.stop()
    return 0


def _print_room(info: Any, base: str, token: str) -> None:
    """An ordinary room: the join address and its QR code for the projector, and the
    facilitator's link."""
    import segno

    join = f"{base}/r/{info.code}"
    print(f"Room: {info.name}  ({info.plans} plans, {info.ideas} ideas so far)")
    print(f"Join code: {info.code}")
    print(f"Join address (projector page; games: play --join {join}): {join}")
    segno.make(join, error="m").terminal(out=sys.stdout, compact=True)
    print(f"Facilitator (keep private; a new token each start): {base}/f/{info.code}?token={token}")
    print(f"Facilitator token: {token}")


def _class_settings(args: argparse.Namespace, cs: Any) -> tuple[Any, str | None]:
    """The class's settings: a class in progress keeps those it started with (a note if
    the flags asked for others); a new one takes the flags."""
    from game.room.classroom.models import ClassSettings
    from game.room.classroom.resume import in_progress, stored_settings

    try:
        asked = ClassSettings(
            area=args.area,
            years=args.years,
            round_minutes=args.round_minutes,
            each_own_area=args.each_own_area,
        )
    except ValueError as exc:
        raise CivicError(f"--round-minutes: {str(exc).splitlines()[-1].strip()}") from None
    kept = stored_settings(cs) if in_progress(cs) else None
    if kept is None or kept == asked:
        return asked, None
    return kept, "(the class keeps the settings it started with; the options given are ignored)"


def _again(args: argparse.Namespace, name: str) -> str:
    """The command that brings this class back where it was: its name (the default one has
    the time in it, so the same command a minute later would start a new class) and the
    flags that say where it is served and stored; the class keeps its own settings."""
    import shlex

    words = ["python", "main.py", "room", "host", "--name", name]
    if args.lan:
        words.append("--lan")
    if args.port != DEFAULT_PORT:
        words += ["--port", str(args.port)]
    if args.db:
        words += ["--db", args.db]
    return shlex.join(words)


def _class_app(args: argparse.Namespace, store: Any, info: Any, base: str, token: str) -> Any:
    """The hub with this class room's game: a new one, or the class in progress rebuilt
    from the store (teams, games, rounds, shocks; a round in play comes back paused)."""
    from game.census import load_world
    from game.room.classroom.clock import SystemClock
    from game.room.classroom.game import ClassGame
    from game.room.classroom.hub import class_app, start_ticker
    from game.room.classroom.resume import resume
    from game.room.server import HubSettings
    from game.room.store.classes import ClassStore

    code = info.code
    settings, note = _class_settings(args, ClassStore(store, code))
    game = ClassGame(store, code, load_world(), settings, SystemClock())
    where = resume(game)
    area = "each team chooses its own area" if settings.each_own_area else game.area.name
    print(f"Class: {info.name}")
    print(f"Class game: {area}, {settings.years} years, {settings.round_minutes:g}-minute rounds")
    if where is not None:
        print(f"Resuming the class in progress: {where}")
    if note:
        print(note)
    print(f"Code for teams (type it in the game with your team's name): {code}")
    print(f"Projector: {base}/c/{code}")
    print(f"Teacher's page (keep private): {base}/c/{code}/teacher?token={token}")
    print(f"If this computer restarts, carry on with: {_again(args, info.name)}")
    sys.stdout.flush()
    start_ticker({code: game})  # rounds end on time even with no page open
    return class_app(store, {code: game}, HubSettings(public_url=base))


def list_rooms(args: argparse.Namespace) -> int:
    rooms = open_store(args.db).rooms()
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rooms], indent=1))
        return 0
    if not rooms:
        print("no rooms yet (room host --name NAME makes one)")
        return 0
    width = max(len(r.name) for r in rooms)
    print(f"{'code':6}  {'name':{width}}  {'kind':12}  players  plans  ideas  created")
    for r in rooms:
        print(
            f"{r.code:6}  {r.name:{width}}  {r.kind:12}  {r.players:7}  {r.plans:5}  "
            f"{r.ideas:5}  {r.created_at:%Y-%m-%d %H:%M}"
        )
    return 0


def export(args: argparse.Namespace) -> int:
    from game.atomic import atomic_write_text
    from game.room.server.api import RoomExport

    store = open_store(args.db)
    info = store.room(args.room)
    data = RoomExport(room=info, plans=store.plans(info.code), ideas=store.ideas(info.code))
    text = data.model_dump_json(indent=1) + "\n"
    if args.out:
        atomic_write_text(args.out, text)
        print(f"wrote {args.out}: {len(data.plans)} plans, {len(data.ideas)} ideas")
    else:
        sys.stdout.write(text)
    return 0


def delete(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    info = store.room(args.room)
    if not args.yes:
        answer = input(
            f"Erase room '{info.name}' ({info.code}): {info.plans} plans, "
            f"{info.ideas} ideas? Type the code to confirm: "
        )
        if answer.strip().upper() != info.code:
            print("not deleted")
            return 1
    counts = store.delete_room(info.code)
    print(
        f"deleted room '{info.name}' ({info.code}): "
        + ", ".join(f"{n} {k}" for k, n in counts.items() if k != "rooms")
    )
    return 0


def report(args: argparse.Namespace) -> int:
    from game.room.report import write_report

    store = open_store(args.db)
    files = write_report(store, args.room, args.out)
    info = store.room(args.room)
    print(f"wrote the report for '{info.name}' ({info.plans} plans, {info.ideas} ideas):")
    for f in files:
        print(f"  {f}")
    return 0
