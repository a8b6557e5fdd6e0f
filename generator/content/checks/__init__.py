"""Stage two: checks over the whole knowledge base, after every file is loaded.

Each check is a function (kb, diagnostics) -> None that appends what it finds.
The checks in `ITEM_CHECKS` look at one item at a time, (kb, item, diagnostics),
and read nothing of the knowledge base but what `ItemContext` holds, so a
`CheckMemo` kept by a long-running caller (`kb preview`) replays their findings
for an item object it has checked before instead of checking it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.content.checks import advice, limits, references, structure, texts
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.diagnostics import Diagnostic, Diagnostics, InternalError

Check = Callable[[KnowledgeBase, Diagnostics], None]
ItemCheck = Callable[[KnowledgeBase, Item, Diagnostics], None]

ITEM_CHECKS: list[ItemCheck] = [
    references.references,
    references.taxonomy_keys,
    references.levels,
    texts.languages_and_html,
    limits.text_limits,
    advice.review_overdue,
    advice.review_in_future,
    advice.missing_translations,
    advice.translation_outdated,
    advice.checklist_item_untranslated,
    advice.reference_retired,
]


def each_item(check: ItemCheck) -> Check:
    def run(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
        for item in kb.items.values():
            check(kb, item, diagnostics)

    run.__name__ = check.__name__
    return run


WHOLE_CHECKS: list[Check] = [
    structure.duplicate_ids,
    structure.one_taxonomy,
    structure.path_order,
    structure.unique_keys,
    advice.practice_undecided,
    advice.standard_unused,
]
_ITEM = [each_item(check) for check in ITEM_CHECKS]
CHECKS: list[Check] = [  # in the order they always ran
    *WHOLE_CHECKS[:2], *_ITEM[:3], *WHOLE_CHECKS[2:4], *_ITEM[3:9], *WHOLE_CHECKS[4:6], *_ITEM[9:],
]


@dataclass(frozen=True)
class ItemContext:
    """All an item check reads of the knowledge base besides the item: its settings, the taxonomy, and
    which ids exist with which kind and status (references resolve, or point at a retired item)."""

    languages: tuple[str, ...]
    today: object
    review_every_months: object
    review_due_days: object
    taxonomy: object
    items: tuple[tuple[str, str, bool], ...]
    broken: tuple[tuple[str, str], ...]
    duplicated: tuple[str, ...]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> ItemContext:
        return cls(tuple(kb.languages), kb.today, kb.review_every_months, kb.review_due_days, kb.taxonomy,
                   tuple((item.id, item.kind, item.is_active) for item in kb.items.values()),
                   tuple(kb.broken.items()), tuple(again.id for _, again in kb.duplicates))


class CheckMemo:
    """The item checks' findings per item object (items are immutable; an unchanged file keeps its object)."""

    def __init__(self) -> None:
        self.context: ItemContext | None = None
        self.found: dict[int, tuple[Item, list[Diagnostic]]] = {}  # id(item) -> (item, its findings)

    def run(self, kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
        context = ItemContext.of(kb)
        if context != self.context:
            self.context, self.found = context, {}
        found: dict[int, tuple[Item, list[Diagnostic]]] = {}
        for item in kb.items.values():
            kept = self.found.get(id(item))
            if kept is None or kept[0] is not item:
                own = Diagnostics()
                for check in ITEM_CHECKS:
                    _guarded(check.__name__, check, kb, item, own)
                kept = (item, own.items)
            found[id(item)] = kept
            diagnostics.extend(kept[1])
        self.found = found


def run_checks(kb: KnowledgeBase, diagnostics: Diagnostics, memo: CheckMemo | None = None) -> None:
    """Every check; `memo` replays the item checks' findings for items it has seen."""
    for check in WHOLE_CHECKS if memo is not None else CHECKS:
        _guarded(check.__name__, check, kb, diagnostics)
    if memo is not None:
        memo.run(kb, diagnostics)


def _guarded(name: str, check: Callable[..., None], *args: object) -> None:
    try:
        check(*args)
    except Exception as exc:  # noqa: BLE001 - a bug in kb: report it with the check that failed
        raise InternalError(f"in the {name.replace('_', '-')} check", exc) from exc
