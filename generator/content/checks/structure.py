"""Checks on the shape of the whole: unique ids, one taxonomy, no cycles, unique step keys."""

from __future__ import annotations

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Checklist, Path
from generator.diagnostics import Diagnostics, Location


def duplicate_ids(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    for first, again in kb.duplicates:
        where = first.origin.location(("id",))
        diagnostics.error(
            again.origin.location(("id",)),
            "duplicate-id",
            f"duplicate id '{again.id}': already used by {where}",
            "ids are unique across the whole knowledge base; rename one of them",
        )


def one_taxonomy(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    taxonomies = kb.of_kind("taxonomy")
    if not taxonomies and "taxonomy" not in kb.kinds_seen:
        diagnostics.error(
            Location(kb.anchor),
            "missing-taxonomy",
            "no taxonomy found in the content folders",
            "add standards/taxonomy.yaml with `kind: taxonomy`; `kb new taxonomy taxonomy` writes one",
        )
    for extra in taxonomies[1:]:
        diagnostics.error(
            extra.origin.location(("kind",)),
            "second-taxonomy",
            f"a second taxonomy '{extra.id}' (the first is '{taxonomies[0].id}')",
            "keep exactly one taxonomy",
        )


def path_order(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    """`after` must not loop: a path cannot (even indirectly) follow itself."""
    paths = {p.id: p for p in kb.typed(Path)}
    reported: set[str] = set()
    for start in sorted(paths):
        cycle = _find_cycle(start, paths)
        if cycle and not reported.intersection(cycle):
            reported.update(cycle)
            path = paths[start]
            index = path.after.index(cycle[1]) if cycle[1] in path.after else 0
            diagnostics.error(
                path.origin.location(("after", index)),
                "cycle",
                "paths follow each other in a circle: " + " -> ".join(cycle),
                "remove one of these `after` entries",
            )


def _find_cycle(start: str, paths: dict[str, Path]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    while stack:
        current, trail = stack.pop()
        for nxt in paths[current].after if current in paths else []:
            if nxt == start:
                return [*trail, start]
            if nxt not in trail and nxt in paths:
                stack.append((nxt, [*trail, nxt]))
    return None


def unique_keys(kb: KnowledgeBase, diagnostics: Diagnostics) -> None:
    """Progress ticks and printed items are keyed; a key used twice would share a tick."""
    for path in kb.typed(Path):
        seen: dict[str, tuple] = {}
        for p, phase in enumerate(path.phases):
            for s, step in enumerate(phase.steps):
                key = kb.progress_key(step.key, step.do)
                where = ("phases", p, "steps", s, "key" if step.key else "do")
                _report_twice(kb, diagnostics, path, seen, key, where, "step")
    for checklist in kb.typed(Checklist):
        seen = {}
        for s, (_, items) in enumerate(checklist.all_sections()):
            for i, entry in enumerate(items):
                key = kb.progress_key(entry.key, entry.text)
                base = ("sections", s, "items", i) if checklist.sections else ("items", i)
                _report_twice(kb, diagnostics, checklist, seen, key, (*base, "key" if entry.key else "text"), "item")


def _report_twice(kb, diagnostics, item, seen, key, where, what) -> None:
    if key in seen:
        line = item.origin.location(seen[key]).line
        diagnostics.error(
            item.origin.location(where),
            "duplicate-key",
            f"{what} key '{key}' is used twice in '{item.id}' (first on line {line})",
            f"give each {what} its own `key:`",
        )
    else:
        seen[key] = where
