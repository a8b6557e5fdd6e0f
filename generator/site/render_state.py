"""What the last `kb build` rendered, so that the next one renders only the pages a change can alter.

With the cache on, `kb build` keeps each language's emitted MkDocs project in
`.kb/cache/project/<lang>` (files are written only when their text changed, and
files no page needs any more are removed: `LanguageProject.remove_strays`). Beside
it, `state.json` holds a hash of everything the render depends on besides the items
(`buildstamp.render_salt`) and, per item, two hashes: of everything it holds, and of
what other pages can show of it (every field but the standard's own texts, whether it
has measures, its references, its translation state: what `incremental.body_only`
compares). When the salt and the list of items are the same and every changed item's
second hash is the same, only the changed items' own pages are rendered again; the
project holds every other page as the last build wrote it. Anything else renders
every page. The state is removed when a build starts and written when it succeeded,
so a failed build leaves none and the next one renders everything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import buildstamp, files
from generator.config import Project
from generator.content.fingerprint import canonical
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.site.incremental import shown_elsewhere

STATE = "state.json"
_VERSION = 1


def project_folder(project: Project) -> Path:
    """Where `kb build` keeps the emitted projects (one folder per language)."""
    return files.cache_dir(project.root) / "project"


@dataclass
class RenderPlan:
    """`only`: the items whose own pages are the only ones to render again (None: every page)."""

    only: set[str] | None
    state: dict[str, Any] = field(default_factory=dict)

    def save(self, project: Project) -> None:
        """After a successful build: what it rendered, for the next one."""
        folder = project_folder(project)
        folder.mkdir(parents=True, exist_ok=True)
        files.atomic_write(folder / STATE, json.dumps(self.state, sort_keys=True).encode("utf-8"))


def plan(kb: KnowledgeBase, project: Project) -> RenderPlan:
    """Compare the knowledge base with the last build's state (which is removed: see the module)."""
    path = project_folder(project) / STATE
    try:
        old: Any = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        old = {}
    path.unlink(missing_ok=True)
    salt = buildstamp.render_salt(project)
    same = isinstance(old, dict) and old.get("version") == _VERSION and old.get("salt") == salt
    before: dict[str, list[str]] = old.get("items", {}) if same else {}
    items: dict[str, list[str]] = {}
    changed = set()
    for item_id, item in kb.items.items():
        whole = _whole(item)
        kept = before.get(item_id)
        if kept is not None and kept[0] == whole:
            items[item_id] = kept  # unchanged: what others show of it too
            continue
        items[item_id] = [whole, _shown_elsewhere(kb, item)]
        changed.add(item_id)
    state = {"version": _VERSION, "salt": salt, "items": items}
    if not same or before.keys() != items.keys() or any(items[i][1] != before[i][1] for i in changed):
        return RenderPlan(None, state)
    return RenderPlan(changed, state)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _whole(item: Item) -> str:
    return _sha(f"{type(item).__name__}\0{getattr(item.origin, 'path', '')}\0{item.model_dump_json()}")


def _shown_elsewhere(kb: KnowledgeBase, item: Item) -> str:
    """An item whose hash of this is unchanged changed only texts no page but its own shows."""
    return _sha(canonical(shown_elsewhere(kb, item)))
