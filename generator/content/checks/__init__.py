"""Stage two: checks over the whole knowledge base, after every file is loaded.

Each check is a function (kb, diagnostics) -> None that appends what it finds.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.content.checks import advice, limits, references, structure, texts
from generator.content.knowledge import KnowledgeBase
from generator.diagnostics import Diagnostics, InternalError

Check = Callable[[KnowledgeBase, Diagnostics], None]

CHECKS: list[Check] = [
    structure.duplicate_ids,
    structure.one_taxonomy,
    references.references,
    references.taxonomy_keys,
    references.levels,
    structure.path_order,
    structure.unique_keys,
    texts.languages_and_html,
    limits.text_limits,
    advice.review_overdue,
    advice.review_in_future,
    advice.missing_translations,
    advice.translation_outdated,
    advice.practice_undecided,
    advice.standard_unused,
    advice.checklist_item_untranslated,
    advice.reference_retired,
]


def run_checks(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for check in CHECKS:
        try:
            check(kb, diagnostics)
        except Exception as exc:  # noqa: BLE001 - a bug in kb: report it with the check that failed
            raise InternalError(f"in the {check.__name__.replace('_', '-')} check", exc) from exc
