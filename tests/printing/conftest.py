"""Fixtures for the printing tests. PDFs are slow to make, so the printed fixture knowledge base is
session-scoped and shared by the tests that only read it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from print_helpers import TODAY, load, make_project


@dataclass
class Built:
    root: Path
    site: Path
    cache: Path
    report: object


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture knowledge base printed into a site folder once for the whole session."""
    from generator.printing.jobs import write_pdfs

    mp = pytest.MonkeyPatch()
    mp.setenv("KB_TODAY", TODAY)
    base = tmp_path_factory.mktemp("printed")
    root = make_project(base / "kb")
    kb, project = load(root)
    report = write_pdfs(kb, project, base / "site", root / ".kb" / "cache")
    mp.undo()
    return Built(root, base / "site", root / ".kb" / "cache", report)


@pytest.fixture
def project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh fixture knowledge base as the working folder."""
    root = make_project(tmp_path / "kb")
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return root
