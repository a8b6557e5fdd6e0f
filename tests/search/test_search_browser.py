"""In Chromium: the header search answered by `kb serve`, Material's own search on static hosting,
and the "Find a procedure" page's filters with and without the API."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from search_helpers import TODAY, copy_fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]


def wait_for(page, expression: str, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Poll `expression` until it is true. Not `page.wait_for_function`: that evaluates its predicate with
    `eval`, which the Content-Security-Policy of `kb serve` forbids (as it should)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout}s: {expression}"
        page.wait_for_timeout(50)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base built with `kb build --no-pdf` (the site, with its search index)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    root = copy_fixture(tmp_path_factory.mktemp("browser") / "kb")
    env = dict(os.environ, KB_TODAY=TODAY)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--no-pdf"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (root / "site/_kb/search/fingerprint.json").is_file()
    write_find_page(root, "pl")
    return root


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    """`kb serve` on a free port; yields its address."""
    env = dict(os.environ, KB_TODAY=TODAY, PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"], cwd=built_site,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = process.stdout.readline().strip()  # type: ignore[union-attr]
    assert url.startswith("http://127.0.0.1:"), process.stderr.read()  # type: ignore[union-attr]
    yield url
    process.terminate()
    process.communicate(timeout=10)


@pytest.fixture(scope="module")
def static(built_site: Path) -> Iterator[str]:
    """The same site on plain static hosting (no API)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site / "site"))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def type_in_header_search(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.click("input.md-search__input")
    page.type("input.md-search__input", text, delay=20)


def test_header_search_answers_from_the_api_in_the_pages_language(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "pl/")
    wait_for(page, "document.documentElement.classList.contains('kb-search-api')")
    type_in_header_search(page, "obslugi")  # inflected, without diacritics: the page says "Obsługa"
    first = page.locator(".kb-search-results .md-search-result__item").first
    first.wait_for()
    assert first.locator("h1").inner_text() == "Odbieraj telefon w ciągu trzech sygnałów"
    assert first.locator("a").get_attribute("href") == "/pl/standards/answer-within-three-rings/"
    assert first.locator("mark").first.inner_text() == "Obsługa"
    assert page.locator(".kb-search-meta").inner_text() == "Wyniki wyszukiwania: 2"
    first.locator("a").click()
    page.wait_for_url("**/pl/standards/answer-within-three-rings/")


def test_enter_opens_the_first_result(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served)
    wait_for(page, "document.documentElement.classList.contains('kb-search-api')")
    type_in_header_search(page, "courier")
    page.locator(".kb-search-results .md-search-result__item").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/standards/delay-notice/")


def test_header_search_in_greek_without_accents(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "el/")
    wait_for(page, "document.documentElement.classList.contains('kb-search-api')")
    type_in_header_search(page, "παραπονα")
    page.locator(".kb-search-results .md-search-result__item").first.wait_for()
    hrefs = page.locator(".kb-search-results a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs[0] == "/el/standards/complaint-first-contact/"


def test_static_hosting_falls_back_to_materials_search(page, static: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(static + "pl/")
    type_in_header_search(page, "telefon")
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert page.locator(".kb-search-results").count() == 0
    assert not page.evaluate("document.documentElement.classList.contains('kb-search-api')")


def write_find_page(root: Path, lang: str) -> None:
    """A bare page holding the find page's HTML and script at /findtest/ (until the site renders it itself)."""
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.findpage import find_page_body

    os.environ.setdefault("KB_TODAY", TODAY)
    kb, _ = build_knowledge_base(load_project(root / "mkdocs.yml"))
    body = find_page_body(kb, lang)
    html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
            f'{body[body.index("<div"):]}<script src="/assets/kb/kb-find.js"></script></body></html>')
    (root / "site/findtest").mkdir()
    (root / "site/findtest/index.html").write_text(html, encoding="utf-8")
    assert (root / "site/assets/kb/kb-find.js").is_file()


def visible_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".kb-find__results li:not([hidden])").evaluate_all(
        "items => items.map(li => li.dataset.id)")


@pytest.mark.parametrize("where", ["served", "static"])
def test_find_page_filters(page, request, where: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(request.getfixturevalue(where) + "findtest/?channel=phone")
    wait_for(page, "document.querySelector('.kb-find__status').textContent !== ''")
    assert visible_ids(page) == ["answer-within-three-rings", "complaint-first-contact"]
    page.select_option("select[name=channel]", "")
    page.select_option("select[name=role]", "warehouse")
    wait_for(page, "document.querySelectorAll('.kb-find__results li:not([hidden])').length === 2")
    assert visible_ids(page) == ["answer-within-three-rings", "delay-notice"]
    page.select_option("select[name=role]", "")
    page.fill("input[name=q]", "reklamacje")  # the title's own form works without the API too
    wait_for(page, "document.querySelectorAll('.kb-find__results li:not([hidden])').length < 3")
    expected = ["complaint-first-contact"] + (["team-lead-first-week"] if where == "served" else [])
    assert visible_ids(page) == expected  # the API also reads the path's steps


def test_find_page_uses_the_api_for_inflected_words(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "findtest/")
    wait_for(page, "document.querySelector('.kb-find__status').textContent !== ''")
    page.fill("input[name=q]", "reklamacjami")
    page.wait_for_selector(".kb-find__snippet mark")
    assert visible_ids(page)[0] == "complaint-first-contact"
