"""The round timer: running, paused or stopped; the hub's clock is the only authority."""

from __future__ import annotations

from game.room.classroom.clock import Clock


class RoundTimer:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.deadline: float | None = None  # while running
        self.left_when_paused: float | None = None  # while paused

    @property
    def running(self) -> bool:
        return self.deadline is not None

    @property
    def paused(self) -> bool:
        return self.left_when_paused is not None

    def start(self, seconds: float) -> None:
        self.deadline, self.left_when_paused = self.clock.now() + seconds, None

    def remaining(self) -> float:
        if self.deadline is not None:
            return max(0.0, self.deadline - self.clock.now())
        return self.left_when_paused or 0.0

    def expired(self) -> bool:
        return self.deadline is not None and self.clock.now() >= self.deadline

    def pause(self) -> None:
        if self.deadline is not None:
            self.left_when_paused, self.deadline = self.remaining(), None

    def resume(self) -> None:
        if self.left_when_paused is not None:
            self.deadline = self.clock.now() + self.left_when_paused
            self.left_when_paused = None

    def add(self, seconds: float) -> None:
        if self.deadline is not None:
            self.deadline += seconds
        elif self.left_when_paused is not None:
            self.left_when_paused += seconds

    def stop(self) -> None:
        self.deadline = self.left_when_paused = None
