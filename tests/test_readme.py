"""The README opens with the two set-up commands, and CI runs the second one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_opens_with_run_and_test_commands():
    run, test = _commands()[:2]
    assert run.endswith("kb build && .venv/bin/kb serve")
    assert "pip install -e ." in run
    assert test.endswith(".venv/bin/pytest")
    assert "chromium" in test


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = _commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines

