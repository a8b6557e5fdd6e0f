"""Building the index and finding a fresh one.

`kb build` calls `write_index(kb, project, site_dir)`, which puts the index in
`<site>/_kb/search/`, with the browser's copy of it in `<site>/_kb/search/static/`
(static.py). The index is rebuilt only when the content changed: the
last one built is kept in `<project>/.kb/cache/search/` and copied when its
fingerprint still matches. `kb search` uses the built site's index when it
matches the content, else the cached one, (re)building the cache when it is
missing or stale; it never writes into the site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from generator import files
from generator.config import Project
from generator.content.knowledge import KnowledgeBase
from generator.search import static
from generator.search.analysis import fold, stem, strip_marks
from generator.search.documents import SearchDoc, search_documents
from generator.search.manifest import ContentState, Manifest, cache_index_dir, fresh_index, site_index_dir
from generator.search.searcher import FORMS

Progress = Callable[[str], None]
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters; those with a non-ASCII one are kept (linear time)


def write_index(kb: KnowledgeBase, project: Project, site_dir: Path) -> Path:
    """Put an index of `kb` into `<site_dir>/_kb/search/`, reusing the last one if the content is unchanged."""
    target = site_index_dir(site_dir)
    source = fresh_index(project)
    if source is None:
        source = cache_index_dir(project)
        build_index(kb, project, source)
    if source.resolve() != target.resolve():
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, target)
    return target


def build_index(kb: KnowledgeBase, project: Project, folder: Path, progress: Progress | None = None) -> Manifest:
    """Build a complete index of `kb` beside `folder`, then swap it in (readers never see half an index)."""
    from generator.search import engine

    content = ContentState(project)
    signature, fingerprint = content.signature, content.fingerprint
    files.remove_stale(folder.parent, f"{folder.name}.tmp-")
    staging = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    forms: dict[str, dict[str, set[str]]] = {}
    collected = static.Collector()
    try:
        count = engine.write(staging, _collecting(search_documents(kb), forms, collected, progress), kb.languages)
        (staging / FORMS).write_text(_forms_json(forms), encoding="utf-8")
        manifest = Manifest(fingerprint, signature, list(kb.languages), kb.default_language, count, _facets(kb))
        static.export(staging / static.FOLDER, collected, kb.languages, kb.default_language,
                      json.loads((staging / FORMS).read_text(encoding="utf-8")))
        manifest.save(staging)
        files.replace_folder(staging, folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _collecting(docs: Iterator[SearchDoc], forms: dict[str, dict[str, set[str]]], collected: static.Collector,
                progress: Progress | None) -> Iterator[SearchDoc]:
    """Pass the documents through, noting the words whose stem needs their diacritics, and collecting
    each document's terms for the browser's index."""
    for number, doc in enumerate(docs, 1):
        collected.add(doc)
        for (_, lang), texts in doc.texts.items():
            table = forms.setdefault(lang, {})
            for text in texts:
                for word in _LETTERS.findall(text):
                    if not word.isascii():
                        _note_form(table, word.lower(), lang)
        if progress and number % 2000 == 0:
            progress(f"indexed {number} documents")
        yield doc


def _note_form(table: dict[str, set[str]], word: str, lang: str) -> None:
    """'reclamație' stems to 'reclam' but 'reclamatie' to 'reclamat': remember folded -> true stem."""
    accurate, plain, folded = _stems(word, lang)
    if accurate != plain:
        table.setdefault(folded, set()).add(accurate)


@lru_cache(maxsize=100_000)
def _stems(word: str, lang: str) -> tuple[str, str, str]:
    return fold(stem(word, lang)), fold(stem(strip_marks(word), lang)), fold(word)


def _forms_json(forms: dict[str, dict[str, set[str]]]) -> str:
    data = {lang: {word: sorted(stems) for word, stems in sorted(table.items())} for lang, table in forms.items()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _facets(kb: KnowledgeBase) -> dict[str, list[str]]:
    """The values each filter accepts."""
    taxonomy = kb.taxonomy
    return {
        "kind": sorted({item.kind for item in kb.items.values() if item.kind != "taxonomy"}),
        "area": sorted(taxonomy.areas) if taxonomy else [],
        "channel": sorted(taxonomy.channels) if taxonomy else [],
        "role": sorted(item.id for item in kb.of_kind("role")),
        "status": ["active", "draft"],
    }
