"""Which pages a language's site has, and rendering them: one template per page kind.

`list_pages(kb)` lists every page (items and indexes) with its Markdown file; `render`
turns one into Markdown text (the body first, then the head, so the head knows
whether any text fell back to the default language). Output is deterministic:
pages, lists and links are sorted, nothing depends on time but `kb.today`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.content.types import SLUG_RE
from generator.render import index_pages, item_pages, report_pages
from generator.render.changes import changes_page, item_changes
from generator.render.env import template
from generator.render.escape import html_text
from generator.render.view import PageView, Renderer
from generator.urls import SECTIONS, item_doc

_BLANK_SPACES = re.compile(r"\n[ \t]+(?=\n)")
_BLANK_LINES = re.compile(r"\n{3,}")
REPORTS = ("review", "translations", "coverage", "drafts", "orphans")
ITEM_KINDS = ("standard", "practice", "principle", "checklist", "role", "competency", "path")


@dataclass(frozen=True)
class PageSpec:
    """One page: its Markdown file, its kind (the template), and what it shows."""

    doc: str
    kind: str
    item: Item | None = None
    key: str = ""  # the area or channel key, or the report name

    @property
    def page_id(self) -> str:
        return self.item.id if self.item is not None else (self.key or self.kind)


Builder = Callable[[PageView, PageSpec], dict[str, Any]]

BUILDERS: dict[str, Builder] = {
    "standard": item_pages.standard,
    "practice": item_pages.practice,
    "principle": item_pages.principle,
    "checklist": item_pages.checklist,
    "role": item_pages.role,
    "competency": item_pages.competency,
    "path": item_pages.path,
    "home": index_pages.home,
    "standards": index_pages.standards,
    "area": index_pages.area,
    "channel": index_pages.channel,
    "practices": index_pages.practices,
    "principles": index_pages.principles,
    "checklists": index_pages.checklists,
    "roles": index_pages.roles,
    "competencies": index_pages.competencies,
    "matrix": index_pages.matrix,
    "paths": index_pages.paths,
    "reports": report_pages.reports,
    "report-review": report_pages.report_review,
    "report-translations": report_pages.report_translations,
    "report-drafts": report_pages.report_drafts,
    "report-orphans": report_pages.report_orphans,
    "report-coverage": report_pages.report_coverage,
    "find": index_pages.find,
    "changes": changes_page,
}

INDEX_DOCS = {
    "home": "index.md",
    "standards": "standards/index.md",
    "practices": "practices/index.md",
    "principles": "principles/index.md",
    "checklists": "checklists/index.md",
    "roles": "roles/index.md",
    "competencies": "competencies/index.md",
    "matrix": "matrix.md",
    "paths": "paths/index.md",
    "reports": "reports/index.md",
    "find": "find.md",
    "changes": "changes.md",
}


def list_pages(kb: KnowledgeBase) -> list[PageSpec]:
    """Every page of a language's site, sorted by file."""
    specs = [PageSpec(doc, kind) for kind, doc in INDEX_DOCS.items()]
    specs += [PageSpec(f"reports/{name}.md", f"report-{name}", key=name) for name in REPORTS]
    taxonomy = kb.taxonomy
    if taxonomy is not None:
        specs += [PageSpec(f"areas/{safe_id(key)}.md", "area", key=key) for key in taxonomy.areas]
        specs += [PageSpec(f"channels/{safe_id(key)}.md", "channel", key=key) for key in taxonomy.channels]
    for kind in ITEM_KINDS:
        specs += [PageSpec(item_doc(item), kind, item) for item in kb.of_kind(kind) if safe_id(item.id)]
    return sorted(specs, key=lambda spec: spec.doc)


def safe_id(value: str) -> str:
    """Ids and keys are validated slugs; assert it again where they become file names."""
    if not SLUG_RE.match(value):
        raise ValueError(f"refusing to make a page for the id {value!r}: not a slug")
    return value


def render(spec: PageSpec, renderer: Renderer) -> str:
    view = PageView(renderer, spec.doc)
    context = BUILDERS[spec.kind](view, spec)
    body = template(f"{spec.kind}.md.j2").render(p=view, r=renderer, L=renderer.L, kb=renderer.kb, **context)
    head = template("_head.md.j2").render(p=view, r=renderer, L=renderer.L, **_head_context(view, spec, context))
    return tidy(head + body.strip("\n") + "\n" + _history(view, spec.item))


def _history(view: PageView, item: Item | None) -> str:
    """What changed, for readers: the editors' notes with their dates, else the dates alone (commit
    subjects and hashes are written for editors, not for staff reading the rule); see changes.py."""
    from generator.render.escape import md_text

    entries = item_changes(item, view.r.settings.history) if item is not None else []
    if not entries:
        return ""
    said = view.r.L
    latest = entries[0].date
    lines = ["", f"## {md_text(said['history_title'])} {{ #history }}", "",
             md_text(said["history_last_changed"].format(date=latest)), ""]
    for entry in entries:
        if entry.note:
            lines.append(f"- {entry.date} — {view.md_inline(entry.note, indent=2)}")
        elif entry.date != latest:
            lines.append(f"- {entry.date}")
    return "\n".join(lines) + "\n"


def tidy(markdown: str) -> str:
    """At most one blank line in a row (outside fenced code), so the Markdown reads well in a diff."""
    if "```" not in markdown and "~~~" not in markdown:
        return _BLANK_LINES.sub("\n\n", _BLANK_SPACES.sub("\n", markdown))
    out: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
        if not fence and not line.strip() and out and not out[-1].strip():
            continue
        out.append("" if not fence and not line.strip() else line)
    return "\n".join(out)


def _head_context(view: PageView, spec: PageSpec, context: dict[str, Any]) -> dict[str, Any]:
    r, item = view.r, spec.item
    if item is not None:
        title = r.plain(item.title)
        heading = view.heading(item.title)
        description = r.plain(item.summary) if item.summary else ""
    else:
        title = context["title"]
        heading = title
        description = ""
    return {
        "front_title": html_text(title),
        "description": html_text(description) if description else "",
        "heading": heading,
        "kind": spec.kind,
        "page_id": spec.page_id,
        "status": item.status if item is not None else "active",
        "in_search": item is None or item.is_active,
        "hide": context.get("hide", ()),
        "heading_class": context.get("heading_class", ""),
        "edit_url": r.edit_url(item) if item is not None else None,
        "fallback": view.fallback,
        "crumbs": _crumbs(view, item),
        **_lifecycle_context(view, item),
    }


def _crumbs(view: PageView, item: Item | None) -> list[tuple[str, str]]:
    """Where an item page sits: (label, URL) of the home page, its section and, for a standard, its area."""
    section = SECTIONS.get(item.kind) if item is not None else None
    if item is None or not section:
        return []
    said = view.r.L
    crumbs = [(said["home"], view.page_url("index.md")), (said[section], view.page_url(f"{section}/index.md"))]
    area = getattr(item, "area", None)
    taxonomy = view.r.kb.taxonomy
    if item.kind == "standard" and taxonomy is not None and area in taxonomy.areas:
        crumbs.append((view.r.plain(taxonomy.areas[area]), view.page_url(f"areas/{area}.md")))
    return crumbs


def _lifecycle_context(view: PageView, item: Item | None) -> dict[str, Any]:
    """What a team lead needs to see on the page: review state, outdated translation."""
    from generator.content.models import Reviewable
    from generator.lifecycle.reviews import review_badge
    from generator.lifecycle.translations import outdated_marker

    r = view.r
    badge = None
    if isinstance(item, Reviewable) and item.is_active:
        found = review_badge(r.kb, item, r.lang)
        if found.state in ("overdue", "due"):
            badge = {"kind": "danger" if found.state == "overdue" else "warning", "text": found.text,
                     "owner": view.link(item.owner)}
    outdated = outdated_marker(r.kb, item, r.lang) if item is not None and item.is_active else None
    return {"review_badge": badge, "outdated": outdated}


def render_all(renderer: Renderer, specs: Iterable[PageSpec] | None = None) -> dict[str, str]:
    """doc -> Markdown for every page (or the given ones)."""
    chosen = list_pages(renderer.kb) if specs is None else specs
    return {spec.doc: render(spec, renderer) for spec in chosen}
