"""Where every item lives on the site: the one place that turns ids into URLs and paths.

The default language is at the root, every other language under `/<lang>/`.
Ids are validated slugs before they get here, so they are safe as path segments.
"""

from __future__ import annotations

from generator.content.models import Item

SECTIONS = {
    "standard": "standards",
    "practice": "practices",
    "principle": "principles",
    "checklist": "checklists",
    "role": "roles",
    "competency": "competencies",
    "path": "paths",
    "taxonomy": "",
}


def language_prefix(lang: str, default_language: str) -> str:
    """'' for the default language, 'pl/' for Polish."""
    return "" if lang == default_language else f"{lang}/"


def item_page(item: Item) -> str:
    """The item's page relative to its language root: 'standards/complaint-first-contact/'."""
    section = SECTIONS[item.kind]
    return f"{section}/{item.id}/" if section else ""


def item_doc(item: Item) -> str:
    """The Markdown file MkDocs renders into item_page(): 'standards/complaint-first-contact.md'."""
    section = SECTIONS[item.kind]
    return f"{section}/{item.id}.md" if section else "index.md"


def item_url(item: Item, lang: str, default_language: str, site_url: str = "/") -> str:
    """Absolute URL (or root-relative when site_url is '/') of the item's page in `lang`."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}{language_prefix(lang, default_language)}{item_page(item)}"


def print_file(item: Item, suffix: str = "pdf") -> str:
    """The printout relative to its language root: 'print/agent-first-30-days.pdf'."""
    return f"print/{item.id}.{suffix}"
