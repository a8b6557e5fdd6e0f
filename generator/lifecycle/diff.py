"""`kb diff BASE`: the items a branch added, changed and removed, and the translations it made outdated.

The content files at BASE (read from git: one `ls-tree`, one `cat-file --batch`)
are written to a temporary folder and loaded by the same loader as the working
tree, so both sides are typed items compared by id. A moved file with the same
id and text is no change. A change of `translated:` alone is not a content change.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Project
from generator.content.files import discover
from generator.content.fingerprint import source_fingerprint
from generator.content.knowledge import KnowledgeBase
from generator.content.load import load_files
from generator.content.models import Item
from generator.content.pipeline import build_knowledge_base
from generator.diagnostics import Diagnostics
from generator.lifecycle.gitrepo import Repo, content_at, find_repo, verify_revision
from generator.lifecycle.translations import translation_status


@dataclass(frozen=True)
class Change:
    item: str  # id
    kind: str
    title: str  # in the default language
    path: str  # the file, relative to the repository's top folder
    fields: tuple[str, ...] = ()  # for a changed item: the fields that differ


@dataclass(frozen=True)
class OutdatedTranslation:
    item: str
    kind: str
    title: str
    path: str
    languages: dict[str, str]  # lang -> its state now: outdated, unverified or missing (partly translated)


@dataclass(frozen=True)
class ContentDiff:
    base: str
    default_language: str
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    outdated: list[OutdatedTranslation] = field(default_factory=list)
    errors: int = 0  # files of the working tree that did not load (kb check says why)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def content_diff(project: Project, base: str) -> ContentDiff:
    """Compare the content at git revision `base` with the working tree; GitError when git cannot."""
    repo = find_repo(project.root)
    verify_revision(repo, base)
    old = _items_at(repo, base, project)
    new_kb, diagnostics = build_knowledge_base(project)
    old_kb = KnowledgeBase(old.values(), project.languages, new_kb.today)
    errors = len({d.location.path for d in diagnostics.errors})
    result = ContentDiff(base, new_kb.default_language, errors=errors)
    for item_id in sorted(set(old) | set(new_kb.items)):
        before, after = old.get(item_id), new_kb.items.get(item_id)
        if after is None:
            assert before is not None
            result.removed.append(_change(new_kb, before, before.origin.display))
            continue
        where = Path(os.path.relpath(after.origin.path, repo.top)).as_posix()
        if before is None:
            result.added.append(_change(new_kb, after, where))
            continue
        fields = _changed_fields(before, after)
        if fields:
            result.changed.append(_change(new_kb, after, where, fields))
        stale = _outdated_languages(old_kb, before, new_kb, after)
        if stale:
            title, _ = new_kb.text(after.title, new_kb.default_language)
            result.outdated.append(OutdatedTranslation(item_id, after.kind, title, where, stale))
    return result


def _items_at(repo: Repo, revision: str, project: Project) -> dict[str, Item]:
    """The items at `revision`, by id; each item's `origin.display` is its path relative to the top."""
    folders = repo.relative(project.content_dirs)
    files = content_at(repo, revision, folders)
    with tempfile.TemporaryDirectory(prefix="kb-diff-") as tmp:
        root = Path(tmp)
        for rel, data in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        items, _ = load_files(discover(root / f for f in folders if (root / f).exists()), Diagnostics(),
                              project.default_language)
        for item in items:
            item.origin.display = Path(os.path.relpath(item.origin.path, root)).as_posix()
    found: dict[str, Item] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def _change(kb: KnowledgeBase, item: Item, where: str, fields: tuple[str, ...] = ()) -> Change:
    title, _ = kb.text(item.title, kb.default_language)
    return Change(item.id, item.kind, title, where, fields)


def _changed_fields(before: Item, after: Item) -> tuple[str, ...]:
    old = before.model_dump(mode="json", exclude={"translated"})
    new = after.model_dump(mode="json", exclude={"translated"})
    names = list(type(after).model_fields) + [n for n in type(before).model_fields if n not in type(after).model_fields]
    return tuple(name for name in names if name != "translated" and old.get(name) != new.get(name))


def _outdated_languages(old_kb: KnowledgeBase, before: Item, new_kb: KnowledgeBase, after: Item) -> dict[str, str]:
    """Languages with text the branch's default-language changes left behind (not re-marked since)."""
    if source_fingerprint(before, old_kb.default_language) == source_fingerprint(after, new_kb.default_language):
        return {}
    stale: dict[str, str] = {}
    for lang in new_kb.languages[1:]:
        status = translation_status(new_kb, after, lang)
        if status.state in ("outdated", "unverified") or status.partial:
            stale[lang] = status.state
    return stale
