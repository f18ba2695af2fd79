"""Errors a user can cause and fix. The command line prints them as one line, no traceback."""

from __future__ import annotations

import unicodedata

# Unicode categories never shown raw: controls (newline, ESC, NUL), format characters
# (bidi overrides, zero-width joiners), line and paragraph separators, surrogates,
# private use and unassigned code points.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn", "Co", "Cs"})
MAX_MESSAGE = 1000  # characters: the file, the place and the problem come first


def one_line(text: str) -> str:
    """`text` safe for a terminal or a dialog on one line: every unsafe character is shown
    as an escape, never acted on, so a file name or a value echoed from a file cannot forge
    a second `error:` line, recolour the terminal or reverse the text."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in _UNSAFE:
            code = ord(ch)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(ch)
    return "".join(out)


class CivicError(Exception):
    """Base for every error that is the input's fault, not the program's.

    Its text is always one safe line (see one_line), whatever the file fed into it."""

    def __str__(self) -> str:
        text = one_line(super().__str__())
        if len(text) > MAX_MESSAGE:  # a value echoed from a file can be megabytes long
            keep = MAX_MESSAGE // 2
            text = f"{text[:keep]} [... {len(text) - 2 * keep:,} characters ...] {text[-keep:]}"
        return text


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


class AmbiguousAreaError(CivicError):
    """A bare name that means several places with different councils; names the choices."""

    def __init__(self, query: str, choices: list[str]) -> None:
        self.query, self.choices = query, choices
        super().__init__(
            f"'{query}' could mean {', '.join(choices)}; say which, e.g. "
            f'--area "{choices[-1].split(" (")[0]}"'
        )


class ScenarioError(CivicError):
    """A scenario or project catalogue is invalid (unknown project id, negative cost...)."""


class SaveError(CivicError):
    """A saved game cannot be read. The file is kept, never overwritten."""
