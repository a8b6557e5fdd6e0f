"""Helpers for the printing tests: fixture knowledge bases and reading PDFs back (pypdf)."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from pypdf import PdfReader

SAMPLE = Path(__file__).resolve().parents[2] / "generator" / "scaffold" / "sample"
TODAY = "2026-11-23"
SITE_URL = "https://standards.example.com/"

AUDITOR = """\
kind: role
id: quality-auditor
title: {en: Quality auditor, pl: Audytor jakości, el: Ελεγκτής ποιότητας, ro: Auditor de calitate}
"""

WAREHOUSE = """\
kind: checklist
id: warehouse-opening
title:
  en: Warehouse opening round
  pl: Obchód otwarcia magazynu – Łódź
  el: Έλεγχος ανοίγματος αποθήκης
  ro: Verificarea deschiderii depozitului
purpose:
  en: >-
    Done **before** the first parcel leaves, after `weekly-huddle` and by the
    complaint-first-contact rule.
    Questions go to the [quality desk](mailto:quality@example.com).
  pl: Wykonaj **przed** wysłaniem pierwszej paczki; źle zapakowana paczka wraca.
  el: Γίνεται **πριν** φύγει το πρώτο δέμα.
  ro: Se face **înainte** să plece primul colet; ștampila se pune la sfârșit.
frequency: daily
roles: [team-lead, quality-auditor]
sections:
  - title: {en: Safety, pl: Bezpieczeństwo, el: Ασφάλεια, ro: Siguranță}
    items:
      - text:
          en: Emergency exits are free
          pl: Wyjścia ewakuacyjne są wolne – żółć i łódź
          el: Οι έξοδοι κινδύνου είναι ελεύθερες – ά έ ί ό ύ ή ώ
          ro: Ieșirile de urgență sunt libere – ș ț ă â î
        key: exits-free
      - text:
          en: First-aid kit is complete
          pl: Apteczka jest kompletna
          el: Το φαρμακείο είναι πλήρες
          ro: Trusa de prim ajutor este completă
        key: first-aid
  - title: {en: Parcels, pl: Paczki, el: Δέματα, ro: Colete}
    items:
      - text:
          en: Yesterday's returns are on the returns shelf
          pl: Wczorajsze zwroty leżą na półce zwrotów
        standard: complaint-first-contact
        key: returns-shelved
sign_off: [team-lead, quality-auditor]
owner: team-lead
reviewed: 2026-10-01
"""


def long_path(phases: int = 10, steps: int = 4, long_phase: int = 5, long_steps: int = 30) -> str:
    """A path of `phases` phases of `steps` steps, except phase `long_phase`, which has `long_steps`."""
    lines = [
        "kind: path", "id: long-onboarding", "title: {en: Long onboarding, pl: Długie wdrożenie}",
        "role: team-lead", "mentor: quality-auditor", "owner: team-lead", "reviewed: 2026-09-01", "phases:",
    ]
    for p in range(1, phases + 1):
        lines += [f"  - title: {{en: 'Phase P{p:02d}', pl: 'Etap P{p:02d}'}}", f'    days: "{p}"', "    steps:"]
        for s in range(1, (long_steps if p == long_phase else steps) + 1):
            lines += [
                f"      - do: {{en: 'Task P{p:02d}S{s:02d} done with the mentor', pl: 'Zadanie P{p:02d}S{s:02d}'}}",
                f"        key: p{p:02d}-s{s:02d}",
                f"        sign_off: {'mentor' if s % 2 else 'self'}",
            ]
    return "\n".join(lines) + "\n"


def make_project(root: Path, site_url: str | None = SITE_URL, languages: str = "[en, pl, el, ro]") -> Path:
    """A valid knowledge base at `root`: the scaffold sample plus the items above."""
    shutil.copytree(SAMPLE, root)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("languages: [en, pl]", f"languages: {languages}")
    if site_url:
        config = f"site_url: {site_url}\n" + config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "onboarding" / "roles" / "quality-auditor.yaml").write_text(AUDITOR, encoding="utf-8")
    (root / "standards" / "checklists" / "warehouse-opening.yaml").write_text(WAREHOUSE, encoding="utf-8")
    (root / "onboarding" / "paths" / "long-onboarding.yaml").write_text(long_path(), encoding="utf-8")
    return root


def load(root: Path):  # type: ignore[no-untyped-def]
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base

    project = load_project(root / "mkdocs.yml")
    kb, diagnostics = build_knowledge_base(project)
    assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
    return kb, project

def pages_text(pdf: Path) -> list[str]:
    """Each page's text, white space collapsed (pypdf splits lines where the layout wraps) and ligatures
    such as "ﬁ" (Chromium writes them) unfolded."""
    texts = (unicodedata.normalize("NFKC", page.extract_text() or "") for page in PdfReader(pdf).pages)
    return [re.sub(r"\s+", " ", text) for text in texts]


def all_text(pdf: Path) -> str:
    return " ".join(pages_text(pdf))


def fonts(pdf: Path) -> dict[str, bool]:
    """Every font's base name -> whether its program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).split("+", 1)[-1]] = embedded
    return found
