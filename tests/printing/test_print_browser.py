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
