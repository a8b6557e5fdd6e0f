"""Which items `kb print` prints: ids checked against the knowledge base, with did-you-mean hints."""

from __future__ import annotations

from collections.abc import Sequence

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.diagnostics import suggest
from generator.printing import PRINTABLE_KINDS


class PrintError(Exception):
    """The printouts asked for cannot be made; the message says why and what would work."""


def select_items(kb: KnowledgeBase, ids: Sequence[str]) -> list[Item]:
    """The items named by `ids` (each once, in the order given), or PrintError listing every bad id."""
    printable = [item.id for kind in PRINTABLE_KINDS for item in kb.of_kind(kind)]
    found: dict[str, Item] = {}
    problems: list[str] = []
    for item_id in ids:
        item = kb.get(item_id)
        if item is None:
            problems.append(f"unknown id '{item_id}' ({suggest(item_id, printable)})")
        elif item.kind not in PRINTABLE_KINDS:
            problems.append(
                f"'{item_id}' is a {item.kind}, which has no printout; "
                f"only {', '.join(k + 's' for k in PRINTABLE_KINDS[:-1])} and {PRINTABLE_KINDS[-1]}s print"
            )
        else:
            found.setdefault(item_id, item)
    if problems:
        raise PrintError("\n".join(problems))
    return list(found.values())


def check_language(lang: str, languages: Sequence[str]) -> None:
    if lang not in languages:
        raise PrintError(
            f"unknown language '{lang}' ({suggest(lang, languages)}); the site's languages are set in `kb.languages`"
        )
