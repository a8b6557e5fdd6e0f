"""Reading the built site in Chromium: accessible (axe-core) in every language, light and dark, desktop
and phone; private (no request leaves the site's host); a keyboard user ticks steps; progress follows."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_helpers import theme_english_on

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {"home": "", "standard": "standards/complaint-first-contact/", "path": "paths/agent-first-week/",
         "matrix": "matrix/", "find": "find/", "reports": "reports/review/", "checklist": "checklists/weekly-huddle/",
         "role": "roles/agent/", "practices": "practices/", "roles": "roles/", "principles": "principles/",
         "report-index": "reports/", "changes": "changes/"}
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# Colour is all that changes between the schemes, so the dark run checks the colour rules only.
AXE_ALL = {"resultTypes": ["violations"]}
AXE_COLOUR = {"resultTypes": ["violations"],
              "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def _serious(page, options: dict) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=options).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["en", "pl", "el"])
def test_every_page_kind_has_no_serious_accessibility_finding(browser, site_server: str, lang: str,
                                                             viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone")
    page = context.new_page()
    findings = []
    try:
        for name, path in PAGES.items():
            page.goto(site_server + ("" if lang == "en" else f"{lang}/") + path)
            page.wait_for_load_state("load")
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            findings += [f"{name} light: {f}" for f in _serious(page, AXE_ALL)]
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
            findings += [f"{name} dark: {f}" for f in _serious(page, AXE_COLOUR)]
    finally:
        context.close()
    assert findings == []


def test_on_a_phone_the_find_filters_fold_behind_one_button(browser, site_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_server + "pl/find/?role=team-lead")
        # kb-find.js shows the button once the search backend answered (a fetch after load): wait for it
        page.get_by_role("button", name="Filtry (włączone: 1)").wait_for(state="visible", timeout=15000)
        button = page.locator(".kb-find__toggle")
        assert button.get_attribute("aria-expanded") == "false"
        role = page.locator("select[name=role]")
        assert not role.is_visible() and role.input_value() == "team-lead"  # the address still filters
        shown = page.locator(".kb-find__results > li:not([hidden])")
        assert shown.count() == 3 and page.locator(".kb-find__results > li[data-id=agent-first-week]").is_hidden()
        button.click()
        assert role.is_visible() and button.get_attribute("aria-expanded") == "true"
        assert _serious(page, AXE_ALL) == []
        role.select_option("")
        assert button.inner_text() == "Filtry" and role.is_visible()  # open while the reader works in it
        page.go_back()
        assert role.input_value() == "team-lead" and button.inner_text() == "Filtry (włączone: 1)"
        button.click()
        assert not role.is_visible() and button.get_attribute("aria-expanded") == "false"
        assert page.locator("input[name=q]").is_visible()  # the search box never folds
    finally:
        context.close()


def test_on_a_desktop_the_find_filters_stay_in_the_form(browser, site_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    try:
        page.goto(site_server + "find/")
        assert page.locator("select[name=role]").is_visible()
        assert page.locator(".kb-find__toggle").is_hidden()
        box = page.locator("input[name=q]").bounding_box()
        kind = page.locator("select[name=kind]").bounding_box()
        assert abs((box["y"] + box["height"]) - (kind["y"] + kind["height"])) < 2  # one row, as before
    finally:
        context.close()


def test_without_javascript_the_find_filters_are_open_on_a_phone(browser, site_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_server + "find/")
        assert page.locator("select[name=role]").is_visible()
        assert page.locator(".kb-find__toggle").is_hidden()
    finally:
        context.close()


def test_no_request_leaves_the_sites_own_host(browser, site_server: str) -> None:
    """No web fonts, no GitHub API widget, nothing else: the site works on an intranet and tells no third
    party who reads it (the fixture has a GitHub repo_url, whose widget would ask api.github.com)."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(re.compile(r"^(?!" + re.escape(site_server) + ")"), lambda route: route.abort())
    page = context.new_page()
    try:
        for lang in ("en", "el"):
            for path in PAGES.values():
                page.goto(site_server + ("" if lang == "en" else f"{lang}/") + path)
                page.wait_for_load_state("networkidle")
    finally:
        context.close()
    host = urlsplit(site_server).netloc
    assert len(requested) > 18
    assert sorted({urlsplit(url).netloc for url in requested if not url.startswith("data:")}) == [host]


def test_a_keyboard_user_ticks_a_step_with_space_and_sees_focus(browser, site_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_server + "paths/agent-first-week/")
        row = page.locator("li.task-list-item:has(.kb-step[data-kb-step='meet-mentor'])")
        box = row.locator("input[type=checkbox]")
        assert box.get_attribute("aria-label").startswith("Meet your mentor")
        assert row.bounding_box()["height"] >= 44
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()
        ring = page.evaluate("getComputedStyle(document.activeElement.nextElementSibling, '::before').outlineStyle")
        assert ring == "solid"
        today = page.evaluate("new Date().toISOString().slice(0, 10)")
        assert row.locator(".kb-step__date").inner_text() == f"ticked {today}"
        assert page.locator("[data-kb-progress='all'] .kb-progress__bar").get_attribute("aria-label") \
            == "Agent's first week"
        row.click(position={"x": 300, "y": 8})  # anywhere on the row toggles it
        assert not box.is_checked()
        page.keyboard.press("Space")
        page.goto(site_server + "roles/agent/")
        shown = page.locator("a.kb-path-progress[data-kb-path='agent-first-week']")
        assert shown.inner_text() == "1 of 4 done — continue"
        assert shown.get_attribute("href") == "../../paths/agent-first-week/"
        page.goto(site_server + "pl/paths/")
        assert page.locator("a.kb-path-progress[data-kb-path='agent-first-week']").inner_text() \
            == "wykonano 1 z 4 — kontynuuj"
        assert not page.locator("a.kb-path-progress[data-kb-path='agent-development']").is_visible()
    finally:
        context.close()


def test_reset_is_secondary_and_asks_first(browser, site_server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_server + "paths/agent-first-week/")
        page.locator("li.task-list-item:has(.kb-step[data-kb-step='shadow-calls'])").click(position={"x": 200, "y": 8})
        reset = page.locator(".kb-reset")
        assert "md-button" not in (reset.get_attribute("class") or "")
        page.once("dialog", lambda dialog: dialog.dismiss())
        reset.click()
        assert page.locator("[data-kb-progress='all']").inner_text() == "1 of 4 done"
        assert page.locator(".kb-print-mine").get_attribute("href") == "../../print/agent-first-week.html?mine"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["pl", "el"])
def test_the_translated_sites_show_none_of_the_themes_english_words(built_site: Path, lang: str) -> None:
    assert theme_english_on(built_site, lang) == {}  # Romanian: test_site_build's starter-content build
