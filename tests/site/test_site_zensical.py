"""The second engine: the starter content built with Zensical works as the MkDocs build does in a browser."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_folder

import generator.scaffold

TODAY = "2026-11-23"

pytestmark = [pytest.mark.browser, pytest.mark.slow]
STARTER = Path(generator.scaffold.__file__).parent / "sample"  # what `kb init` writes
STANDARD = "standards/complaint-first-contact/"
TITLE = "Close typical complaints at the first contact"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import build
    from generator.config import load_project

    root = tmp_path_factory.mktemp("zensical") / "kb"
    shutil.copytree(STARTER, root)
    before = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = TODAY
    messages: list[str] = []
    try:
        result = build(load_project(root / "mkdocs.yml"), pdf=False, jobs=1, engine="zensical",
                       progress=messages.append)
    finally:
        if before is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = before
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    assert "en: built with Zensical" in messages and "pl: built with Zensical" in messages
    kept = root / ".kb" / "cache" / "zensical" / "en"  # the project stays put, so Zensical's cache is reused
    assert (kept / "docs" / "standards" / "complaint-first-contact.md").is_file() and (kept / ".cache").is_dir()
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


def test_search_assets_and_the_search_dialog(page, base_url: str, zensical_site: Path) -> None:
    for root in (zensical_site, zensical_site / "pl"):
        index = json.loads((root / "search.json").read_text("utf-8"))
        assert any(item["location"] == STANDARD and item["level"] == 1 for item in index["items"])
        assert (root / "assets" / "kb" / "kb-search.js").is_file()
        assert (root / "assets" / "kb" / "kb-search.css").is_file()
    assert (zensical_site / "_kb" / "search" / "fingerprint.json").is_file()  # kb's own index, for `kb serve`
    page.goto(base_url)
    page.locator("button.md-search__button").click()
    page.keyboard.type("typical", delay=30)
    result = page.get_by_text(TITLE, exact=True).last
    result.wait_for()
    assert page.get_by_text("results").first.is_visible()
