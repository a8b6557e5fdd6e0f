"""Print diagnostics as text, GitHub Actions annotations, or JSON: the same facts in each."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.diagnostics import Diagnostic


def as_text(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diagnostics)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(diagnostics: Sequence[Diagnostic]) -> str:
    """Workflow commands that GitHub shows as annotations on the pull request's lines."""
    lines = []
    for d in diagnostics:
        loc = d.location
        props = [f"file={_escape_property(loc.path)}"]
        if loc.line:
            props += [f"line={loc.line}", f"col={loc.column or 1}"]
        props.append(f"title={_escape_property('kb check: ' + d.code)}")
        lines.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(d.text)}\n")
    return "".join(lines)


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    records = [
        {
            "path": d.location.path,
            "line": d.location.line,
            "column": d.location.column,
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "github": as_github, "json": as_json}
