"""Every text is in a configured language and holds no raw HTML."""

from __future__ import annotations

import re

from generator.content.knowledge import KnowledgeBase
from generator.content.messages import join_hints, label
from generator.content.models import Item
from generator.content.types import Text
from generator.content.walk import leaves
from generator.diagnostics import Diagnostics, suggest

# A tag (<b>, </div>, <img src=x>, <img/src=x>, <br/>) or a comment; "< 5 min" and "a<b" are not tags.
HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?/?>|!--)")  # `<img/src=x/onerror=…>` too


def languages_and_html(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    allowed = set(kb.languages)
    for leaf in leaves(item):
        if not isinstance(leaf.value, Text):
            continue
        for lang, text in leaf.value.items():
            if lang not in allowed:
                diagnostics.error(
                    item.origin.location((*leaf.path, lang), key=True), "unknown-language",
                    f"unknown language code '{lang}' in `{label(leaf.path)}`",
                    join_hints(
                        suggest(lang, kb.languages), "the languages are set by `kb.languages` in mkdocs.yml"
                    ),
                )
            match = HTML_TAG.search(text)
            if match:
                diagnostics.error(
                    text_location(item, leaf.path, lang),
                    "raw-html", f"raw HTML `{' '.join(match.group(0).split())[:40]}` in `{label(leaf.path)}`",
                    "use Markdown instead (**bold**, [link](https://…), lists); HTML is not allowed in content",
                )


def text_location(item, path, lang):
    """Where one language's text of a field stands (the field, when it was written as a plain text)."""
    return item.origin.location((*path, lang) if _is_mapping(item, path) else path)


def _is_mapping(item, path) -> bool:
    """Whether the text was written as a language mapping (so the language key has a position)."""
    document = item.origin.document
    node = document.data
    for part in path:
        node = node[part]
    return isinstance(node, dict)
