"""The "Find a procedure" page: a search box and filters (kind, area, channel, role) over the procedures.

The site renderer calls `find_page_markdown(kb, lang)` and writes the result as
`find.md` (so the page is at `<language root>/find/`); `kb-find.js` drives it.
The page carries a plain list of every active standard, checklist and path with
its filter values, so the filters work on any static hosting; typed words are
answered by `/api/search` when the site is served by `kb serve`, and by a
simple word-prefix match on titles and summaries otherwise. Filters can be
preset by the address: `find/?area=complaints&role=agent`.
"""

from __future__ import annotations

import posixpath
from html import escape

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.search.analysis import fold
from generator.search.labels import kind_label
from generator.urls import item_page
from generator.words import words as labels

FIND_PAGE_DOC = "find.md"
FIND_PAGE_URL = "find/"
KINDS = ("standard", "checklist", "path")


def word(key: str, lang: str) -> str:
    """The page's word `key` in `lang`, from the site's locale files (`find_<key>`)."""
    return labels(lang)[f"find_{key}"]


def find_page_title(lang: str) -> str:
    """The page's title in `lang` (plain text)."""
    return labels(lang)["find"]


def find_page_markdown(kb: KnowledgeBase, lang: str, page_url: str = FIND_PAGE_URL) -> str:
    """The whole page in `lang`: a heading, then `find_page_body`."""
    return f"# {escape(find_page_title(lang), quote=False)}\n\n{find_page_body(kb, lang, page_url)}"


def find_page_body(kb: KnowledgeBase, lang: str, page_url: str = FIND_PAGE_URL) -> str:
    """The page without its heading: an intro and one raw HTML block (no blank line inside, every
    text escaped); links are relative to `page_url`, the page's address under the language root."""
    items = [item for kind in KINDS for item in kb.of_kind(kind, include_retired=False)]
    items.sort(key=lambda item: (KINDS.index(item.kind), fold(kb.text(item.title, lang)[0])))
    lines = [
        escape(word("intro", lang), quote=False), "",
        f'<div class="kb-find" data-kb-find data-kb-lang="{escape(lang)}" '
        f'data-kb-count="{escape(word("count", lang))}" data-kb-none="{escape(word("none", lang))}">',
        '<form class="kb-find__form" role="search">',
        f'<label class="kb-find__query"><span>{escape(word("search", lang))}</span>'
        f'<input type="search" name="q" maxlength="200" autocomplete="off"></label>',
        *_filters(kb, lang),
        "</form>",
        '<p class="kb-find__status" aria-live="polite"></p>',
        '<ol class="kb-find__results">',
        *(_entry(kb, item, lang, page_url) for item in items),
        "</ol>",
        "</div>", "",
    ]
    return "\n".join(lines)


def _filters(kb: KnowledgeBase, lang: str) -> list[str]:
    taxonomy = kb.taxonomy
    choices = {
        "kind": [(kind, kind_label(kind, lang)) for kind in KINDS],
        "area": [(key, kb.text(name, lang)[0]) for key, name in (taxonomy.areas.items() if taxonomy else [])],
        "channel": [(key, kb.text(name, lang)[0]) for key, name in (taxonomy.channels.items() if taxonomy else [])],
        "role": [(role.id, kb.text(role.title, lang)[0]) for role in kb.of_kind("role", include_retired=False)],
    }
    out = []
    for name, options in choices.items():
        rendered = "".join(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in options)
        out.append(f'<label class="kb-find__filter"><span>{escape(word(name, lang))}</span>'
                   f'<select name="{name}"><option value="">{escape(word("all", lang))}</option>{rendered}</select>'
                   "</label>")
    return out


def _entry(kb: KnowledgeBase, item: Item, lang: str, page_url: str) -> str:
    title = kb.text(item.title, lang)[0]
    summary = kb.text(item.summary, lang)[0]
    href = posixpath.relpath(item_page(item), page_url.rstrip("/") or ".") + "/"
    roles = list(getattr(item, "roles", []) or ([item.role] if hasattr(item, "role") else []))
    attributes = {
        "data-id": item.id, "data-kind": item.kind, "data-area": str(getattr(item, "area", "") or ""),
        "data-channels": " ".join(getattr(item, "channels", []) or []), "data-roles": " ".join(roles),
        "data-words": fold(f"{title} {summary}"),
    }
    attrs = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items())
    text = f'<p class="kb-find__summary">{escape(summary)}</p>' if summary else ""
    return (f'<li {attrs}><a href="{escape(href)}">{escape(title)}</a> '
            f'<span class="kb-find__kind">{escape(kind_label(item.kind, lang))}</span>{text}</li>')
