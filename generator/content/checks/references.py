"""Every reference resolves: ids to items of the right kind, taxonomy keys, scale levels (one item at a time)."""

from __future__ import annotations

from generator.content.knowledge import KnowledgeBase
from generator.content.messages import join_hints
from generator.content.models import Item
from generator.content.types import Ref, ScaleLevel, TaxonomyKey
from generator.content.walk import iter_markers
from generator.diagnostics import Diagnostics, suggest


def references(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    duplicated = {again.id for _, again in kb.duplicates}  # already an error; which one is meant is unknown
    for leaf, ref in iter_markers(item, Ref):
        target_id = leaf.value
        if target_id in ref.keywords:
            continue
        target = kb.get(target_id)
        if target is not None and (not ref.kinds or target.kind in ref.kinds or target_id in duplicated):
            continue  # resolved (the common case: no position lookup needed)
        broken_kind = kb.broken.get(target_id)
        if target is None and broken_kind is not None and (not ref.kinds or broken_kind in ref.kinds):
            continue  # the target's own file has errors, reported there
        where = item.origin.location(leaf.path, key=leaf.is_key)
        wanted = _either(ref.kinds)
        if target is None and broken_kind is not None:
            diagnostics.error(
                where, "wrong-kind", f"'{target_id}' is a {broken_kind}, but a {wanted} is expected here"
            )
        elif target is None:
            candidates = _ids_of(kb, ref.kinds) if ref.kinds else [*kb.items, *kb.broken]
            diagnostics.error(
                where,
                "unknown-reference",
                f"unknown {wanted} '{target_id}'",
                suggest(target_id, [*candidates, *ref.keywords]),
            )
        else:
            diagnostics.error(
                where,
                "wrong-kind",
                f"'{target_id}' is a {target.kind}, but a {wanted} is expected here",
                suggest(target_id, _ids_of(kb, ref.kinds)),
            )


def _ids_of(kb: KnowledgeBase, kinds: tuple[str, ...]) -> list[str]:
    """The ids a reference of these kinds may name, items whose file has errors included."""
    return [i.id for k in kinds for i in kb.of_kind(k)] + [i for i, kind in kb.broken.items() if kind in kinds]


def taxonomy_keys(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    taxonomy = kb.taxonomy
    if taxonomy is None:
        return
    for leaf, key in iter_markers(item, TaxonomyKey):
        valid = getattr(taxonomy, key.group)
        if leaf.value not in valid:
            singular = key.group.rstrip("s")
            diagnostics.error(
                item.origin.location(leaf.path),
                f"unknown-{singular}",
                f"unknown {singular} '{leaf.value}'",
                join_hints(suggest(leaf.value, valid), f"{key.group} are defined in {taxonomy.origin.display}"),
            )


def levels(kb: KnowledgeBase, item: Item, diagnostics: Diagnostics) -> None:
    taxonomy = kb.taxonomy
    if taxonomy is None:
        return
    top = max(taxonomy.levels, default=0)
    for leaf, _ in iter_markers(item, ScaleLevel):
        if not 1 <= leaf.value <= top:
            diagnostics.error(
                item.origin.location(leaf.path, key=leaf.is_key),
                "level-out-of-scale",
                f"level {leaf.value} is outside the scale 1..{top}",
                f"the scale is defined by `levels` in {taxonomy.origin.display}",
            )


def _either(kinds: tuple[str, ...]) -> str:
    """'standard, practice or checklist' (or 'item' when any kind will do)."""
    if not kinds:
        return "item"
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"
