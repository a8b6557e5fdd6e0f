"""load -> validate -> KnowledgeBase: the one entry point every command (and the preview) uses.

`LoadCache` lets a long-running caller (`kb preview`) keep each file's item and
diagnostics until the file's size or modification time changes, the item
checks' findings for each unchanged item (`CheckMemo`) and the links of each
unchanged item; the checks across items run again every time.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Project
from generator.content.checks import CheckMemo, run_checks
from generator.content.files import discover, project_listing
from generator.content.knowledge import KnowledgeBase
from generator.content.load import Seen, load_file
from generator.content.models import Item
from generator.content.review import today
from generator.diagnostics import Diagnostics, Location, display_path


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Loading creates many long-lived containers and no garbage cycles worth collecting; the cyclic
    collector would rescan them again and again (it nearly doubles the time of 10,000 files)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Loaded:
    signature: tuple[int, int]
    item: Item | None
    diagnostics: Diagnostics
    seen: Seen = field(default_factory=Seen)


class LoadCache:
    """Each content file's load result, reused while the file's (mtime, size) stays the same."""

    def __init__(self) -> None:
        self._files: dict[str, _Loaded] = {}
        self.checks = CheckMemo()
        self.kb: KnowledgeBase | None = None  # the last one built, whose links from unchanged items are reused

    def load(self, path: str, info: os.stat_result | None, default_language: str, shown: str | None,
             root: Path | None = None) -> _Loaded:
        signature = (info.st_mtime_ns, info.st_size) if info is not None else (0, 0)
        cached = self._files.get(path)
        if cached is None or cached.signature != signature:
            diagnostics, seen = Diagnostics(), Seen()
            item = load_file(Path(path), diagnostics, default_language, seen, shown, root)
            cached = _Loaded(signature, item, diagnostics, seen)
        return cached

    def keep(self, loaded: dict[str, _Loaded]) -> None:
        """Forget files that are gone."""
        self._files = loaded


def build_knowledge_base(
    project: Project, only: Sequence[Path] = (), cache: LoadCache | None = None
) -> tuple[KnowledgeBase, Diagnostics]:
    """Load every content file and check the whole; `only` limits which files' problems are reported;
    `cache` (kept by the caller between calls) skips files unchanged since the last call."""
    with _cyclic_gc_paused():
        return _build(project, only, cache or LoadCache(), cache is not None)


def _build(project: Project, only: Sequence[Path], cache: LoadCache,
           kept: bool) -> tuple[KnowledgeBase, Diagnostics]:
    diagnostics = Diagnostics()
    folders = project.content_dirs
    for folder in folders:
        if not folder.exists():
            diagnostics.error(
                _location(project), "missing-folder", f"content folder '{display_path(folder)}' does not exist",
                "create it, or fix `kb.content` in the config",
            )
    items: list[Item] = []
    seen = Seen()
    loaded: dict[str, _Loaded] = {}
    cwd = os.path.join(os.getcwd(), "")
    for path, info in project_listing(project):
        # display_path() for the common case of a file below the working folder, without a relpath per file
        shown = path[len(cwd):].replace(os.sep, "/") if path.startswith(cwd) else None
        entry = loaded[path] = cache.load(path, info, project.default_language, shown, project.root)
        diagnostics.extend(entry.diagnostics)
        seen.update(entry.seen)
        if entry.item is not None:
            items.append(entry.item)
    cache.keep(loaded)
    kb = KnowledgeBase(
        items,
        project.languages,
        today(),
        project.options.review_every_months,
        project.options.review_due_days,
        anchor=display_path(folders[0]) if folders else display_path(project.root),
        previous=cache.kb,
    )
    cache.kb = kb
    kb.kinds_seen, kb.broken = seen.kinds, seen.broken
    run_checks(kb, diagnostics, cache.checks if kept else None)
    if only:
        wanted = {display_path(p.resolve()) for p in discover(only)}
        diagnostics = Diagnostics([d for d in diagnostics if d.location.path in wanted])
    return kb, diagnostics


def _location(project: Project) -> Location:
    return Location(display_path(project.config_path))
