"""The built site in a real Chromium: find your path, keep your ticks, switch language, see what is
untranslated, search."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]



@pytest.fixture
def page(browser, site_server: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").inner_text().rstrip("¶ ")


def test_a_new_hire_picks_a_role_and_reaches_its_path(page, site_server: str) -> None:
    page.goto(site_server)
    page.locator(".kb-home").get_by_role("link", name="Customer service agent", exact=True).click()
    page.wait_for_url(site_server + "roles/agent/")
    assert heading(page) == "Customer service agent"
    page.locator("#paths ~ .grid").get_by_role("link", name="Agent's first week").click()
    page.wait_for_url(site_server + "paths/agent-first-week/")
    assert heading(page) == "Agent's first week"
    assert page.locator(".kb-path-tools .kb-print").get_attribute("href") == "../../print/agent-first-week.pdf"


def _step(page, key: str):
    return page.locator(f"li.task-list-item:has(.kb-step[data-kb-step='{key}'])")


def tick(page, key: str) -> None:
    """Click the step's tick box (Material draws it with CSS over a visually hidden checkbox)."""
    box = _step(page, key).locator("label.task-list-control")
    box.dispatch_event("click")


def test_ticks_survive_a_reload_and_the_progress_bar_says_so(page, site_server: str) -> None:
    page.goto(site_server + "paths/agent-first-week/")
    overall = page.locator("[data-kb-progress='all']")
    assert overall.is_visible() and overall.inner_text() == "0 of 4 done"
    tick(page, "meet-mentor")
    tick(page, "shadow-calls")
    page.reload()
    assert _step(page, "meet-mentor").locator("input").is_checked()
    assert _step(page, "shadow-calls").locator("input").is_checked()
    assert not _step(page, "read-complaints").locator("input").is_checked()
    assert overall.inner_text() == "2 of 4 done"
    assert overall.locator("[role=progressbar]").get_attribute("aria-valuenow") == "2"
    assert page.locator("[data-kb-progress='phase-1'] .kb-progress__label").inner_text() == "1 / 2"
    assert page.evaluate("Object.keys(JSON.parse(localStorage.getItem('kb-progress:agent-first-week'))).sort()") \
        == ["meet-mentor", "shadow-calls"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".kb-reset").click()
    assert overall.inner_text() == "0 of 4 done"
    page.reload()
    assert not _step(page, "meet-mentor").locator("input").is_checked()


def test_without_javascript_a_path_reads_as_a_plain_list(browser, site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_server + "paths/agent-first-week/")
        assert tab.locator("li.task-list-item").count() == 4
        assert "Shadow a colleague on five calls" in tab.locator("article").inner_text()
        assert not tab.locator("[data-kb-progress='all']").is_visible()
        assert not tab.locator(".kb-reset").is_visible()
    finally:
        context.close()


def test_switching_to_polish_stays_on_the_same_page(page, site_server: str) -> None:
    page.goto(site_server + "standards/complaint-first-contact/")
    page.wait_for_load_state("networkidle")  # Material has fetched the languages' sitemaps by now
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='pl']").click()
    page.wait_for_url(site_server + "pl/standards/complaint-first-contact/")
    assert heading(page) == "Zamykaj typowe reklamacje przy pierwszym kontakcie"
    assert page.locator("html").get_attribute("lang") == "pl"


def test_untranslated_greek_text_is_visibly_marked(page, site_server: str) -> None:
    page.goto(site_server + "el/standards/complaint-first-contact/")
    assert page.locator(".admonition.info").filter(has_text="Δεν έχει μεταφραστεί ακόμη").is_visible()
    block = page.locator(".kb-fallback").first
    assert block.is_visible() and "The customer is already annoyed." in block.inner_text()
    assert block.get_attribute("lang") == "en"
    marker = page.locator(".kb-untranslated").first
    assert marker.is_visible() and marker.inner_text() == "EN"


def test_the_header_search_finds_a_standard_by_a_word_of_its_title(page, site_server: str) -> None:
    page.goto(site_server)
    page.locator("input.md-search__input").click()
    page.keyboard.type("typical", delay=30)
    result = page.locator(".md-search-result__item").filter(has_text="Close typical complaints at the first contact")
    result.first.wait_for()
    assert result.first.is_visible()


def test_the_competency_matrix_fits_a_phone(browser, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(site_server + "matrix/")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        assert tab.locator(".kb-matrix td .kb-level--3").first.is_visible()
    finally:
        context.close()
