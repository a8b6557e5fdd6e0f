"""The site's navigation for one language: sections and their index pages, never every item.

Material writes the whole nav into every page, so a nav listing each of N items
makes the build quadratic; sections with index pages keep it linear. Item pages
are reached through the indexes, the chips and search. Titles are HTML-escaped
here because MkDocs' templates print nav titles as they are.
"""

from __future__ import annotations

from typing import Any

from generator.content.models import Role
from generator.render.escape import html_text
from generator.render.pages import REPORTS
from generator.render.view import Renderer

# Folders whose pages are not all in the nav (MkDocs' `not_in_nav`, gitignore-style patterns).
ITEM_FOLDERS = ("standards", "practices", "principles", "checklists", "roles", "competencies", "paths", "channels")


def _entry(title: str, target: Any) -> dict[str, Any]:
    return {str(html_text(title)): target}


def build_nav(renderer: Renderer) -> list[Any]:
    r, L = renderer, renderer.L
    taxonomy = r.kb.taxonomy
    areas = [_entry(r.plain(name), f"areas/{key}.md") for key, name in (taxonomy.areas.items() if taxonomy else [])]
    # channel pages: from the standards index
    standards: list[Any] = ["standards/index.md", *areas, _entry(L["history_title"], "changes.md")]
    roles = [_entry(r.plain(role.title), f"roles/{role.id}.md") for role in r.typed(Role)]
    return [
        _entry(L["home"], "index.md"),
        _entry(L["standards"], standards),
        _entry(L["practices"], "practices/index.md"),
        _entry(L["principles"], "principles/index.md"),
        _entry(L["checklists"], "checklists/index.md"),
        _entry(L["find"], "find.md"),
        _entry(L["onboarding"], [
            "paths/index.md",
            _entry(L["roles"], ["roles/index.md", *roles]),
            _entry(L["competencies"], "competencies/index.md"),
            _entry(L["matrix"], "matrix.md"),
        ]),
        _entry(L["reports"], ["reports/index.md", *[
            _entry(L[f"report_{name}"], f"reports/{name}.md") for name in REPORTS
        ]]),
    ]


def not_in_nav() -> str:
    """Item pages are reached through indexes and search, on purpose."""
    return "".join(f"/{folder}/*.md\n" for folder in ITEM_FOLDERS)
