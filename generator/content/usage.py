"""What "unused" means, once: the rules the check's warnings, the site's orphans page and
`kb report coverage` all apply, so that they always name the same items.

Only active items count on either side: a retired path that reads a standard does not use it,
and a retired checklist is never reported as unused.
"""

from __future__ import annotations

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Checklist, Competency, Practice, Standard


def unused_standards(kb: KnowledgeBase) -> list[Standard]:
    """Standards that bind no role and that no active path step reads."""
    return [standard for standard in kb.typed(Standard, include_retired=False)
            if not standard.roles and not _read_by_path(kb, standard.id)]


def unused_checklists(kb: KnowledgeBase) -> list[Checklist]:
    """Checklists that no other active item links to (a path step, a standard, `related:`): naming a
    role in `roles:` alone does not put a checklist into anybody's routine."""
    return [checklist for checklist in kb.typed(Checklist, include_retired=False)
            if not _linked(kb, checklist.id)]


def unused_competencies(kb: KnowledgeBase) -> list[Competency]:
    """Competencies no active role requires and no active path builds."""
    return [competency for competency in kb.typed(Competency, include_retired=False)
            if not _linked(kb, competency.id, "role") and not _linked(kb, competency.id, "path")]


def undecided_practices(kb: KnowledgeBase) -> list[Practice]:
    """Practices that no standard adopts and that are not rejected either."""
    return [practice for practice in kb.typed(Practice, include_retired=False)
            if kb.practice_state(practice) == "candidate"]


def _read_by_path(kb: KnowledgeBase, item_id: str) -> bool:
    return any(link.field == "phases" and link.source.is_active for link in kb.referrers(item_id, "path"))


def _linked(kb: KnowledgeBase, item_id: str, kind: str | None = None) -> bool:
    return any(link.source.is_active and link.source.id != item_id for link in kb.referrers(item_id, kind))
