"""Golden tests: the rendered Markdown of every page kind, read back and compared byte for byte.

Refresh after an intended change with `pytest tests/site --update-goldens` (or KB_UPDATE_GOLDENS=1),
then read the diff.
"""

from __future__ import annotations

import os

import pytest
from site_helpers import fixture_kb, golden_path, rendered

from generator.render.pages import list_pages

# English: every page; Polish and Greek: one page of each kind that shows translations.
OTHER_LANGUAGES = {
    "pl": ["index.md", "standards/complaint-first-contact.md", "paths/agent-first-week.md", "matrix.md", "changes.md"],
    "el": ["index.md", "standards/complaint-first-contact.md", "checklists/weekly-huddle.md",
           "reports/translations.md"],
}


def _cases() -> list[tuple[str, str]]:
    _, kb = fixture_kb()
    cases = [("en", spec.doc) for spec in list_pages(kb)]
    cases += [(lang, doc) for lang, docs in OTHER_LANGUAGES.items() for doc in docs]
    return cases


@pytest.mark.parametrize(("lang", "doc"), _cases(), ids=lambda value: value)
def test_page_matches_golden(lang: str, doc: str, update_goldens: bool) -> None:
    text = rendered(lang)[doc]
    golden = golden_path(lang, doc)
    if update_goldens or os.environ.get("KB_UPDATE_GOLDENS"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden for {lang}/{doc}: run pytest tests/site --update-goldens"
    assert text == golden.read_text(encoding="utf-8")


def test_every_page_kind_has_a_golden() -> None:
    _, kb = fixture_kb()
    kinds = {spec.kind for spec in list_pages(kb)}
    assert kinds == {
        "home",
        "standards",
        "area",
        "channel",
        "practices",
        "principles",
        "checklists",
        "roles",
        "competencies",
        "matrix",
        "paths",
        "reports",
        "changes",
        "report-review",
        "report-translations",
        "report-drafts",
        "report-orphans",
        "report-coverage",
        "standard",
        "practice",
        "principle",
        "checklist",
        "role",
        "competency",
        "path",
        "find",
    }


def test_no_stale_goldens() -> None:
    expected = {golden_path(lang, doc) for lang, doc in _cases()}
    root = golden_path("en", "x").parent.parent
    found = {path for path in root.rglob("*.md")}
    assert found <= expected, sorted(str(p) for p in found - expected)
