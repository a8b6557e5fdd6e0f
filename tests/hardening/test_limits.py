"""13.5: content that would make a build slow down more than linearly or overflow the stack is refused by
`kb check` at its line, with the limit (the timings are in bench/hostile.py, not here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def principle(kb_project: Path, description: str) -> None:
    (kb_project / "standards/principles/odd.yaml").write_text(
        f"kind: principle\nid: odd\ntitle: Odd\nsummary: Short.\ndescription: {json.dumps(description)}\n")


@pytest.mark.parametrize(("description", "message"), [
    ("a" * 500_000, "a word is longer than 200 letters in `description` (break it up; the search index and pages "
                    "cannot use it)"),
    ("[a](" * 12_000, "text holds more than 200 '[' in `description` (split the text, or write fewer links)"),
    ("\n".join("  " * level + "- x" for level in range(250)),
     "a line is indented more than 40 spaces in `description` (nest lists at most about ten levels deep)"),
    ("> " * 250 + "x", "quotes are nested more than 10 levels deep in `description` (use fewer `>` at the start "
                       "of a line)"),
])
def test_pathological_texts_are_refused_at_their_line(kb_project: Path, run_kb, description: str,
                                                     message: str) -> None:
    principle(kb_project, description)
    result = run_kb("check", "--quiet")
    assert result.exit_code == 1
    assert result.stdout == f"standards/principles/odd.yaml:5:14: error: {message}\n"


def test_ordinary_texts_within_the_limits_pass(kb_project: Path, run_kb) -> None:
    words = " ".join(["Donaudampfschifffahrtsgesellschaftskapitän"] * 50)
    links = " ".join(f"[link {n}](https://example.com/{n})" for n in range(150))
    nested = "\n".join("  " * level + "- x" for level in range(10))
    principle(kb_project, f"{words}\n\n{links}\n\n{nested}\n\n> > quoted")
    result = run_kb("check", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")
