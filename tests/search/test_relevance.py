"""Relevance over the starter content: queries as staff type them, in four languages.

Each case in relevance.yaml names the item that must be among the first three
results on the site in that language. The suite prints the share that passes
and requires at least 95 %.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parents[2]
CASES = yaml.safe_load((Path(__file__).parent / "relevance.yaml").read_text(encoding="utf-8"))
REQUIRED = 0.95


@pytest.fixture(scope="module")
def starter_searcher(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The repository's own starter content, indexed in a temporary copy."""
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.index import build_index
    from generator.search.searcher import Searcher

    root = tmp_path_factory.mktemp("starter") / "kb"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    for folder in ("standards", "onboarding"):
        shutil.copytree(REPO / folder, root / folder)
    saved = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = "2026-11-23"
    try:
        project = load_project(root / "mkdocs.yml")
        kb, diagnostics = build_knowledge_base(project)
        assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
        build_index(kb, project, root / "index")
    finally:
        os.environ.pop("KB_TODAY", None) if saved is None else os.environ.__setitem__("KB_TODAY", saved)
    searcher = Searcher(root / "index")
    yield searcher
    searcher.close()


def test_the_set_is_large_and_covers_every_language_and_kind_of_query() -> None:
    assert len(CASES) >= 60
    assert {lang for _, lang, _, _ in CASES} == {"en", "pl", "el", "ro"}
    kinds = {kind for *_, kinds in CASES for kind in kinds.split()}
    assert kinds == {"infl", "nodia", "typo", "multi", "word"}


def test_relevance(starter_searcher) -> None:  # type: ignore[no-untyped-def]
    from generator.search.searcher import Filters

    failures = []
    for query, lang, expected, kinds in CASES:
        top = [hit.id for hit in starter_searcher.search(query, Filters(lang=lang), limit=3).hits]
        if expected not in top:
            failures.append(f"  {lang} {query!r} ({kinds}): expected {expected}, got {top}")
    passed = 1 - len(failures) / len(CASES)
    print(f"\nsearch relevance: {len(CASES) - len(failures)}/{len(CASES)} queries = {passed:.1%} "
          f"have the expected item in the top 3 (required {REQUIRED:.0%})")
    print("\n".join(failures))
    assert passed >= REQUIRED, "\n".join(failures)
