"""A real PostgreSQL for the store tests: $CIVIC_TEST_POSTGRES_URL if set (a role that may
CREATE DATABASE), else a throwaway cluster started here with Debian's initdb/pg_ctl on a
free loopback port, in a temporary directory, run as the `postgres` user when the tests
run as root (initdb refuses root). Each caller gets a fresh database."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

PG_BIN = Path(os.environ.get("CIVIC_PG_BIN", "/usr/lib/postgresql/15/bin"))
URL_ENV = "CIVIC_TEST_POSTGRES_URL"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_pg_user(cmd: list[str]) -> list[str]:
    if os.getuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """Yield an admin URL (…/postgres) for a running server; stop it afterwards."""
    if os.environ.get(URL_ENV):
        yield os.environ[URL_ENV]
        return
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError(
            f"no PostgreSQL at {PG_BIN} and ${URL_ENV} unset: apt-get install postgresql "
            "(the store must be tested on PostgreSQL too)"
        )
    tmp = Path(tempfile.mkdtemp(prefix="civic-pg-"))
    if os.getuid() == 0:
        shutil.chown(tmp, "postgres")
    data, port = tmp / "data", free_port()
    subprocess.run(
        _as_pg_user(
            [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_pg_user(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                opts,
                "-l",
                str(tmp / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_pg_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server; dropped afterwards."""
    import psycopg

    name = "civic_" + uuid.uuid4().hex[:12]
    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
