"""The PDFs read back as documents to use on screen: fields to type in, links to follow, a footer address
that wraps only between its parts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from print_helpers import SITE_URL, load, make_project
from pypdf import PdfReader


def _fields(pdf: Path) -> dict[str, tuple[str, str]]:
    """Form field name -> (field type, tooltip)."""
    return {name: (str(field["/FT"]), str(field.get("/TU", ""))) for name, field in PdfReader(pdf).get_fields().items()}


def _link_targets(pdf: Path) -> list[str]:
    """The URI of every link annotation, page by page, in order (one link may be split over several)."""
    targets = []
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Link":
                targets.append(str(annotation["/A"]["/URI"]))
    return list(dict.fromkeys(targets))


def test_date_initials_and_names_are_fillable_text_fields(built):
    fields = _fields(built.site / "print" / "warehouse-opening.pdf")
    text_fields = {name for name, (kind, _) in fields.items() if kind == "/Tx"}
    assert text_fields == {
        "fill-date", "fill-place",
        "001-exits-free-date", "001-exits-free-initials", "002-first-aid-date", "002-first-aid-initials",
        "003-returns-shelved-date", "003-returns-shelved-initials",
        "signoff-1-name", "signoff-1-date", "signoff-2-name", "signoff-2-date",
    }
    assert fields["001-exits-free-initials"] == ("/Tx", "Initials: Emergency exits are free")
    assert fields["signoff-2-name"] == ("/Tx", "Quality auditor: Name")
    assert fields["001-exits-free"][0] == "/Btn"  # the tick boxes stay checkboxes


def test_a_path_sheet_has_fields_for_the_new_hire_and_the_start_date(built):
    fields = _fields(built.site / "pl" / "print" / "team-lead-first-week.pdf")
    assert fields["fill-new-hire"] == ("/Tx", "Nowy pracownik")
    assert fields["fill-start-date"] == ("/Tx", "Data rozpoczęcia")
    assert fields["002-run-huddle-date"] == ("/Tx", "Data: Poprowadź z mentorem odprawę tygodniową")
    assert fields["signoff-2-date"] == ("/Tx", "Mentor (Lider zespołu): Data")


def test_a_retired_standard_has_no_sign_off_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from generator.printing.page import render_html
    from generator.printing.pdf import html_to_pdf
    from generator.printing.sheet import make_sheet

    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    kb, _ = load(make_project(tmp_path / "kb"))
    standard = kb.get("complaint-first-contact")
    for item, expected in [(standard, {"signoff-1-name", "signoff-1-date"}),
                           (standard.model_copy(update={"status": "retired"}), set())]:
        pdf = tmp_path / "card.pdf"
        pdf.write_bytes(html_to_pdf(render_html(make_sheet(kb, item, "en", SITE_URL)))[0])
        assert set(PdfReader(pdf).get_fields() or {}) == expected


def test_named_items_mail_addresses_and_the_footer_are_live_links(built):
    targets = _link_targets(built.site / "el" / "print" / "warehouse-opening.pdf")
    assert targets == [
        f"{SITE_URL}el/roles/team-lead/",  # owner
        f"{SITE_URL}el/roles/quality-auditor/",  # for roles: team lead; quality auditor
        f"{SITE_URL}el/standards/complaint-first-contact/",  # an entry's standard
        f"{SITE_URL}el/checklists/warehouse-opening/",  # the footer, on every page
    ]
    english = _link_targets(built.site / "print" / "warehouse-opening.pdf")
    assert "mailto:quality@example.com" in english  # a link written in the purpose's Markdown
    path = _link_targets(built.site / "print" / "team-lead-first-week.pdf")
    assert f"{SITE_URL}standards/complaint-first-contact/" in path  # "read:"
    assert f"{SITE_URL}competencies/active-listening/" in path  # "builds:"
    assert f"{SITE_URL}checklists/weekly-huddle/" in path


def test_ids_named_in_markdown_print_as_linked_titles(built):
    text = subprocess.run(["pdftotext", str(built.site / "print" / "warehouse-opening.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert ("after Five-minute weekly huddle and by the Close typical complaints at the first contact rule."
            in " ".join(unicodedata.normalize("NFKC", text).split()))  # NFKC: the "fi" ligature
    targets = _link_targets(built.site / "print" / "warehouse-opening.pdf")
    assert f"{SITE_URL}checklists/weekly-huddle/" in targets
    assert f"{SITE_URL}standards/complaint-first-contact/" in targets


def test_no_sheet_shows_the_id_of_an_item_it_names(built):
    kb, _ = load(built.root)
    ids = sorted(kb.items)
    assert "weekly-huddle" in ids and "quality-auditor" in ids
    pdfs = sorted(built.site.rglob("*.pdf"))
    assert len(pdfs) == 20
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        own = pdf.stem  # the sheet's own id is printed on purpose (ID, running header, its address)
        for item_id in ids:
            if item_id != own:
                assert not re.search(rf"(?<![\w-]){item_id}(?![\w-])", text), (pdf, item_id)


def test_every_page_of_a_long_sheet_links_its_web_page(built):
    reader = PdfReader(built.site / "print" / "long-onboarding.pdf")
    for page in reader.pages:
        links = [a.get_object() for a in page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
        uris = {str(link["/A"]["/URI"]) for link in links}
        assert f"{SITE_URL}paths/long-onboarding/" in uris


LONG_ID = "weekly-huddle-of-the-northern-region-customer-service-centre-and-partner-warehouses"


@pytest.mark.parametrize("site_url", [
    "https://intranet.customer-service-standards.example-company.com/knowledge-base/service-standards/",
    "https://intranet.example.com/" + "serviceknowledgebasestandardsfolder" * 4 + "/",  # one run too long for a line
])
def test_the_footer_address_wraps_only_after_a_slash_or_a_hyphen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 site_url: str):
    from generator.printing.page import render_html
    from generator.printing.pdf import html_to_pdf
    from generator.printing.sheet import make_sheet

    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    root = make_project(tmp_path / "kb", site_url=site_url)
    checklist = root / "standards" / "checklists" / "weekly-huddle.yaml"
    checklist.write_text(checklist.read_text("utf-8").replace("id: weekly-huddle", f"id: {LONG_ID}"), "utf-8")
    checklist.rename(checklist.with_name(f"{LONG_ID}.yaml"))
    path = root / "onboarding" / "paths" / "team-lead-first-week.yaml"
    path.write_text(path.read_text("utf-8").replace("read: [weekly-huddle]", f"read: [{LONG_ID}]"), "utf-8")
    kb, _ = load(root)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(html_to_pdf(render_html(make_sheet(kb, kb.get(LONG_ID), "el", site_url)))[0])
    footer = subprocess.run(["pdftotext", "-layout", "-y", "790", "-H", "52", "-W", "460", "-r", "72", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in footer.splitlines() if line.strip()]
    url = f"{site_url}el/checklists/{LONG_ID}/"
    start = next(n for n, line in enumerate(lines) if "https://" in line)
    first = lines[start][lines[start].index("https://"):]
    parts = [first, *lines[start + 1:]]
    assert "".join(parts) == url, lines  # nothing else in the footer, nothing lost
    assert len(parts) > 1 and all(re.search(r"[/-]$", part) for part in parts), parts
    boxes = subprocess.run(["pdftotext", "-bbox", "-y", "790", "-H", "52", "-r", "72", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = re.findall(r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]+)</word>', boxes)
    page_number = min(float(x_min) for x_min, _, word in words if word == "Σελίδα")
    assert all(float(x_max) < page_number - 10 for _, x_max, word in words if "/" in word)  # never under "Page 1 of 1"
