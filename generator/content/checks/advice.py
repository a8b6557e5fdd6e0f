"""Warnings (errors with --strict): what is not wrong yet, but needs a team lead's attention."""

from __future__ import annotations

from generator.content.knowledge import KnowledgeBase
from generator.content.messages import label
from generator.content.models import Checklist, Practice, Reviewable, Standard
from generator.content.types import Text
from generator.content.walk import leaves
from generator.diagnostics import Diagnostics


def review_overdue(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for item in kb.items.values():
        if not isinstance(item, Reviewable) or not item.is_active:
            continue
        state = kb.review(item)
        if state.state == "overdue":
            diagnostics.warning(
                item.origin.location(("reviewed",)), "review-overdue",
                f"review of '{item.id}' is overdue since {state.due}",
                f"review it with its owner '{item.owner}' and set `reviewed:` to the review date",
            )


def missing_translations(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for item in kb.items.values():
        if not item.is_active:
            continue
        texts = [leaf for leaf in leaves(item) if isinstance(leaf.value, Text)]
        for lang in kb.languages[1:]:
            missing = [leaf for leaf in texts if lang not in leaf.value]
            if not missing:
                continue
            names = [f"`{label(leaf.path)}`" for leaf in missing]
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            diagnostics.warning(
                item.origin.location(missing[0].path), "missing-translation",
                f"no '{lang}' translation of {shown}",
                f"add `{lang}:` to each text, or the {lang} site shows the {kb.default_language} text",
            )


def practice_undecided(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for practice in kb.typed(Practice, include_retired=False):
        if kb.practice_state(practice) == "candidate":
            diagnostics.warning(
                practice.origin.location(("id",)), "practice-undecided",
                f"practice '{practice.id}' is neither adopted nor rejected",
                "adopt it with `adopted_from:` in a standard, or explain `rejected:`",
            )


def standard_unused(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for standard in kb.typed(Standard, include_retired=False):
        read_by_path = any(link.field == "phases" for link in kb.referrers(standard.id, "path"))
        if not standard.roles and not read_by_path:
            diagnostics.warning(
                standard.origin.location(("id",)), "standard-unused",
                f"standard '{standard.id}' binds no role and no path reads it",
                "add `roles:` or list it under `read:` in a path step",
            )


def checklist_item_untranslated(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for checklist in kb.typed(Checklist, include_retired=False):
        for s, (_, items) in enumerate(checklist.all_sections()):
            for i, entry in enumerate(items):
                missing = [lang for lang in kb.languages if lang not in entry.text]
                if missing:
                    base = ("sections", s, "items", i) if checklist.sections else ("items", i)
                    diagnostics.warning(
                        checklist.origin.location((*base, "text")), "item-untranslated",
                        f"checklist item has no text in {', '.join(repr(x) for x in missing)}",
                        "printed checklists in that language would show the default-language text",
                    )
