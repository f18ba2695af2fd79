"""Background work and the frame loop's runtime tuning: jobs are standard
concurrent.futures Futures, and the GIL switch interval and garbage-collector changes last
only as long as a game window (an App) does."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from game.client.context import frame_loop_tuning, run_in_background


def test_a_background_job_runs_in_a_worker_thread_and_returns_its_result() -> None:
    caller = threading.get_ident()
    future = run_in_background(lambda: (threading.get_ident(), 42))
    worker, value = future.result(timeout=10)
    assert value == 42 and worker != caller
    assert future.done() and future.exception() is None


def test_a_failing_background_job_hands_its_error_to_the_frame_loop() -> None:
    def fail() -> None:
        raise ValueError("census table broken")

    future = run_in_background(fail)
    error = future.exception(timeout=10)
    assert isinstance(error, ValueError) and "census table broken" in str(error)
    with pytest.raises(ValueError):
        future.result()


def test_unthreaded_jobs_run_at_once_with_the_same_interface() -> None:
    ran_in = []
    done = run_in_background(lambda: ran_in.append(threading.get_ident()) or "ok", False)
    assert done.done() and done.result() == "ok" and ran_in == [threading.get_ident()]
    failed = run_in_background(lambda: 1 / 0, threaded=False)
    assert isinstance(failed.exception(), ZeroDivisionError)


def test_frame_loop_tuning_is_restored_on_leaving_even_after_an_error() -> None:
    before = sys.getswitchinterval()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), frame_loop_tuning():
        assert sys.getswitchinterval() == pytest.approx(0.001)
        assert not gc.isenabled()
        raise RuntimeError("window closed badly")
    assert sys.getswitchinterval() == before and gc.isenabled()


def test_an_app_tunes_the_process_only_while_it_lives(make_app) -> None:
    before = sys.getswitchinterval()
    app, _pilot = make_app()
    assert not gc.isenabled() and sys.getswitchinterval() == pytest.approx(0.001)
    app.close()
    assert gc.isenabled() and sys.getswitchinterval() == before
