"""The print page printed by Chromium (what the browser's "Print" button does) matches the WeasyPrint PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import load, pages_text
from pypdf import PdfReader

from generator.content.fingerprint import content_fingerprint

pytestmark = pytest.mark.browser

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]


@pytest.fixture(scope="module")
def chromium_pdfs(built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from playwright.sync_api import sync_playwright

    out = tmp_path_factory.mktemp("chromium")
    pages = {"warehouse-opening": "el/print/warehouse-opening.html", "long-onboarding": "print/long-onboarding.html",
             "complaint-first-contact": "pl/print/complaint-first-contact.html"}
    printed = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            page = browser.new_page()
            for name, html in pages.items():
                page.goto((built.site / html).as_uri())
                printed[name] = out / f"{name}.pdf"
                page.pdf(path=str(printed[name]), prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    return printed


def _size(pdf: Path) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(pdf).pages]


def test_chromium_prints_the_same_a4_pages(built, chromium_pdfs):
    for name, weasy in [("warehouse-opening", "el/print/warehouse-opening.pdf"),
                        ("long-onboarding", "print/long-onboarding.pdf"),
                        ("complaint-first-contact", "pl/print/complaint-first-contact.pdf")]:
        assert set(_size(chromium_pdfs[name])) == {(595, 842)}
        assert len(_size(chromium_pdfs[name])) == len(_size(built.site / weasy)), name


def test_chromium_prints_the_title_items_version_and_footer(built, chromium_pdfs):
    text = " ".join(pages_text(chromium_pdfs["warehouse-opening"]))
    weasy = " ".join(pages_text(built.site / "el" / "print" / "warehouse-opening.pdf"))
    for expected in ["Έλεγχος ανοίγματος αποθήκης", "Οι έξοδοι κινδύνου είναι ελεύθερες – ά έ ί ό ύ ή ώ",
                     "Το φαρμακείο είναι πλήρες", "Yesterday's returns are on the returns shelf",
                     "Ελεγκτής ποιότητας", "Σελίδα 1 από 1"]:
        assert expected in text and expected in weasy, expected
    url = "https://standards.example.com/el/checklists/warehouse-opening/"  # the footer may wrap it
    assert url in text.replace(" ", "") and url in weasy.replace(" ", "")
    kb, _ = load(built.root)
    version = f"Έκδοση: 2026-10-01 · {content_fingerprint(kb.get('warehouse-opening'))}"
    assert version in text and version in weasy
    assert PdfReader(chromium_pdfs["warehouse-opening"]).metadata.title == "Έλεγχος ανοίγματος αποθήκης"


def test_chromium_breaks_the_long_path_like_weasyprint(built, chromium_pdfs):
    import re

    def phases_per_page(pdf: Path) -> list[list[str]]:
        return [sorted(set(re.findall(r"P(\d\d)S\d\d", text))) for text in pages_text(pdf)]

    chromium = pages_text(chromium_pdfs["long-onboarding"])
    assert [f"Page {n} of {len(chromium)}" in text for n, text in enumerate(chromium, 1)] == [True] * len(chromium)
    weasyprint = built.site / "print" / "long-onboarding.pdf"
    assert phases_per_page(chromium_pdfs["long-onboarding"]) == phases_per_page(weasyprint)


def test_the_toolbar_shows_on_screen_only(built, chromium_pdfs):
    text = " ".join(pages_text(chromium_pdfs["complaint-first-contact"]))
    assert "Pobierz PDF" not in text and "Drukuj" not in text
    assert "Zamykaj typowe reklamacje przy pierwszym kontakcie" in text


def test_print_my_progress_fills_the_ticks_and_dates_this_browser_holds(built, tmp_path: Path) -> None:
    """The path's print page with "?mine" shows the browser's ticks and their dates; without it, blank."""
    import functools
    import json
    import re
    import shutil
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    from generator.site.emit import ASSETS

    (tmp_path / "print").mkdir()
    (tmp_path / "assets" / "kb").mkdir(parents=True)
    html = (built.site / "print" / "long-onboarding.html").read_text("utf-8")
    (tmp_path / "print" / "long-onboarding.html").write_text(html, "utf-8")
    shutil.copy(ASSETS / "kb-print.js", tmp_path / "assets" / "kb" / "kb-print.js")
    first, second = re.findall(r'type="checkbox" name="\d+-([^"]+)"', html)[:2]

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/print/long-onboarding.html"
    ticks = json.dumps({second: "2026-11-20"})
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            page.add_init_script(f"localStorage.setItem('kb-progress:long-onboarding', {ticks!r})")
            page.goto(url + "?mine")
            row = page.locator(f"tr:has(input[type=checkbox][name$='-{second}'])")
            assert row.locator("input[type=checkbox]").is_checked()
            assert row.locator(".c-date input").input_value() == "2026-11-20"
            assert not page.locator(f"input[type=checkbox][name$='-{first}']").is_checked()
            assert page.locator("[data-kb-print]").is_visible()
            page.goto(url)  # the blank sheet stays available
            assert not page.locator(f"input[type=checkbox][name$='-{second}']").is_checked()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def test_a_print_page_written_by_kb_print_works_on_its_own(project_root: Path, run_kb) -> None:
    """`kb print --html` outside a site: the page loads the script copied beside it, so its Print button shows,
    and its links point at the PDF beside it and at the web page's absolute address."""
    from playwright.sync_api import sync_playwright

    result = run_kb("print", "weekly-huddle", "--lang", "el", "--html", "-o", "out")
    assert result.exit_code == 0, result.output
    out = project_root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["kb-print.js", "weekly-huddle.el.html", "weekly-huddle.el.pdf"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            page = browser.new_page()
            page.goto((out / "weekly-huddle.el.html").as_uri())
            assert page.locator("[data-kb-print]").is_visible()
            assert page.locator(".toolbar a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
                "weekly-huddle.el.pdf", "https://standards.example.com/el/checklists/weekly-huddle/",
            ]
        finally:
            browser.close()
