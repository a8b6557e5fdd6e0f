"""In Chromium, on the fixture site built by `kb build --no-pdf`: the header search and the "Find a procedure"
page answered by `kb serve`'s API, and the same on plain static hosting (Python's static file server, no
API), answered by the static index in the browser with the same first results as `kb search`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from search_helpers import CHROMIUM, CHROMIUM_ARGS, TODAY, copy_fixture, static_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    assert (root / "site/_kb/search/static/pl/meta.json").is_file()
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
    with static_server(built_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def python_searcher(built_site: Path):  # type: ignore[no-untyped-def]
    """What `kb search` opens: the built site's index."""
    from generator.search.searcher import Searcher

    opened = Searcher(built_site / "site/_kb/search")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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


def header_results(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The pages the header search lists once it has answered `query`, as paths."""
    wait_for(page, f"document.querySelector('.kb-search-results ol')?.dataset.kbQuery === {json.dumps(query)}")
    hrefs = page.locator(".kb-search-results .md-search-result__item a").evaluate_all(
        "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def test_header_search_answers_from_the_api_in_the_pages_language(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "pl/")
    wait_for(page, "document.documentElement.classList.contains('kb-search-api')")
    type_in_header_search(page, "obslugi")  # inflected, without diacritics: the page says "Obsługa"
    header_results(page, "obslugi")  # the answer to the whole word, not to letters typed before it
    first = page.locator(".kb-search-results .md-search-result__item").first
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
    header_results(page, "courier")
    page.keyboard.press("Enter")
    page.wait_for_url("**/standards/delay-notice/")


def test_header_search_in_greek_without_accents(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "el/")
    wait_for(page, "document.documentElement.classList.contains('kb-search-api')")
    type_in_header_search(page, "παραπονα")
    assert header_results(page, "παραπονα")[0] == "/el/standards/complaint-first-contact/"


# (language, query, the expected first result): what staff type, on static hosting.
STATIC_CASES = [
    ("pl", "obslugi", "answer-within-three-rings"),  # inflected, no diacritics ("Obsługa")
    ("el", "παραπονα", "complaint-first-contact"),  # no accents ("παράπονα")
    ("ro", "reclamaţiile obişnuite", "complaint-first-contact"),  # cedilla ţ ş; the text has ț ș (comma below)
    ("en", "cuorier", "delay-notice"),  # a typo ("courier")
    ("en", '"first contact"', "complaint-first-contact"),  # a phrase
    ("en", "complaint -contact", "decide-at-first-contact"),  # an exclusion
]


@pytest.mark.parametrize(("lang", "query", "expected"), STATIC_CASES, ids=[case[1] for case in STATIC_CASES])
def test_static_hosting_answers_like_kb_search(page, static: str, python_searcher, lang: str, query: str,  # type: ignore[no-untyped-def]
                                               expected: str) -> None:
    from generator.search.searcher import Filters

    page.goto(static + ("" if lang == "en" else f"{lang}/"))
    wait_for(page, "document.documentElement.classList.contains('kb-search-static')")
    type_in_header_search(page, query)
    found = header_results(page, query)
    prefix = "/" if lang == "en" else f"/{lang}/"
    assert found[0].startswith(prefix) and found[0].rstrip("/").endswith("/" + expected)
    assert page.locator(".kb-search-results .md-search-result__item").first.locator("mark").count() > 0
    python_first = python_searcher.search(query, Filters(lang=lang), limit=1).hits[0]
    assert python_first.id == expected and python_first.url == found[0]  # `kb search` ranks it first too
    if query.startswith("complaint -"):
        assert not any("complaint-first-contact" in path for path in found)


def test_static_hosting_never_finds_retired_items_and_drops_materials_index(page, static: str,  # type: ignore[no-untyped-def]
                                                                            built_site: Path) -> None:
    page.goto(static)
    wait_for(page, "document.documentElement.classList.contains('kb-search-static')")
    type_in_header_search(page, "zeppelin")  # the title of a retired standard
    assert header_results(page, "zeppelin") == []
    assert page.locator(".kb-search-meta").inner_text() == "No matching documents"
    assert '"docs":[]' in (built_site / "site/search/search_index.json").read_text(encoding="utf-8")


def visible_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".kb-find__results li:not([hidden])").evaluate_all(
        "items => items.map(li => li.dataset.id)")


@pytest.mark.parametrize("where", ["served", "static"])
def test_find_page_filters(page, request, where: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(request.getfixturevalue(where) + "pl/find/?channel=phone")
    wait_for(page, "document.querySelector('.kb-find__status').textContent !== ''")
    assert visible_ids(page) == ["answer-within-three-rings", "complaint-first-contact"]
    page.select_option("select[name=channel]", "")
    page.select_option("select[name=role]", "warehouse")
    wait_for(page, "document.querySelectorAll('.kb-find__results li:not([hidden])').length === 2")
    assert visible_ids(page) == ["answer-within-three-rings", "delay-notice"]
    assert page.evaluate("location.search") == "?role=warehouse"  # the address keeps the filters
    page.go_back()  # before the role was chosen
    wait_for(page, "document.querySelector('select[name=role]').value === ''")
    assert page.evaluate("location.search") == ""
    page.go_back()  # before the channel was cleared
    wait_for(page, "document.querySelector('select[name=channel]').value === 'phone'")
    assert page.evaluate("location.search") == "?channel=phone"
    assert visible_ids(page) == ["answer-within-three-rings", "complaint-first-contact"]


def test_find_page_from_the_address_on_static_hosting(page, static: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(static + "pl/find/?q=reklamacjami&role=agent")
    wait_for(page, "document.querySelector('.kb-find__results').dataset.kbQuery === 'reklamacjami'")
    assert page.input_value("input[name=q]") == "reklamacjami" and page.input_value("select[name=role]") == "agent"
    assert not page.is_checked("#__search")  # Material's own reading of ?q= stands aside on this page
    assert page.evaluate("location.search") == "?q=reklamacjami&role=agent"
    assert visible_ids(page)[0] == "complaint-first-contact"
    first = page.locator(".kb-find__results li:not([hidden])").first
    assert first.locator(".kb-find__snippet mark").first.inner_text() == "reklamacja"
    assert first.locator(".kb-chip").all_inner_texts() == ["Telefon", "E-mail", "Lider zespołu", "Konsultant"]
    # the summary is the snippet's sentence here: it is shown once, as the highlighted snippet
    assert first.locator(".kb-find__summary").is_hidden()
    assert "Typowa reklamacja jest załatwiona" in first.locator(".kb-find__snippet").inner_text()
