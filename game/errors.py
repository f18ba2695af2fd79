"""Errors a user can cause and fix. The command line prints them as one line, no traceback."""

from __future__ import annotations


class CivicError(Exception):
    """Base for every error that is the input's fault, not the program's."""


class DataError(CivicError):
    """A data file is missing or malformed. Names the file, and the row/column where known."""

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.file, self.problem, self.row, self.column, self.hint = file, problem, row, column, hint
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        msg = f"{where}: {problem}"
        if hint:
            msg += f" (hint: {hint})"
        super().__init__(msg)


class UnknownAreaError(CivicError):
    """An area name or code that matches nothing; carries the closest matches."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query, self.suggestions = query, suggestions
        msg = f"unknown area '{query}'"
        if suggestions:
            msg += "; did you mean: " + ", ".join(suggestions) + "?"
        super().__init__(msg)


class ScenarioError(CivicError):
    """A scenario or project catalogue is invalid (unknown project id, negative cost...)."""


class SaveError(CivicError):
    """A saved game cannot be read. The file is kept, never overwritten."""
