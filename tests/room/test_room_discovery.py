"""Joining by code alone: the hub answers "which hub has room CODE?" on the network."""

from __future__ import annotations

import pytest
from room_pg import free_port

from game.errors import CivicError
from game.room.client.hub import parse_join
from game.room.discovery import DiscoveryResponder, discover


def _udp_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_bare_code_finds_the_hub_that_holds_the_room(store):
    info, _ = store.create_room("Year 9 Geography")
    port = _udp_port()
    responder = DiscoveryResponder(store, "http://10.0.0.5:8765", port=port).start()
    try:
        assert discover(info.code, port=port) == f"http://10.0.0.5:8765/r/{info.code}"
        assert discover(info.code.lower(), port=port) == f"http://10.0.0.5:8765/r/{info.code}"
        assert parse_join(info.code, discover_port=port) == ("http://10.0.0.5:8765", info.code)
        assert discover("ZZZZZZ", port=port, timeout=0.4) is None  # not ours: no answer
    finally:
        responder.stop()


def test_a_code_nobody_answers_for_says_to_type_the_address():
    with pytest.raises(CivicError, match="type the address"):
        parse_join("ABC234", discover_port=_udp_port())
    assert parse_join(f"127.0.0.1:{free_port()}/r/abc234")[1] == "ABC234"


def test_a_class_games_projector_address_is_a_join_address():
    """`room host --class` prints http://HOST:PORT/c/CODE; a team's PC given that address
    (ClassLink) must reach the same hub and code, not refuse it as 'not a room address'."""
    assert parse_join("http://10.0.0.5:8765/c/q34dck") == ("http://10.0.0.5:8765", "Q34DCK")
    assert parse_join("10.0.0.5:8765/c/Q34DCK/") == ("http://10.0.0.5:8765", "Q34DCK")
    with pytest.raises(CivicError, match="not a room address"):
        parse_join("http://10.0.0.5:8765/c/Q34DCK/teacher")
