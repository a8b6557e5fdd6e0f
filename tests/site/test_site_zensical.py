"""The second engine: the starter content built with Zensical works as the MkDocs build does in a browser:
pages, ticks, the language switch, kb's search in the header dialog and the Find page (static index on a
plain host, the API under kb serve), the sitemap, and kb serve's Content-Security-Policy."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_folder
from served import served_in_thread

import generator.scaffold

TODAY = "2026-11-23"

pytestmark = [pytest.mark.browser, pytest.mark.slow]
STARTER = Path(generator.scaffold.__file__).parent / "sample"  # what `kb init` writes
STANDARD = "standards/complaint-first-contact/"
TITLE = "Close typical complaints at the first contact"
TITLE_PL = "Zamykaj typowe reklamacje przy pierwszym kontakcie"
SITE_URL = "https://standards.example.com/"


def build_starter(root: Path, engine: str) -> list[str]:
    """The starter content (with a site_url, so that the sitemap lists pages) built into root/site."""
    from generator.build import build
    from generator.config import load_project

    shutil.copytree(STARTER, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("# site_url:", "site_url:", 1), "utf-8")
    before = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = TODAY
    messages: list[str] = []
    try:
        result = build(load_project(config), pdf=False, jobs=1, engine=engine, progress=messages.append)
    finally:
        if before is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = before
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return messages


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("zensical") / "kb"
    messages = build_starter(root, "zensical")
    assert "en: built with Zensical" in messages and "pl: built with Zensical" in messages
    kept = root / ".kb" / "cache" / "zensical" / "en"  # the project stays put, so Zensical's cache is reused
    assert (kept / "docs" / "standards" / "complaint-first-contact.md").is_file() and (kept / ".cache").is_dir()
    assert (kept / "docs" / ".meta.yml").read_text("utf-8") == "search:\n  exclude: true\n"  # kb's index only
    return root / "site"


@pytest.fixture(scope="module")
def base_url(zensical_site: Path) -> Iterator[str]:
    with serve_folder(zensical_site) as url:
        yield url


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def test_a_standard_page_has_its_content_and_our_styles(page, base_url: str) -> None:
    page.goto(base_url + STANDARD)
    assert page.locator("h1").inner_text().rstrip("¶ ") == TITLE
    assert page.locator(".kb-chips .kb-chip").first.inner_text() == "Complaints and returns"
    sheets = page.evaluate("[...document.styleSheets].filter(s => (s.href || '').startsWith(location.origin))"
                           ".map(s => [s.href.split('/').slice(-2).join('/'), s.cssRules.length > 0])")
    assert ["kb/kb.css", True] in sheets
    assert any(name.startswith("classic/main.") for name, _ in sheets)  # Material's look, not Zensical's own
    assert page.locator(".kb-chip").first.evaluate("e => getComputedStyle(e).borderRadius") != "0px"


def test_path_ticks_survive_a_reload(page, base_url: str) -> None:
    page.goto(base_url + "paths/team-lead-first-week/")
    overall = page.locator("[data-kb-progress='all']")
    assert overall.inner_text() == "0 of 2 done"
    page.locator("li.task-list-item label.task-list-control").first.dispatch_event("click")
    page.reload()
    assert overall.inner_text() == "1 of 2 done"
    assert page.locator("li.task-list-item input").first.is_checked()


def test_the_language_switch_stays_on_the_page(page, base_url: str) -> None:
    page.goto(base_url + STANDARD)
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='pl']").click()
    page.wait_for_url(base_url + "pl/" + STANDARD)
    assert page.locator("html").get_attribute("lang") == "pl"


def test_search_assets_and_zensicals_index_left_empty(zensical_site: Path) -> None:
    for root in (zensical_site, zensical_site / "pl"):
        index = json.loads((root / "search.json").read_text("utf-8"))
        assert index["items"] == [] and index["config"]["lang"]  # readers search kb's index, as under MkDocs
        for name in ("kb-search.js", "kb-search-dialog.js", "kb-search.css"):
            assert (root / "assets" / "kb" / name).is_file()
        assert "assets/kb/kb-search-dialog.js" in (root / "standards/complaint-first-contact/index.html").read_text()
    assert (zensical_site / "_kb" / "search" / "fingerprint.json").is_file()  # kb's own index, for `kb serve`
    assert (zensical_site / "_kb" / "search" / "static" / "pl" / "meta.json").is_file()  # and for the browser


OPEN_DIALOGS = ("() => ({ours: !!document.querySelector('.kb-search-dialog[open]'), "
                "zensicals: [...document.querySelectorAll('*')].some(e => e.shadowRoot && "
                "e.shadowRoot.querySelector('dialog[open]'))})")


def test_the_header_search_finds_an_inflected_polish_query_with_kbs_static_index(page, base_url: str) -> None:
    page.goto(base_url + "pl/")
    page.wait_for_load_state("networkidle")
    page.locator("button.md-search__button").click()
    assert page.evaluate(OPEN_DIALOGS) == {"ours": True, "zensicals": False}
    page.keyboard.type("typowymi reklamacjami", delay=20)
    first = page.locator(".kb-search-dialog .md-search-result__item").first
    first.wait_for()
    assert first.locator("h1").inner_text() == TITLE_PL
    assert first.locator("mark").all_inner_texts() == ["Typowa", "reklamacja"]  # stems, not the letters typed
    assert "kb-search-static" in page.evaluate("document.documentElement.className")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(base_url + "pl/" + STANDARD)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_search_dialog_with_results_has_no_serious_accessibility_finding(page, base_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(base_url + "pl/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.locator("button.md-search__button").click()
    page.keyboard.type("reklamacjami", delay=20)
    page.locator(".kb-search-dialog .md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")  # the first result focused: its colours too
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    found = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in found
            if v["impact"] in ("serious", "critical")] == []


@pytest.mark.parametrize("opening", ["Control+k", "/", "toggle"])
def test_every_way_of_opening_the_search_opens_kbs_dialog(browser, base_url: str, opening: str) -> None:
    wide = opening != "toggle"  # on a phone the header has an icon toggling #__search
    context = browser.new_context(viewport={"width": 1400 if wide else 420, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(base_url + STANDARD)
        tab.wait_for_load_state("networkidle")
        if wide:
            tab.keyboard.press(opening)
        else:
            tab.locator("label.md-header__button[for=__search]").click()
        tab.locator(".kb-search-dialog[open]").wait_for()
        assert tab.evaluate(OPEN_DIALOGS) == {"ours": True, "zensicals": False}
        tab.keyboard.type("complaint", delay=20)  # answered: the index's files are loaded before the tab closes
        tab.locator(".kb-search-dialog ol[data-kb-query='complaint']").wait_for(state="attached")
        tab.keyboard.press("Escape")
        assert tab.evaluate(OPEN_DIALOGS) == {"ours": False, "zensicals": False}
    finally:
        context.close()


def test_the_find_page_answers_from_kbs_static_index(page, base_url: str) -> None:
    page.goto(base_url + "pl/find/?q=reklamacjami")
    page.locator(".kb-find__results[data-kb-query='reklamacjami']").wait_for(state="attached")
    first = page.locator(".kb-find__results li:not([hidden])").first
    assert first.get_attribute("data-id") == "complaint-first-contact"
    assert first.locator(".kb-find__snippet mark").first.inner_text() == "reklamacja"
    assert page.evaluate(OPEN_DIALOGS) == {"ours": False, "zensicals": False}


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mkdocs") / "kb"
    build_starter(root, "mkdocs")
    return root / "site"


def test_the_sitemaps_list_the_same_urls_as_mkdocs_ones(zensical_site: Path, mkdocs_site: Path) -> None:
    for prefix in ("", "pl/"):
        zensical, mkdocs = (site / prefix / "sitemap.xml" for site in (zensical_site, mkdocs_site))
        urls = re.findall(r"<loc>([^<]*)</loc>", zensical.read_text("utf-8"))
        assert sorted(urls) == sorted(re.findall(r"<loc>([^<]*)</loc>", mkdocs.read_text("utf-8")))
        assert SITE_URL + prefix + STANDARD in urls and len(urls) == len(set(urls)) > 20
        assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", zensical.read_text("utf-8"))) == \
            set(re.findall(r"<lastmod>([^<]*)</lastmod>", mkdocs.read_text("utf-8")))
        assert gzip.decompress(zensical.with_suffix(".xml.gz").read_bytes()) == zensical.read_bytes()


@pytest.fixture(scope="module")
def served_url(zensical_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Zensical site under kb serve's app and waitress, plus a copy of the standard page with a script
    injected into its article."""
    from generator.search.server import SiteApp

    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(zensical_site, site)
    page = (site / STANDARD / "index.html").read_text("utf-8")
    injected = page.replace('<div id="kb-page"', '<script>window.kbInjected = 1</script>'
                            '<img src="x" onerror="window.kbInjected = 2"><div id="kb-page"', 1)
    assert injected != page
    (site / "injected").mkdir()
    (site / "injected/index.html").write_text(injected, "utf-8")
    with served_in_thread(SiteApp(site, ["en", "pl"])) as url:
        yield url


VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => (window.kbViolations ||= []).push(" \
             "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')))"
PAGE_STATE = "() => ({js: document.documentElement.classList.contains('js'), scope: typeof __md_scope, " \
             "kb: document.documentElement.classList.contains('kb-js'), violations: window.kbViolations || []})"


def test_under_kb_serves_policy_the_theme_runs_kbs_search_answers_and_an_injected_script_does_not(
        browser, served_url: str, zensical_site: Path) -> None:
    import urllib.request

    noted = json.loads((zensical_site / "_kb" / "csp.json").read_text("utf-8"))["hashes"]
    with urllib.request.urlopen(served_url) as response:
        policy = response.headers["Content-Security-Policy"]
    assert noted and all(digest in policy for digest in noted)
    assert "'unsafe-inline'" not in policy.split("style-src")[0]
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(VIOLATIONS)
    tab = context.new_page()
    tab.set_default_timeout(15000)
    try:
        for path in ("", STANDARD, "paths/team-lead-first-week/", "pl/" + STANDARD, "find/"):
            tab.goto(served_url + path)
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate(PAGE_STATE) == {"js": True, "scope": "object", "kb": True, "violations": []}, path
        tab.goto(served_url + "paths/team-lead-first-week/")
        assert tab.locator("[data-kb-progress='all']").inner_text() == "0 of 2 done"  # kb.js ran
        tab.locator("button.md-search__button").click()  # the header search, answered by the search API
        tab.keyboard.type("typical", delay=20)
        first = tab.locator(".kb-search-dialog .md-search-result__item").first
        first.wait_for()
        assert first.locator("h1").inner_text() == TITLE
        assert "kb-search-api" in tab.evaluate("document.documentElement.className")
        assert tab.evaluate("window.kbViolations || []") == []
        tab.goto(served_url + "injected/")
        tab.wait_for_load_state("networkidle")
        state = tab.evaluate("() => ({injected: window.kbInjected || 0, violations: window.kbViolations || []})")
        assert state["injected"] == 0
        assert [v.split()[0] for v in state["violations"]] == ["script-src-elem", "script-src-attr"]
    finally:
        context.close()
