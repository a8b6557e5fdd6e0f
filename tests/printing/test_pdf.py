"""The PDFs read back: text, versions, sign-off lines, letters of every language, form fields, pages."""

from __future__ import annotations

import re

from print_helpers import SITE_URL, all_text, fonts, load, pages_text
from pypdf import PdfReader

from generator.content.fingerprint import content_fingerprint

A4 = (595.28, 841.89)


def test_site_gets_a_pdf_and_a_print_page_per_item_and_language(built):
    ids = ["complaint-first-contact", "long-onboarding", "team-lead-first-week", "warehouse-opening", "weekly-huddle"]
    for prefix in ["", "pl/", "el/", "ro/"]:
        for item_id in ids:
            assert (built.site / f"{prefix}print/{item_id}.pdf").is_file()
            assert (built.site / f"{prefix}print/{item_id}.html").is_file()
    assert not (built.site / "print" / "speed.pdf").exists()  # principles do not print
    assert not list(built.site.rglob("*.tmp"))


def test_checklist_pdf_shows_title_items_sign_off_and_version(built):
    kb, _ = load(built.root)
    text = all_text(built.site / "print" / "warehouse-opening.pdf")
    for expected in [
        "Warehouse opening round", "CHECKLIST", "ID: warehouse-opening", "Owner: Team lead",
        f"Version: 2026-10-01 · {content_fingerprint(kb.get('warehouse-opening'))}", "How often: daily",
        "Emergency exits are free", "First-aid kit is complete", "Yesterday's returns are on the returns shelf",
        "Standard: Close typical complaints at the first contact",
        "DONE ITEM DATE INITIALS", "Sign-off", "ROLE NAME DATE SIGNATURE", "Team lead", "Quality auditor",
        "A printed copy may be outdated. Current version: https://standards.example.com/checklists/warehouse-opening/",
        "Page 1 of 1",
    ]:
        assert expected in text, expected


def test_polish_greek_and_romanian_letters_print_intact(built):
    polish = all_text(built.site / "pl" / "print" / "warehouse-opening.pdf")
    assert "Obchód otwarcia magazynu – Łódź" in polish
    assert "Wyjścia ewakuacyjne są wolne – żółć i łódź" in polish
    assert "Wydruk może być nieaktualny" in polish and "Strona 1 z 1" in polish
    assert "PODPIS" in polish and "PARAFA" in polish
    greek = all_text(built.site / "el" / "print" / "warehouse-opening.pdf")
    assert "Έλεγχος ανοίγματος αποθήκης" in greek
    assert "ά έ ί ό ύ ή ώ" in greek and "ΥΠΟΓΡΑΦΗ" in greek and "Σελίδα 1 από 1" in greek
    romanian = all_text(built.site / "ro" / "print" / "warehouse-opening.pdf")
    assert "Ieșirile de urgență sunt libere – ș ț ă â î" in romanian
    assert "SEMNĂTURĂ" in romanian and "Pagina 1 din 1" in romanian


def test_fonts_are_embedded_and_are_the_ones_the_css_names(built):
    for pdf in ["el/print/warehouse-opening.pdf", "pl/print/warehouse-opening.pdf",
                "ro/print/complaint-first-contact.pdf"]:
        used = fonts(built.site / pdf)
        assert used and all(used.values()), used
        assert all(re.match(r"(Noto-Sans|DejaVu-Sans)", name) for name in used), used


def test_text_missing_in_a_language_prints_in_the_default_language_marked(built):
    greek = all_text(built.site / "el" / "print" / "warehouse-opening.pdf")
    assert "Yesterday's returns are on the returns shelf [EN]" in greek


def test_checkboxes_are_pdf_form_fields(built):
    reader = PdfReader(built.site / "print" / "warehouse-opening.pdf")
    assert "/AcroForm" in reader.trailer["/Root"]
    fields = {name: field for name, field in reader.get_fields().items() if field["/FT"] == "/Btn"}
    assert sorted(fields) == ["001-exits-free", "002-first-aid", "003-returns-shelved"]
    assert all(field["/V"] == "/Off" for field in fields.values())
    assert fields["001-exits-free"]["/TU"] == "Emergency exits are free"


def test_pdf_metadata_has_title_language_and_author(built):
    reader = PdfReader(built.site / "pl" / "print" / "weekly-huddle.pdf")
    assert reader.metadata.title == "Pięciominutowa odprawa tygodniowa"
    assert reader.metadata.author == "Lider zespołu · Service Standards"
    assert reader.trailer["/Root"]["/Lang"] == "pl"


def test_pages_are_a4(built):
    for page in PdfReader(built.site / "print" / "long-onboarding.pdf").pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)


def test_long_path_runs_over_pages_numbered_x_of_y(built):
    pages = pages_text(built.site / "print" / "long-onboarding.pdf")
    assert len(pages) == 4
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of 4" in text
        assert f"A printed copy may be outdated. Current version: {SITE_URL}paths/long-onboarding/" in text
    for text in pages[1:]:  # later pages repeat the title and version at the top
        assert "Long onboarding" in text and "long-onboarding · Version 2026-09-01" in text
    assert "New hire (Team lead)" in pages[-1] and "Mentor (Quality auditor)" in pages[-1]


def test_phases_stay_together_where_they_fit_and_long_ones_break(built):
    pages = pages_text(built.site / "print" / "long-onboarding.pdf")

    def pages_of(phase: int) -> set[int]:
        return {n for n, text in enumerate(pages) if re.search(rf"P{phase:02d}S\d\d", text)}

    for phase in [1, 2, 3, 4, 6, 7, 8, 9, 10]:
        assert len(pages_of(phase)) == 1, f"phase P{phase:02d} is split over pages {pages_of(phase)}"
    assert len(pages_of(5)) == 2  # 30 steps cannot fit on one page
    heading_page = next(n for n, text in enumerate(pages) if "Phase P05" in text)
    assert heading_page == min(pages_of(5))  # the heading is not left alone at the bottom of a page
    all_steps = " ".join(pages)
    for step in range(1, 31):  # every step is printed whole, once
        assert all_steps.count(f"Task P05S{step:02d} done with the mentor") == 1


def test_standard_prints_as_a_card(built):
    pages = pages_text(built.site / "print" / "complaint-first-contact.pdf")
    assert len(pages) == 1
    text = pages[0]
    for expected in ["SERVICE STANDARD", "At least 80 % of typical complaints are resolved", "Steps",
                     "Listen to the whole story", "Measures and targets", "First-contact resolution", ">= 80 %",
                     "Read and understood"]:
        assert expected in text, expected
