"""Coverage and orphans: where the onboarding paths leave a gap, and what nothing uses.

Findings, each pointing at the YAML line to change:

* competency-gap       a role requires a competency at a level that no step of the role's paths
                       builds (to that level);
* role-without-path    a role with required competencies or binding standards and no path at all
                       (its standards and competencies are then not listed one by one);
* standard-not-read    a standard binding a role (`roles: [role]` or `[everyone]`) that no step of
                       the role's paths reads (`read:`, directly);
* practice-undecided   a practice neither adopted (`adopted_from:` in a standard) nor rejected;
* standard-unused      a standard that binds no role and that no path step reads;
* checklist-unused     a checklist no other item links to (no path step reads it, no `related:`);
* competency-unused    a competency no role requires and no path step builds;
* standard-no-measure  a standard without `measures:`.

Retired items are left out everywhere; drafts count, since they are on their way in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content import usage
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item, Path, Role, Standard
from generator.diagnostics import Location

TITLES = {
    "competency-gap": "Competencies the role's paths do not build to the required level",
    "role-without-path": "Roles without any path",
    "standard-not-read": "Standards binding a role that none of its paths reads",
    "practice-undecided": "Practices neither adopted nor rejected",
    "standard-unused": "Standards that bind no role and that no path reads",
    "checklist-unused": "Checklists nothing uses",
    "competency-unused": "Competencies nothing uses",
    "standard-no-measure": "Standards without any measure",
}


@dataclass(frozen=True)
class Finding:
    code: str  # a key of TITLES
    item: Item  # the item whose file should change
    message: str
    where: tuple[Any, ...]  # the path of the field in the item's file
    data: dict[str, Any] = field(default_factory=dict)
    at_key: bool = False  # the field's key rather than its value

    @property
    def location(self) -> Location:
        """Found when asked (the site's report does not show it; a built site's files may need parsing
        again for it, see content/load.py's `release_documents`)."""
        return self.item.origin.location(self.where, self.at_key)


def coverage(kb: KnowledgeBase) -> dict[str, list[Finding]]:
    """Every finding, grouped by code in the order of TITLES (empty groups included)."""
    found: dict[str, list[Finding]] = {code: [] for code in TITLES}
    for role in kb.typed(Role, include_retired=False):
        for finding in role_gaps(kb, role):
            found[finding.code].append(finding)
    for finding in orphans(kb):
        found[finding.code].append(finding)
    return found


def _paths(kb: KnowledgeBase, role: Role) -> list[Path]:
    return [path for path in kb.paths_for_role(role) if path.is_active]


def _binding(kb: KnowledgeBase, role: Role) -> list[Standard]:
    return [standard for standard in kb.standards_for_role(role) if standard.is_active]


def role_gaps(kb: KnowledgeBase, role: Role) -> list[Finding]:
    """What `role` must know or follow that its paths do not teach."""
    paths, binding = _paths(kb, role), _binding(kb, role)
    if not paths:
        if not (role.competencies or binding):
            return []
        competencies = _count(len(role.competencies), "required competency", "required competencies")
        standards = _count(len(binding), "binding standard", "binding standards")
        message = f"role '{role.id}' has no path: its {competencies} and {standards} are taught by none"
        data = {"role": role.id, "competencies": len(role.competencies), "standards": len(binding)}
        return [Finding("role-without-path", role, message, ("id",), data)]
    return _competency_gaps(role, paths) + _unread_standards(role, paths, binding)


def _competency_gaps(role: Role, paths: list[Path]) -> list[Finding]:
    built: dict[str, int] = {}
    for path in paths:
        for phase in path.phases:
            for step in phase.steps:
                if step.builds:
                    built[step.builds.competency] = max(built.get(step.builds.competency, 0), step.builds.level)
    names = ", ".join(path.id for path in paths)
    findings = []
    for competency, required in role.competencies.items():
        reached = built.get(competency, 0)
        if reached >= required:
            continue
        how = f"its paths build it to level {reached} at most" if reached else "no step of its paths builds it"
        message = f"role '{role.id}' requires '{competency}' at level {required}; {how} ({names})"
        data = {"role": role.id, "competency": competency, "required": required, "built": reached}
        findings.append(Finding("competency-gap", role, message, ("competencies", competency), data, at_key=True))
    return findings


def _unread_standards(role: Role, paths: list[Path], binding: list[Standard]) -> list[Finding]:
    read = {ref for path in paths for phase in path.phases for step in phase.steps for ref in step.read}
    names = ", ".join(path.id for path in paths)
    findings = []
    for standard in binding:
        if standard.id in read:
            continue
        via = role.id if role.id in standard.roles else "everyone"
        message = f"standard '{standard.id}' binds '{role.id}'" + (" (everyone)" if via == "everyone" else "")
        message += f" but no path of the role reads it ({names})"
        where = ("roles", standard.roles.index(via))
        findings.append(Finding("standard-not-read", standard, message, where, {"role": role.id}))
    return findings


def orphans(kb: KnowledgeBase) -> list[Finding]:
    """Undecided practices, unused standards, checklists and competencies (`content.usage`, as the
    site's orphans page), and standards without measures."""
    findings = []
    for practice in usage.undecided_practices(kb):
        message = f"practice '{practice.id}' is neither adopted nor rejected"
        findings.append(Finding("practice-undecided", practice, message, ("id",)))
    for standard in usage.unused_standards(kb):
        message = f"standard '{standard.id}' binds no role and no path reads it"
        findings.append(Finding("standard-unused", standard, message, ("id",)))
    for checklist in usage.unused_checklists(kb):
        message = f"checklist '{checklist.id}' is read by no path step and linked from no item"
        findings.append(Finding("checklist-unused", checklist, message, ("id",)))
    for competency in usage.unused_competencies(kb):
        message = f"competency '{competency.id}' is required by no role and built by no path"
        findings.append(Finding("competency-unused", competency, message, ("id",)))
    for standard in kb.typed(Standard, include_retired=False):
        if not standard.measures:
            message = f"standard '{standard.id}' has no measure, so nobody can tell whether it is met"
            findings.append(Finding("standard-no-measure", standard, message, ("id",)))
    return findings


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
