"""What the index holds: one search document per item and site language, made from the KnowledgeBase.

A document is for one page of the site (an item in one language). Its text is
grouped by the language it is written in: on the Polish site a standard whose
steps are not translated yet shows the English steps, so those are indexed with
the English analysis while the rest of the page is indexed as Polish. Retired
items and the taxonomy have no document. Nothing here imports Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Competency, Item, Path, Role
from generator.content.types import Text
from generator.content.walk import leaves
from generator.urls import item_url
from generator.words import kind_label

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"(^|\s)(#{1,6}|>|[-*+]|\d+[.)])\s+|[*_`~]+|<[^>]*>", re.MULTILINE)
_SPACES = re.compile(r"\s+")
_MAY_HAVE_MARKUP = re.compile(r"[#>*+_`~<-]|\d[.)]")  # most texts have none of _MD_MARKUP's characters


@dataclass
class SearchDoc:
    """One page of the site as the index sees it."""

    id: str
    lang: str
    kind: str
    url: str  # root-relative: '/pl/standards/complaint-first-contact/'
    title: str
    summary: str = ""
    area: str = ""
    status: str = "active"
    channels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    texts: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (field, language) -> texts
    parts: list[str] = field(default_factory=list)  # summary and body paragraphs, for snippets

    @property
    def key(self) -> str:
        return f"{self.lang}:{self.id}"

    def field_texts(self) -> dict[tuple[str, str], str]:
        """(field, language) -> the field's text in that language, as the index holds it (one text)."""
        return {key: "\n".join(texts) for key, texts in self.texts.items()}

    def add(self, name: str, lang: str, text: str) -> None:
        """Add `text`, written in `lang`, to field `name` (to `fallback` when not in the page's language)."""
        if text:
            self.texts.setdefault((name if lang == self.lang else "fallback", lang), []).append(text)


def plain_text(markdown: str) -> str:
    """Markdown as the reader sees it, on one line: links keep their text, markup goes."""
    text = _MD_LINK.sub(r"\1", markdown) if "[" in markdown else markdown
    if _MAY_HAVE_MARKUP.search(text):
        text = _MD_MARKUP.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def search_documents(kb: KnowledgeBase) -> Iterator[SearchDoc]:
    """Every document of the index, in a stable order (by id, then language)."""
    for item in sorted(kb.items.values(), key=lambda i: i.id):
        if item.kind == "taxonomy" or not item.is_active:
            continue
        for lang in kb.languages:
            yield _document(kb, item, lang)


def _document(kb: KnowledgeBase, item: Item, lang: str) -> SearchDoc:
    default = kb.default_language
    title, title_lang = _localized(kb, item.title, lang)
    summary, summary_lang = _localized(kb, item.summary, lang)
    doc = SearchDoc(
        id=item.id, lang=lang, kind=item.kind, url=item_url(item, lang, default, "/"),
        title=title, summary=summary, area=str(getattr(item, "area", "") or ""), status=item.status,
        channels=tuple(getattr(item, "channels", ()) or ()), roles=_roles(kb, item),
    )
    doc.add("title", title_lang, title)
    doc.add("summary", summary_lang, plain_text(summary))
    if summary:
        doc.parts.append(plain_text(summary))
    for leaf in leaves(item):
        if isinstance(leaf.value, Text) and leaf.path[0] not in ("title", "summary"):
            text, text_lang = _localized(kb, leaf.value, lang)
            doc.add("body", text_lang, plain_text(text))
            doc.parts.append(plain_text(text))
    for text in _meta(kb, item, lang):
        doc.add("body", lang, text)
    return doc


def _localized(kb: KnowledgeBase, text: Text | None, lang: str) -> tuple[str, str]:
    """The text shown on the `lang` site and the language it is really in."""
    value, is_fallback = kb.text(text, lang)
    return value, (kb.default_language if is_fallback else lang)


def _roles(kb: KnowledgeBase, item: Item) -> tuple[str, ...]:
    """The roles an item concerns, for the role filter ('everyone' matches every role)."""
    if isinstance(item, Role):
        return (item.id,)
    if isinstance(item, Path):
        return (item.role,)
    if isinstance(item, Competency):
        return tuple(role.id for role in kb.typed(Role) if item.id in role.competencies)
    return tuple(getattr(item, "roles", ()) or ())


def _meta(kb: KnowledgeBase, item: Item, lang: str) -> Iterator[str]:
    """Words a person may search by that are not in the item's own text: kind, area, channels, roles, tags."""
    yield kind_label(item.kind, lang)
    taxonomy = kb.taxonomy
    if taxonomy is not None:
        area = getattr(item, "area", None)
        if area in taxonomy.areas:
            yield kb.text(taxonomy.areas[area], lang)[0]
        for channel in getattr(item, "channels", ()) or ():
            if channel in taxonomy.channels:
                yield kb.text(taxonomy.channels[channel], lang)[0]
    for role_id in _roles(kb, item):
        role = kb.get(role_id)
        if role is not None and not isinstance(item, Role):
            yield kb.text(role.title, lang)[0]
    yield " ".join(tag.replace("-", " ") for tag in item.tags)
