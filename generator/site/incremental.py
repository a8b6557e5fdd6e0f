"""Incremental work for `kb preview`: reload only changed YAML files, re-render only affected pages.

`IncrementalLoader` keeps each file's item (and its diagnostics) until the file's
size or modification time changes, then rebuilds and re-checks the whole
KnowledgeBase from the cached items (checks are whole-knowledge-base by nature).
`affected_docs` says which item pages a change can alter: the changed items,
what they point at and what points at them (before and after the change), plus
every index page; the pages' texts are then compared before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Project
from generator.content.checks import run_checks
from generator.content.knowledge import KnowledgeBase
from generator.content.load import Seen, discover, load_file
from generator.content.models import Item, Standard
from generator.content.review import today
from generator.content.types import Ref
from generator.content.walk import iter_markers
from generator.diagnostics import Diagnostics, Location, display_path
from generator.render.pages import PageSpec, plan

WIDE_KINDS = ("taxonomy",)  # a change here can alter every page


@dataclass
class _Cached:
    signature: tuple[int, int]
    item: Item | None
    diagnostics: Diagnostics
    seen: Seen = field(default_factory=Seen)


class IncrementalLoader:
    def __init__(self) -> None:
        self._files: dict[Path, _Cached] = {}

    def load(self, project: Project) -> tuple[KnowledgeBase, Diagnostics]:
        """The same result as `build_knowledge_base`, re-reading only files that changed."""
        diagnostics = Diagnostics()
        folders = project.content_dirs
        for folder in folders:
            if not folder.exists():
                diagnostics.error(Location(display_path(project.config_path)), "missing-folder",
                                  f"content folder '{display_path(folder)}' does not exist",
                                  "create it, or fix `kb.content` in the config")
        paths = discover(f for f in folders if f.exists())
        self._files = {path: self._entry(path, project.default_language) for path in paths}
        items: list[Item] = []
        seen = Seen()
        for cached in self._files.values():
            diagnostics.extend(cached.diagnostics)
            seen.update(cached.seen)
            if cached.item is not None:
                items.append(cached.item)
        kb = KnowledgeBase(items, project.languages, today(), project.options.review_every_months,
                           project.options.review_due_days,
                           anchor=display_path(folders[0]) if folders else display_path(project.root))
        kb.kinds_seen, kb.broken = seen.kinds, seen.broken
        run_checks(kb, diagnostics)
        return kb, diagnostics

    def _entry(self, path: Path, default_language: str) -> _Cached:
        try:
            stat = path.stat()
            signature = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            signature = (0, 0)
        cached = self._files.get(path)
        if cached is not None and cached.signature == signature:
            return cached
        diagnostics, seen = Diagnostics(), Seen()
        item = load_file(path, diagnostics, default_language, seen)
        return _Cached(signature, item, diagnostics, seen)


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
    return found


def affected_specs(old: KnowledgeBase | None, new: KnowledgeBase) -> list[PageSpec] | None:
    """The pages to re-render after a change; None means all of them."""
    if old is None or old.languages != new.languages:
        return None
    changed = changed_ids(old, new)
    kinds = {kb.get(i).kind for kb in (old, new) for i in changed if kb.get(i) is not None}  # type: ignore[union-attr]
    if kinds & set(WIDE_KINDS):
        return None
    ids = set(changed)
    for item_id in changed:
        ids |= _neighbours(old, item_id) | _neighbours(new, item_id)
    keys = _area_and_channel_keys(old, new, changed) if kinds == {"standard"} else None
    return [spec for spec in plan(new) if _wanted(spec, ids, keys)]


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
