"""Relevance: queries as staff type them, in both modes, over the starter content (four languages,
relevance.yaml) and a Greek-default knowledge base (greek-default-kb: el, ro, en; relevance-greek-default.yaml).

Each case names the item that must be among the first three results on the site
in that language. Each suite prints the share that passes and requires at least
95 %, from `kb search` and from the browser's engine over the static index (in
Chromium), which must also rank the same first three.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parents[2]
HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "relevance.yaml").read_text(encoding="utf-8"))
SUITES = {  # name -> (the knowledge base's folder, its cases)
    "starter": (REPO, CASES),
    "greek-default": (HERE / "greek-default-kb",
                      yaml.safe_load((HERE / "relevance-greek-default.yaml").read_text(encoding="utf-8"))),
}
REQUIRED = 0.95


@pytest.fixture(scope="module", params=list(SUITES))
def suite(request, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """(name, searcher over the suite's knowledge base indexed in a temporary copy, its cases)."""
    source, cases = SUITES[request.param]
    searcher = _indexed(source, tmp_path_factory)
    yield request.param, searcher, cases
    searcher.close()


def _indexed(source: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.indexer import build_index
    from generator.search.searcher import Searcher

    root = tmp_path_factory.mktemp("starter") / "kb"
    root.mkdir()
    shutil.copy(source / "mkdocs.yml", root)
    for folder in ("standards", "onboarding"):
        shutil.copytree(source / folder, root / folder)
    saved = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = "2026-11-23"
    try:
        project = load_project(root / "mkdocs.yml")
        kb, diagnostics = build_knowledge_base(project)
        assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
        build_index(kb, project, root / "index")
    finally:
        os.environ.pop("KB_TODAY", None) if saved is None else os.environ.__setitem__("KB_TODAY", saved)
    return Searcher(root / "index")


def test_the_set_is_large_and_covers_every_language_and_kind_of_query() -> None:
    assert len(CASES) >= 60
    assert {lang for _, lang, _, _ in CASES} == {"en", "pl", "el", "ro"}
    kinds = {kind for *_, kinds in CASES for kind in kinds.split()}
    assert kinds == {"infl", "nodia", "typo", "multi", "word", "partial"}


def test_partial_queries_have_no_page_with_every_word(suite) -> None:  # type: ignore[no-untyped-def]
    """The pages found for them match some of the words: the first matches the most (its score's whole part)."""
    from generator.search.analysis import is_stopword
    from generator.search.query import parse
    from generator.search.searcher import Filters

    _, searcher, cases = suite
    for query, lang, _, kinds in cases:
        if "partial" in kinds:
            hits = searcher.search(query, Filters(lang=lang), limit=3).hits
            words = [w for w in parse(query).words if not is_stopword(w, lang) and not is_stopword(w, "en")]
            assert int(hits[0].score) < len(words), (query, hits[0].id, hits[0].score)
            assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def python_top3(searcher, cases: list) -> list[list[str]]:  # type: ignore[no-untyped-def,type-arg]
    from generator.search.searcher import Filters

    return [[hit.id for hit in searcher.search(query, Filters(lang=lang), limit=3).hits] for query, lang, _, _ in cases]


def check(mode: str, cases: list, tops: list[list[str]]) -> None:  # type: ignore[type-arg]
    failures = [f"  {lang} {query!r} ({kinds}): expected {expected}, got {top}"
                for (query, lang, expected, kinds), top in zip(cases, tops, strict=True) if expected not in top]
    passed = 1 - len(failures) / len(cases)
    print(f"\nsearch relevance ({mode}): {len(cases) - len(failures)}/{len(cases)} queries = {passed:.1%} "
          f"have the expected item in the top 3 (required {REQUIRED:.0%})")
    print("\n".join(failures))
    assert passed >= REQUIRED, "\n".join(failures)


def test_relevance(suite) -> None:  # type: ignore[no-untyped-def]
    name, searcher, cases = suite
    check(f"{name}, kb search", cases, python_top3(searcher, cases))


@pytest.mark.browser
def test_relevance_in_the_browser_on_the_static_index(suite) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright
    from search_helpers import CHROMIUM, CHROMIUM_ARGS, RUN_ENGINE, engine_page, static_server

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    name, searcher, cases = suite
    folder = searcher.folder / "static"
    with static_server(folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            queries = [[query, lang] for query, lang, _, _ in cases]
            answers = engine_page(browser, folder, url).evaluate(RUN_ENGINE, [queries, 3])
        finally:
            browser.close()
    tops = [[found for found, _ in answer] for answer in answers]
    check(f"{name}, browser, static index", cases, tops)
    assert tops == python_top3(searcher, cases)  # the same ranking in both modes
