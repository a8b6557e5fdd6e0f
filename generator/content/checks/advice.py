"""Warnings (errors with --strict): what is not wrong yet, but needs a team lead's attention.

Most look at one item each (`ITEM_CHECKS` in __init__.py), the rest at the whole.
"""

from __future__ import annotations

from generator.content import usage
from generator.content.fingerprint import source_fingerprint
from generator.content.knowledge import KnowledgeBase
from generator.content.messages import label
from generator.content.models import Checklist, Item, Reviewable
from generator.content.types import Ref, Text
from generator.content.walk import iter_markers, leaves
from generator.diagnostics import Diagnostics


def review_overdue(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    if not isinstance(item, Reviewable) or not item.is_active:
        return
    state = kb.review(item)
    if state.state == "overdue":
        diagnostics.warning(
            item.origin.location(("reviewed",)), "review-overdue",
            f"review of '{item.id}' is overdue since {state.due}",
            f"review it with its owner '{item.owner}' and set `reviewed:` to the review date",
        )


def review_in_future(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    """A future `reviewed:` date would hide the item from review reports for a year or more."""
    if isinstance(item, Reviewable) and item.reviewed is not None and item.reviewed > kb.today:
        diagnostics.warning(
            item.origin.location(("reviewed",)), "review-in-future",
            f"`reviewed:` {item.reviewed.isoformat()} is in the future (today is {kb.today.isoformat()})",
            "set it to the date the review took place",
        )


def missing_translations(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    if not item.is_active:
        return
    texts = [leaf for leaf in leaves(item) if isinstance(leaf.value, Text) and not _checklist_item(item, leaf.path)]
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


def translation_outdated(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    """A `translated: {pl: …}` fingerprint that no longer matches the default-language text."""
    if not item.is_active or not item.translated:
        return
    now = source_fingerprint(item, kb.default_language)
    for lang, recorded in sorted(item.translated.items()):
        where = item.origin.location(("translated", lang))
        if lang not in kb.languages[1:]:
            what = "the default language" if lang == kb.default_language else "not a language the site builds"
            diagnostics.warning(
                where, "translated-unknown-language", f"`translated.{lang}`: '{lang}' is {what}",
                f"remove it; translations are recorded for {', '.join(kb.languages[1:]) or 'no language'}",
            )
        elif recorded != now:
            diagnostics.warning(
                where, "translation-outdated",
                f"the '{lang}' translation of '{item.id}' is outdated: the {kb.default_language} text changed "
                "since it was translated",
                f"update the {lang} texts, then run `kb i18n mark {item.id} --lang {lang}`",
            )


def _checklist_item(item: object, path: tuple) -> bool:
    """A checklist item's text: `checklist_item_untranslated` reports it, once."""
    return isinstance(item, Checklist) and path[-1] == "text"


def practice_undecided(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for practice in usage.undecided_practices(kb):
        diagnostics.warning(
            practice.origin.location(("id",)), "practice-undecided",
            f"practice '{practice.id}' is neither adopted nor rejected",
            "adopt it with `adopted_from:` in a standard, or explain `rejected:`",
        )


def standard_unused(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for standard in usage.unused_standards(kb):
        diagnostics.warning(
            standard.origin.location(("id",)), "standard-unused",
            f"standard '{standard.id}' binds no role and no path reads it",
            "add `roles:` or list it under `read:` in a path step",
        )


def checklist_item_untranslated(kb: KnowledgeBase, checklist: Item, diagnostics: Diagnostics) -> None:
    if not isinstance(checklist, Checklist) or not checklist.is_active:
        return
    for s, (_, items) in enumerate(checklist.all_sections()):
        for i, entry in enumerate(items):
            missing = [lang for lang in kb.languages if lang not in entry.text]
            if missing:
                base = ("sections", s, "items", i) if checklist.sections else ("items", i)
                diagnostics.warning(
                    checklist.origin.location((*base, "text")), "item-untranslated",
                    f"checklist item has no text in {', '.join(repr(x) for x in missing)}",
                    f"add {', '.join(f'`{x}:`' for x in missing)} to its text, or the printed checklist "
                    f"shows the {kb.default_language} text",
                )


def reference_retired(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    """An active item that still points at a retired one sends readers to a rule no longer in force."""
    if not item.is_active:
        return
    for leaf, _ in iter_markers(item, Ref):  # the item's links (KnowledgeBase.links)
        target = kb.get(leaf.value)
        if target is not None and not target.is_active:
            diagnostics.warning(
                item.origin.location(leaf.path), "reference-retired",
                f"'{leaf.value}' is retired",
                f"remove the reference from '{item.id}' or point it at the {target.kind} that replaced it",
            )
