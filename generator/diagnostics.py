"""Errors as values: every check appends a Diagnostic, nothing raises for bad content.

A Diagnostic points at a file, line and column and says what is wrong and how to
fix it. Reporters (text, GitHub annotations, JSON) print the same facts.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


class InternalError(Exception):
    """A bug in kb, not in the content: `where` names the file being read or the check running."""

    def __init__(self, where: str, cause: BaseException) -> None:
        super().__init__(f"{where}: {type(cause).__name__}: {cause}")
        self.where = where
        self.cause = cause


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; line and column are 1-based (0 when unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def text(self) -> str:
        """The message with its hint, as printed after `path:line:col: severity:`."""
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.text}"

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.message)


@dataclass
class Diagnostics:
    """An append-only collection of diagnostics with helpers for each severity."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, code: str, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(location, Severity.ERROR, code, message, hint))

    def warning(self, location: Location, code: str, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(location, Severity.WARNING, code, message, hint))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    def promoted(self) -> Diagnostics:
        """Warnings turned into errors (for --strict)."""
        return Diagnostics([
            Diagnostic(d.location, Severity.ERROR, d.code, d.message, d.hint) for d in self.items
        ])

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


def display_path(path: Path) -> str:
    """The path as a user should see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel.replace(os.sep, "/")


def suggest(wrong: str, valid: Iterable[str], listed: int = 8) -> str:
    """A hint naming the closest valid value, or listing the valid values."""
    choices = sorted(set(valid))
    if not choices:
        return ""
    close = difflib.get_close_matches(wrong, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    shown = ", ".join(choices[:listed])
    more = f", … ({len(choices) - listed} more)" if len(choices) > listed else ""
    return f"expected one of: {shown}{more}"
