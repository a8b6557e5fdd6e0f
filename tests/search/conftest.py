"""Fixtures for the search tests: a small four-language knowledge base, indexed once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from search_helpers import TODAY, copy_fixture


@dataclass
class Indexed:
    root: Path
    project: object
    kb: object
    index: Path


def index_project(root: Path) -> Indexed:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.indexer import build_index
    from generator.search.manifest import cache_index_dir

    project = load_project(root / "mkdocs.yml")
    kb, diagnostics = build_knowledge_base(project)
    assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
    build_index(kb, project, cache_index_dir(project))
    return Indexed(root, project, kb, cache_index_dir(project))


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Indexed]:
    """The fixture knowledge base (en, pl, el, ro) with its index in .kb/cache/search."""
    saved = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = TODAY
    try:
        yield index_project(copy_fixture(tmp_path_factory.mktemp("search") / "kb"))
    finally:
        if saved is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = saved


@pytest.fixture(scope="session")
def searcher(indexed: Indexed):  # type: ignore[no-untyped-def]
    from generator.search.searcher import Searcher

    opened = Searcher(indexed.index)
    yield opened
    opened.close()


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the fixture knowledge base as the working folder (no index yet)."""
    root = copy_fixture(tmp_path / "kb")
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return root


@pytest.fixture
def in_indexed(indexed: Indexed, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The session's indexed fixture as the working folder (do not change its content)."""
    monkeypatch.chdir(indexed.root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return indexed.root
