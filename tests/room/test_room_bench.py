"""`bench --room`: the load test's own bookkeeping (a small run: the full 60-client run is
the command itself)."""

from __future__ import annotations

from game.room.bench import run_room_bench


def test_a_small_room_bench_loses_no_plan_and_reports_its_numbers():
    result = run_room_bench(clients=6, plans_per_client=1)
    assert result["plans_lost"] == 0 and result["errors"] == 0
    assert result["plans_sent"] == result["plans_stored"] == 12
    assert result["outbox_waiting"] == 0
    assert result["submit_p95_ms"] > 0 and result["page_p95_ms"] > 0 and result["page_polls"] > 0
    # the hub says how long it spent on each plan (Server-Timing): never more than the trip
    assert 0 < result["hub_submit_p95_ms"] <= result["submit_p95_ms"] + 1
