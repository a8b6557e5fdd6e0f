"""Incremental work for `kb preview`: re-render only the pages a change can affect.

(Reloading only the changed files is the content pipeline's `LoadCache`.)
`affected_specs` says which item pages a change can alter: the changed items,
what they point at and what points at them (before and after the change), the
items whose Markdown names them (an id in prose is a link showing the title), plus
every index page; the pages' texts are then compared before anything is written.
When only texts that no other page shows changed (a standard's statement, why,
steps and the like: `BODY_FIELDS`), only the changed items' own pages are
rendered again (`body_only`).
"""

from __future__ import annotations

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item, Standard
from generator.content.types import Markdown, Ref
from generator.content.walk import iter_markers
from generator.lifecycle.translations import translation_status
from generator.render.pages import PageSpec, list_pages

WIDE_KINDS = ("taxonomy",)  # a change here can alter every page
# Fields shown on the item's own page only: no index, report or other item's page reads them (the
# translations report reads their translation state and the coverage report whether measures exist,
# both compared in `body_only`). A template that starts showing one elsewhere must drop it here.
BODY_FIELDS: dict[str, frozenset[str]] = {
    "standard": frozenset({"statement", "why", "steps", "authority", "measures", "do", "dont"}),
}


def changed_ids(old: KnowledgeBase, new: KnowledgeBase) -> set[str]:
    """Ids whose item was added, removed or changed in any way (content, status or file)."""
    changed = set()
    for item_id in old.items.keys() | new.items.keys():
        before, after = old.get(item_id), new.get(item_id)
        if before is after:
            continue
        if before is None or after is None or before != after or _file(before) != _file(after):
            changed.add(item_id)
    return changed


def _file(item: Item) -> str:
    return str(getattr(item.origin, "path", ""))


def _neighbours(kb: KnowledgeBase, item_id: str) -> set[str]:
    item = kb.get(item_id)
    found = {link.source.id for link in kb.referrers(item_id)}
    if item is not None:
        found |= {leaf.value for leaf, _ in iter_markers(item, Ref)}
        if "everyone" in getattr(item, "roles", ()):
            found |= {role.id for role in kb.of_kind("role")}
    return found | _mentioning(kb, item_id)


def _mentioning(kb: KnowledgeBase, item_id: str) -> set[str]:
    """Items whose Markdown contains `item_id` (more than render/id_links.py links: the page texts are
    compared before anything is written)."""
    return {other.id for other in kb.items.values()
            if any(item_id in text for leaf, _ in iter_markers(other, Markdown) for text in leaf.value.values())}


def affected_specs(old: KnowledgeBase | None, new: KnowledgeBase,
                   pages: list[PageSpec] | None = None) -> list[PageSpec] | None:
    """The pages to re-render after a change; None means all of them. `pages`: list_pages(new), if known."""
    if old is None or old.languages != new.languages:
        return None
    pages = list_pages(new) if pages is None else pages
    changed = changed_ids(old, new)
    if changed and all(body_only(old, new, item_id) for item_id in changed):
        return [spec for spec in pages if spec.item is not None and spec.item.id in changed]
    kinds = {kb.get(i).kind for kb in (old, new) for i in changed if kb.get(i) is not None}  # type: ignore[union-attr]
    if kinds & set(WIDE_KINDS):
        return None
    ids = set(changed)
    for item_id in changed:
        ids |= _neighbours(old, item_id) | _neighbours(new, item_id)
    keys = _area_and_channel_keys(old, new, changed) if kinds == {"standard"} else None
    return [spec for spec in pages if _wanted(spec, ids, keys)]


def _area_and_channel_keys(old: KnowledgeBase, new: KnowledgeBase, changed: set[str]) -> set[tuple[str, str]]:
    """The area and channel pages that list a changed standard (before or after the change)."""
    keys: set[tuple[str, str]] = set()
    for kb in (old, new):
        for item_id in changed:
            item = kb.get(item_id)
            if isinstance(item, Standard):
                keys.add(("area", item.area))
                keys.update(("channel", channel) for channel in item.channels)
    return keys


def _wanted(spec: PageSpec, ids: set[str], keys: set[tuple[str, str]] | None) -> bool:
    if spec.item is not None:
        return spec.item.id in ids
    if keys is not None and spec.kind in ("area", "channel"):
        return (spec.kind, spec.key) in keys  # only standards changed: other areas' pages are unchanged
    return True


def body_only(old: KnowledgeBase, new: KnowledgeBase, item_id: str) -> bool:
    """Whether the item changed only in texts that no page but its own shows (see BODY_FIELDS)."""
    before, after = old.get(item_id), new.get(item_id)
    if before is None or after is None or type(before) is not type(after) or _file(before) != _file(after):
        return False
    body = BODY_FIELDS.get(after.kind, frozenset())
    if any(getattr(before, name) != getattr(after, name) for name in type(after).model_fields if name not in body):
        return False
    if bool(getattr(before, "measures", None)) != bool(getattr(after, "measures", None)):
        return False  # the coverage report lists standards without measures
    if _refs(before) != _refs(after):
        return False
    return all(_translation(old, before, lang) == _translation(new, after, lang) for lang in new.languages)


def shown_elsewhere(kb: KnowledgeBase, item: Item) -> list[object]:
    """What pages other than the item's own can show of it (what `body_only` compares), as JSON data:
    `kb build` keeps a hash of it between builds (site/render_state.py)."""
    body = BODY_FIELDS.get(item.kind, frozenset())
    return [type(item).__name__, _file(item), item.model_dump(mode="json", exclude=set(body)),
            bool(getattr(item, "measures", None)), _refs(item),
            [list(_translation(kb, item, lang)) for lang in kb.languages]]


def _refs(item: Item) -> list[str]:
    return [leaf.value for leaf, _ in iter_markers(item, Ref)]


def _translation(kb: KnowledgeBase, item: Item, lang: str) -> tuple[object, ...]:
    """What the translations report and outdated markers show of an item's translation into `lang`."""
    status = translation_status(kb, item, lang)
    return status.state, status.stale, status.recorded, status.missing, status.total
