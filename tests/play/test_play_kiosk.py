"""The stand's rules (game.play.kiosk) with a test clock, and finished-game records."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from play_fakes import fake_factory
from pydantic import ValidationError

from game.play import GameSession, SaveFile
from game.play.kiosk import PIN_LOCKOUT_S, KioskConfig, KioskPolicy, StandSettings
from game.store.records import list_records, record_finished
from game.store.saves import load


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def stand():
    clock = Clock()
    cfg = KioskConfig(
        idle_s=120, countdown_s=20, pin="2468", stand=StandSettings(language="cy", text_scale=1.5)
    )
    return KioskPolicy(cfg, clock), clock


def test_idle_still_there_countdown_then_reset(stand):
    k, clock = stand
    assert k.screen == "attract" and k.tick() is None
    assert k.start_visit() == StandSettings(language="cy", text_scale=1.5)
    clock.t += 119
    assert k.tick() is None and k.screen == "playing"
    clock.t += 1
    assert k.tick() is None and k.screen == "still_there"
    assert k.countdown_left() == 20
    clock.t += 12.5
    assert k.tick() is None and k.countdown_left() == 8
    clock.t += 7.5
    assert k.tick() == "reset" and k.screen == "attract"
    assert k.tick() is None  # the reset is reported once


def test_a_touch_answers_still_there(stand):
    k, clock = stand
    k.start_visit()
    clock.t += 130
    k.tick()
    assert k.screen == "still_there"
    k.touch()
    assert k.screen == "playing" and k.countdown_left() == 0
    clock.t += 119
    assert k.tick() is None and k.screen == "playing"  # idle counts from the touch


def test_the_attract_screen_never_times_out(stand):
    k, clock = stand
    clock.t += 10_000
    assert k.tick() is None and k.screen == "attract"


def test_quit_needs_the_chord_and_the_pin(stand):
    k, clock = stand
    k.start_visit()
    assert not k.allows_quit()
    assert not k.keys_held({"ctrl", "shift", "s"})  # not the whole chord
    assert k.keys_held({"Ctrl", "Alt", "Shift", "S"})
    assert k.screen == "staff_pin" and not k.allows_quit()
    assert k.enter_pin("1357") == "wrong" and not k.allows_quit()
    assert k.enter_pin("2468") == "unlocked" and k.allows_quit()
    k.cancel_pin()
    assert k.screen == "playing" and not k.allows_quit()


def test_three_wrong_pins_lock_the_prompt(stand):
    k, clock = stand
    k.keys_held(k.config.chord)
    assert [k.enter_pin("0000") for _ in range(3)] == ["wrong", "wrong", "locked"]
    assert k.screen == "attract"
    k.keys_held(k.config.chord)
    assert k.enter_pin("2468") == "locked"
    clock.t += PIN_LOCKOUT_S
    assert k.enter_pin("2468") == "unlocked"


def test_a_stand_never_continues_the_previous_game(stand):
    k, _ = stand
    assert k.can_continue is False
    k.start_visit()
    k.start_visit()
    assert k.visits == 2


@given(st.text(max_size=10))
def test_the_pin_must_be_4_to_8_digits(pin):
    ok = pin.isdigit() and 4 <= len(pin) <= 8
    try:
        KioskConfig(idle_s=60, pin=pin)
    except ValidationError:
        assert not ok
    else:
        assert ok


def test_finished_games_are_recorded_never_overwritten(tmp_path, toy_world, toy_catalogue):
    s = GameSession.new(
        toy_world, "Oldtown", seed=3, catalogue=toy_catalogue, engine_factory=fake_factory, years=1
    )
    s.advance_year()
    save = s.to_save()
    a = record_finished(save, tmp_path, "Oldtown", "20261203T091500")
    b = record_finished(save, tmp_path, "Oldtown", "20261203T091500")
    assert a != b and list_records(tmp_path) == [a, b]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert load(a, SaveFile).finished and load(b, SaveFile) == save
