"""13.2: hostile Markdown (tests/hardening/hostile-kb, one case per file, again as standard steps and
checklist items) built into a site with the raw-html check switched off, as if an editor had skipped or
outwitted it: no `on*` attribute, no `javascript:`/`data:`/`vbscript:` URL, no script, style, frame or
form action in any page; in Chromium no dialog opens. Under `kb serve` the Content-Security-Policy lets
the theme's scripts run and refuses a script injected into a page."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from served import served_in_thread

HOSTILE_KB = Path(__file__).parent / "hostile-kb"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "poster", "background", "xlink:href"}
FORBIDDEN_IN_ARTICLE = {"script", "iframe", "object", "embed", "style", "meta", "base", "svg", "math", "link"}
BAD_URL = re.compile(r"\s*(javascript|data|vbscript):", re.I)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile knowledge base built with the raw-html check disabled (every case reaches MkDocs)."""
    from generator.build import build
    from generator.config import load_project
    from generator.content.checks import texts

    root = tmp_path_factory.mktemp("hostile") / "kb"
    shutil.copytree(HOSTILE_KB, root)
    before, pattern = os.getcwd(), texts.HTML_TAG
    os.chdir(root)
    texts.HTML_TAG = re.compile(r"(?!)")
    try:
        result = build(load_project(root / "mkdocs.yml"), pdf=False, jobs=1)
    finally:
        texts.HTML_TAG = pattern
        os.chdir(before)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return root / "site"


class Findings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_article = False
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and BAD_URL.match(value):
                self.found.append(f"<{tag} {name}={value}>")
        if self.in_article and tag in FORBIDDEN_IN_ARTICLE:
            self.found.append(f"<{tag}> in the article")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False


def hostile_pages(site: Path) -> list[str]:
    pages = [f"principles/{path.stem}/" for path in sorted((HOSTILE_KB / "standards/principles").glob("*.yaml"))]
    return [*pages, "standards/every-case-as-a-step/", "checklists/every-case-as-an-item/", "roles/lead/"]


def test_no_page_holds_an_event_handler_a_script_url_or_a_script(hostile_site: Path) -> None:
    assert len(hostile_pages(hostile_site)) == 53
    for page in sorted(hostile_site.rglob("*.html")):
        findings = Findings()
        findings.feed(page.read_text("utf-8"))
        assert findings.found == [], page.relative_to(hostile_site)


def test_safe_markdown_survives_the_sanitiser(hostile_site: Path) -> None:
    page = (hostile_site / "principles/safe-links-stay/index.html").read_text("utf-8")
    assert ('<a href="https://example.com">site</a>, <a href="mailto:team@example.com">mail</a>, '
            '<a href="tel:+48123">call</a>, <a href="../speed/">page</a>') in page
    table = (hostile_site / "principles/table-cells/index.html").read_text("utf-8")
    assert "<td>&lt;img src=x onerror=alert('table-cells')&gt;</td>" in table
    steps = (hostile_site / "standards/every-case-as-a-step/index.html").read_text("utf-8")
    assert 'class="task-list-item"' in steps or "<ol>" in steps


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def static_url(hostile_site: Path) -> Iterator[str]:
    """Plain static hosting (no Content-Security-Policy): what holds is the sanitiser alone."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


ARTICLE_PROBE = """() => {
  const article = document.querySelector('article');
  const handlers = [...article.querySelectorAll('*')].flatMap(
    el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name));
  const links = [...article.querySelectorAll('a[href], img[src], iframe, form, object, embed')]
    .map(el => el.getAttribute('href') || el.getAttribute('src') || el.tagName)
    .filter(url => /^\\s*(javascript|data:text|vbscript)/i.test(url) || /^(IFRAME|FORM|OBJECT|EMBED)$/.test(url));
  return {handlers, links, title: document.querySelector('h1') && document.querySelector('h1').textContent};
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_pages_open_in_chromium_without_a_dialog(browser, static_url: str, hostile_site: Path) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in hostile_pages(hostile_site):
            page.goto(static_url + path)
            page.wait_for_load_state("load")
            probe = page.evaluate(ARTICLE_PROBE)
            assert (probe["handlers"], probe["links"]) == ([], []), path
            assert probe["title"], path
        assert dialogs == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def served_url(hostile_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site under kb serve's app and waitress, plus one page with a script injected into its article."""
    from generator.search.server import SiteApp

    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(hostile_site, site)
    page = (site / "principles/safe-links-stay/index.html").read_text("utf-8")
    injected = page.replace('<div id="kb-page"', '<script>window.kbInjected = 1</script>'
                            '<img src="x" onerror="window.kbInjected = 2"><div id="kb-page"', 1)
    (site / "injected").mkdir()
    (site / "injected/index.html").write_text(injected, "utf-8")
    with served_in_thread(SiteApp(site, ["en"])) as url:
        yield url


VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => (window.kbViolations ||= []).push(" \
             "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')))"


@pytest.mark.browser
@pytest.mark.slow
def test_the_site_works_under_kb_serves_policy_and_an_injected_script_does_not_run(
        browser, served_url: str) -> None:
    import urllib.request

    with urllib.request.urlopen(served_url) as response:
        policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    try:
        for path in ("", "principles/safe-links-stay/", "find/",
                     "standards/every-case-as-a-step/", "checklists/every-case-as-an-item/"):
            page.goto(served_url + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(300)
            state = page.evaluate("() => ({js: document.documentElement.classList.contains('js'), "
                                  "scope: typeof __md_scope, violations: window.kbViolations || []})")
            assert state == {"js": True, "scope": "object", "violations": []}, path
        page.goto(served_url)  # the header search, answered by the search API
        page.click("input.md-search__input")
        page.type("input.md-search__input", "tilde", delay=20)
        page.locator(".kb-search-results .md-search-result__item").first.wait_for(timeout=15000)
        page.goto(served_url + "injected/")
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        state = page.evaluate("() => ({injected: window.kbInjected || 0, violations: window.kbViolations || []})")
        assert state["injected"] == 0
        assert [v.split()[0] for v in state["violations"]] == ["script-src-elem", "script-src-attr"]
    finally:
        context.close()
