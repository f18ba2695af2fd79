"""The engine's one interface: what the game's rules layer (game.play.engine_port), the CLI,
a room server and the report pack may call, and what they get back.

game.sim.engine.Engine implements it; so does the test double in tests/play/play_fakes.py.
Every value crossing this seam is one of the engine's own typed records (no `Any`).
"""

from __future__ import annotations

from typing import Protocol

from game.sim.appraisal import Appraisal
from game.sim.jobs_account import JobsAccount
from game.sim.records import CheckResult, EngineState, Event, FundProject, Preview, Shock

__all__ = [
    "Appraisal",
    "CheckResult",
    "EngineAPI",
    "EngineState",
    "Event",
    "FundProject",
    "JobsAccount",
    "Preview",
    "Shock",
]


class EngineAPI(Protocol):
    """Commands in (check, submit, advance_year), typed readings out."""

    @property
    def year(self) -> int: ...

    @property
    def state(self) -> EngineState: ...

    def check(self, cmd: FundProject) -> CheckResult:
        """Would `cmd` be accepted now? Never mutates."""
        ...

    def submit(self, cmd: FundProject) -> None:
        """Queue a command for the next advance_year (ScenarioError if check fails)."""
        ...

    def withdraw(self, label: str) -> None:
        """Take the latest queued command with this label back off the queue (undo)."""
        ...

    def advance_year(self) -> list[Event]: ...

    def apply_shock(self, shock: Shock) -> None:
        """An outside event felt from the next advance_year on (jobs by industry, a one-off
        net migration); the no-new-projects baseline does not feel it."""
        ...

    def appraise(
        self, type_id: str, scale: float = 1.0, started: int | None = None
    ) -> Appraisal: ...

    def preview_approval(self, cmd: FundProject) -> Preview: ...

    def jobs_account(self, year: int | None = None) -> JobsAccount: ...

    def checksum(self) -> str: ...
