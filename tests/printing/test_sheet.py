"""What a printout says, before any PDF: texts, fallbacks, versions, addresses, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import SITE_URL, load, make_project

from generator.content.fingerprint import content_fingerprint
from generator.printing.markup import css_string, markdown_html
from generator.printing.page import render_html
from generator.printing.sheet import make_sheet


@pytest.fixture(scope="module")
def kb_and_project(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    mp = pytest.MonkeyPatch()
    mp.setenv("KB_TODAY", "2026-11-23")
    kb, project = load(make_project(tmp_path_factory.mktemp("sheet") / "kb"))
    mp.undo()
    return kb, project


def test_checklist_sheet_shows_version_owner_and_sign_off_roles(kb_and_project):
    kb, _ = kb_and_project
    item = kb.get("warehouse-opening")
    sheet = make_sheet(kb, item, "pl", SITE_URL)
    meta = {label: value.value for label, value in sheet.meta}
    assert meta["Właściciel"] == '<a href="https://standards.example.com/pl/roles/team-lead/">Lider zespołu</a>'
    assert meta["Wersja"] == f"2026-10-01 · {content_fingerprint(item)}"
    assert meta["Jak często"] == "codziennie"
    assert sheet.signers == ["Lider zespołu", "Audytor jakości"]
    assert sheet.url == "https://standards.example.com/pl/checklists/warehouse-opening/"
    assert [row.name for group in sheet.groups for row in group.rows] == [
        "001-exits-free", "002-first-aid", "003-returns-shelved",
    ]


def test_text_missing_in_a_language_falls_back_to_the_default_and_is_marked(kb_and_project):
    kb, _ = kb_and_project
    sheet = make_sheet(kb, kb.get("warehouse-opening"), "el", SITE_URL)
    returns = sheet.groups[1].rows[0]
    assert returns.text.value == "Yesterday's returns are on the returns shelf"
    assert returns.text.lang == "en"
    assert sheet.groups[0].rows[0].text.lang is None
    html = render_html(sheet)
    assert '<span lang="en" class="fallback">Yesterday&#39;s returns are on the returns shelf</span>' in html
    legend = "Το [EN] σημειώνει κείμενο που δεν έχει μεταφραστεί ακόμη και τυπώνεται στα αγγλικά."
    assert f'<p class="legend">{legend}</p>' in html
    assert 'class="legend"' not in render_html(make_sheet(kb, kb.get("warehouse-opening"), "en", SITE_URL))


def test_a_text_missing_in_the_default_language_too_is_marked_with_the_language_it_is_in(kb_and_project):
    from generator.content.types import Text

    kb, _ = kb_and_project
    checklist = kb.get("weekly-huddle").model_copy(update={"title": Text({"pl": "Odprawa"})})
    sheet = make_sheet(kb, checklist, "el", SITE_URL)
    assert (sheet.title.value, sheet.title.lang) == ("Odprawa", "pl")
    assert '<h1><span lang="pl" class="fallback">Odprawa</span></h1>' in render_html(sheet)


def test_an_outdated_translation_is_marked_on_the_sheet_as_on_the_page(kb_and_project):
    kb, _ = kb_and_project
    standard = kb.get("complaint-first-contact")
    stale = standard.model_copy(update={"translated": {"pl": "0000000000"}})
    note = "Nieaktualne tłumaczenie: Tekst oryginalny zmienił się od czasu tłumaczenia tej strony"
    assert note in render_html(make_sheet(kb, stale, "pl", SITE_URL))
    assert "Nieaktualne tłumaczenie" not in render_html(make_sheet(kb, standard, "pl", SITE_URL))


def test_a_retired_standard_prints_as_retired_without_a_sign_off(kb_and_project):
    kb, _ = kb_and_project
    standard = kb.get("complaint-first-contact")
    active = render_html(make_sheet(kb, standard, "en", SITE_URL))
    retired = render_html(make_sheet(kb, standard.model_copy(update={"status": "retired"}), "en", SITE_URL))
    assert "Read and understood" in active and "Retired: no longer in force" not in active
    assert "Read and understood" not in retired and "Retired: no longer in force" in retired


def test_path_sheet_signs_off_new_hire_and_mentor(kb_and_project):
    kb, _ = kb_and_project
    sheet = make_sheet(kb, kb.get("long-onboarding"), "en", SITE_URL)
    assert sheet.signers == ["New hire (Team lead)", "Mentor (Quality auditor)"]
    assert sheet.groups[0].days == "Day 1"
    assert sheet.groups[0].rows[0].signer == "Mentor"
    assert sheet.groups[0].rows[1].signer == "New hire"
    assert [group.long for group in sheet.groups].count(True) == 1


def test_phase_titles_that_name_their_days_are_not_repeated(kb_and_project):
    kb, _ = kb_and_project
    sheet = make_sheet(kb, kb.get("team-lead-first-week"), "en")
    assert [group.days for group in sheet.groups] == ["", ""]  # "Day 1: welcome", "Days 2-5: lead"


def test_without_site_url_the_footer_gives_the_relative_page_path(kb_and_project):
    kb, _ = kb_and_project
    assert make_sheet(kb, kb.get("weekly-huddle"), "en").url == "checklists/weekly-huddle/"
    assert make_sheet(kb, kb.get("weekly-huddle"), "ro").url == "ro/checklists/weekly-huddle/"


def test_print_html_carries_title_language_author_and_footer(kb_and_project):
    kb, _ = kb_and_project
    html = render_html(make_sheet(kb, kb.get("complaint-first-contact"), "pl", SITE_URL), "Lider zespołu")
    assert '<html lang="pl">' in html
    assert "<title>Zamykaj typowe reklamacje przy pierwszym kontakcie</title>" in html
    assert '<meta name="author" content="Lider zespołu">' in html
    assert "counter(page)" in html and "counter(pages)" in html
    assert '<a href="complaint-first-contact.pdf">Pobierz PDF</a>' in html
    assert '<a href="../standards/complaint-first-contact/">' in html


def test_user_text_cannot_break_out_of_html_or_css(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    root = make_project(tmp_path / "kb", languages="[en]")
    path = root / "standards" / "checklists" / "weekly-huddle.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "{en: Five-minute weekly huddle, pl: Pięciominutowa odprawa tygodniowa}",
        "'Huddle </style><script>alert(1)</script> \"q\" \\\\'",
    )
    path.write_text(text, encoding="utf-8")
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base

    project = load_project(root / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)  # the checks may flag the HTML; the printout must still be safe
    html = render_html(make_sheet(kb, kb.get("weekly-huddle"), "en"))
    assert "<script>" not in html and "</style><" not in html
    assert "&lt;/style&gt;&lt;script&gt;" in html


def test_css_strings_escape_everything_risky():
    assert css_string('a"b') == '"a\\000022b"'
    assert "</" not in css_string("</style>")
    assert css_string("Łódź · ά") == '"Łódź · ά"'


def test_markdown_keeps_no_raw_html_nor_script_links():
    html = str(markdown_html("**bold** <b>raw</b> [x](javascript:alert(1)) [ok](https://example.com)"))
    assert "<strong>bold</strong>" in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "javascript:" not in html.split("<a")[1].split(">")[0]
    assert 'href="https://example.com"' in html


def test_drafts_and_unreviewed_items_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    root = make_project(tmp_path / "kb")
    path = root / "standards" / "checklists" / "weekly-huddle.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-01-15\n", "status: draft\n"),
                    encoding="utf-8")
    kb, _ = load(root)
    sheet = make_sheet(kb, kb.get("weekly-huddle"), "pl")
    assert sheet.version == f"bez przeglądu · {content_fingerprint(kb.get('weekly-huddle'))}"
    assert '<div class="banner">Wersja robocza: jeszcze nie obowiązuje</div>' in render_html(sheet)


def test_markdown_in_long_text_fields_is_rendered(kb_and_project):
    kb, _ = kb_and_project
    html = render_html(make_sheet(kb, kb.get("warehouse-opening"), "el"))
    assert "<p>Γίνεται <strong>πριν</strong> φύγει το πρώτο δέμα.</p>" in html
