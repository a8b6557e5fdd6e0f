"""Helpers for the team-lead workflow tests: write content into the base knowledge base, load it, make git repos."""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.config import load_project
from generator.content.knowledge import KnowledgeBase
from generator.content.pipeline import build_knowledge_base


@pytest.fixture
def write(kb_project: Path) -> Callable[[str, str], Path]:
    """write('standards/x/y.yaml', yaml_text): a content file (dedented) in the test project."""

    def write_file(relative: str, text: str) -> Path:
        path = kb_project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def load(kb_project: Path) -> Callable[[], KnowledgeBase]:
    """Load the test project; fails the test when the content has errors."""

    def load_kb() -> KnowledgeBase:
        kb, diagnostics = build_knowledge_base(load_project(kb_project / "mkdocs.yml"))
        assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
        return kb

    return load_kb


@pytest.fixture
def git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """git(*args, cwd=..., date=...): run git with a fixed identity, no user or system config."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))

    def run(*args: str, cwd: Path, date: str = "2026-11-01T10:00:00", author: str = "Ann Lead") -> str:
        env = {
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "lead@example.com", "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "lead@example.com", "GIT_COMMITTER_DATE": date,
        }
        import os

        done = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run

