"""Review lifecycle by owner: overdue, due within `review_due_days`, never reviewed, or current.

The state itself is `generator.content.review.review_state` (KnowledgeBase.review);
this module groups it for the report and words it for a page's badge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Reviewable
from generator.content.review import ReviewState
from generator.words import words

ORDER = {"overdue": 0, "due": 1, "never": 2, "current": 3}


@dataclass(frozen=True)
class ReviewEntry:
    item: Reviewable
    review: ReviewState


@dataclass(frozen=True)
class Badge:
    """What a page shows near its title: `state` (overdue|due|never|current) for styling, and the text."""

    state: str
    text: str


def reviewables(kb: KnowledgeBase) -> list[Reviewable]:
    """Active standards, checklists and paths, sorted by id."""
    return sorted(
        (item for item in kb.items.values() if isinstance(item, Reviewable) and item.is_active),
        key=lambda item: item.id,
    )


def review_entries(
    kb: KnowledgeBase, include_current: bool = False, owners: Sequence[str] = ()
) -> dict[str, list[ReviewEntry]]:
    """Per owner (sorted), the items needing attention first, then by due date and id."""
    grouped: dict[str, list[ReviewEntry]] = defaultdict(list)
    for item in reviewables(kb):
        state = kb.review(item)
        if (state.state == "current" and not include_current) or (owners and item.owner not in owners):
            continue
        grouped[item.owner].append(ReviewEntry(item, state))
    for entries in grouped.values():
        entries.sort(key=lambda e: (ORDER[e.review.state], e.review.due or date.min, e.item.id))
    return {owner: grouped[owner] for owner in sorted(grouped)}


def review_counts(kb: KnowledgeBase) -> dict[str, int]:
    counts = dict.fromkeys(ORDER, 0)
    for item in reviewables(kb):
        counts[kb.review(item).state] += 1
    return counts


def review_badge(kb: KnowledgeBase, item: Reviewable, lang: str) -> Badge:
    """'Review overdue since 2025-01-15', 'Review due by …', 'Not reviewed yet' or 'Reviewed … · next review by …'."""
    state = kb.review(item)
    text = words(lang)[f"review_badge_{state.state}"].format(due=state.due, reviewed=item.reviewed)
    return Badge(state.state, text)
