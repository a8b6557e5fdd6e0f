"""Bounds on what a text may hold, so that every build takes time in proportion to its size.

Python-Markdown and the search indexer are fast on real prose but slow down more than linearly on
some shapes no editor writes on purpose: a word of hundreds of thousands of letters, thousands of
unclosed link brackets (`[a](` repeated), lists or quotes nested hundreds of levels deep (which end
in a RecursionError). The check refuses them at their line, naming the limit.
"""

from __future__ import annotations

import re

from generator.content.checks.texts import text_location
from generator.content.knowledge import KnowledgeBase
from generator.content.messages import label
from generator.content.models import Item
from generator.content.types import Text
from generator.content.walk import leaves
from generator.diagnostics import Diagnostics

MAX_WORD = 200  # letters in one word
MAX_BRACKETS = 200  # `[` in one text
MAX_INDENT = 40  # spaces before a line: lists nested about ten levels deep
MAX_QUOTES = 10  # `>` quote levels
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MAX_WORD + 1}}}")
_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1}}}", re.M)
_QUOTES = re.compile(rf"^(?:[ \t]*>){{{MAX_QUOTES + 1}}}", re.M)
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in (_LONG_WORD, _INDENT, _QUOTES)), re.M)


def problem(text: str) -> tuple[str, str] | None:
    """What in `text` is beyond a limit, and the hint; None when it is within every limit."""
    if _LONG_WORD.search(text):
        return f"a word is longer than {MAX_WORD} letters", "break it up; the search index and pages cannot use it"
    if text.count("[") > MAX_BRACKETS:
        return f"text holds more than {MAX_BRACKETS} '['", "split the text, or write fewer links"
    if _INDENT.search(text):
        return (f"a line is indented more than {MAX_INDENT} spaces", "nest lists at most about ten levels deep")
    if _QUOTES.search(text):
        return f"quotes are nested more than {MAX_QUOTES} levels deep", "use fewer `>` at the start of a line"
    return None


def text_limits(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    for leaf in leaves(item):
        if not isinstance(leaf.value, Text):
            continue
        for lang, text in leaf.value.items():
            suspect = text.count("[") > MAX_BRACKETS or _ANY.search(text)
            found = problem(text) if suspect else None
            if found:
                message, hint = found
                diagnostics.error(text_location(item, leaf.path, lang), "too-large",
                                  f"{message} in `{label(leaf.path)}`", hint)
