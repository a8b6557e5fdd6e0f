"""Building the index and finding a fresh one.

`kb build` calls `write_index(kb, project, site_dir)`, which puts the index in
`<site>/_kb/search/`, with the browser's copy of it in `<site>/_kb/search/static/`
(static.py). An index whose fingerprint matches the content (the site's or the one
`kb search` keeps in `<project>/.kb/cache/search/`) is copied; otherwise the index is
built there, from chunks (chunks.py): only the chunks whose documents changed are
analysed and written again. `kb search` uses the built site's index when it
matches the content, else the cached one, (re)building the cache when it is
missing or stale; it never writes into the site.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator import __version__, files
from generator.config import Project
from generator.content.knowledge import KnowledgeBase
from generator.search import chunks, static
from generator.search.analysis import FIELDS, field_name, is_pair
from generator.search.chunks import ChunkStore, Forms
from generator.search.documents import search_documents
from generator.search.manifest import FORMAT, ContentState, Manifest, fresh_index, site_index_dir
from generator.search.searcher import FORMS

Progress = Callable[[str], None]


def write_index(kb: KnowledgeBase, project: Project, site_dir: Path, progress: Progress | None = None,
                content: ContentState | None = None) -> Path:
    """Put an index of `kb` into `<site_dir>/_kb/search/`: a copy of the site's or the cache's index if
    it is of the content as it is (or as `content` saw it), else one built there (from cached chunks)."""
    content = content or ContentState(project)
    target = site_index_dir(site_dir)
    source = fresh_index(project, content)
    if source is None:
        build_index(kb, project, target, progress, content)
    elif source.resolve() != target.resolve():
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, target)
    return target


def build_index(kb: KnowledgeBase, project: Project, folder: Path, progress: Progress | None = None,
                content: ContentState | None = None) -> Manifest:
    """Build a complete index of `kb` beside `folder`, then swap it in (readers never see half an index).

    The index is made of chunks (chunks.py): those whose documents did not change since an earlier
    build are taken from the cache, the others are analysed and written. `content`: the content
    files' state the manifest records (default: as they are now)."""
    content = content or ContentState(project)
    signature, fingerprint = content.signature, content.fingerprint
    files.remove_stale(folder.parent, f"{folder.name}.tmp-")
    staging = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    store = ChunkStore(files.cache_dir(project.root) / chunks.FOLDER, list(kb.languages), _chunk_salt(kb))
    try:
        collected, segments, forms = _chunks(kb, store, progress)
        if progress:
            progress(f"search index: {store.made} of {len(segments)} chunks indexed anew, the others reused"
                     if store.made < len(segments) else f"search index: {len(segments)} chunks indexed")
        _write(staging, segments, collected, forms, kb, site_index_dir(project.site_dir) / static.FOLDER)
        count = len(collected.docs)
        manifest = Manifest(fingerprint, signature, list(kb.languages), kb.default_language, count, _facets(kb))
        manifest.save(staging)
        files.replace_folder(staging, folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    store.prune()
    return manifest


def _chunk_salt(kb: KnowledgeBase) -> str:
    """What a chunk's analysis depends on besides its documents: the index format and the analysis tables."""
    table = static.analysis_table(list(kb.languages))
    return f"{FORMAT} {__version__} {json.dumps(table, sort_keys=True, ensure_ascii=False)}"


def _chunks(kb: KnowledgeBase, store: ChunkStore,
            progress: Progress | None) -> tuple[static.Collector, list[tuple[Path, int]], Forms]:
    """Every chunk, one at a time (only one chunk's analysis is in memory): their documents' terms
    collected in order, their segments (file, documents) and the word forms."""
    every = chunks.span(sum(1 for item in kb.items.values() if item.kind != "taxonomy" and item.is_active))
    collected = static.Collector()
    segments: list[tuple[Path, int]] = []
    forms: Forms = {}
    for run in chunks.runs(search_documents(kb), every):
        made = store.made
        chunk = store.chunk(run)
        segments.append((chunk.segment, chunk.documents))
        collected.extend(chunk.collected)
        for lang, table in chunk.forms.items():
            for word, stems in table.items():
                forms.setdefault(lang, {}).setdefault(word, set()).update(stems)
        if progress and store.made > made and store.made % 4 == 0:
            progress(f"search index: {store.made} chunks indexed")
    return collected, segments, forms


def _write(folder: Path, segments: list[tuple[Path, int]], collected: static.Collector, forms: Forms,
           kb: KnowledgeBase, previous: Path) -> None:
    """The index in `folder`: Whoosh's segments, the arrays and words beside them, the word forms,
    and the browser's index (its files unchanged since `previous` linked, not written)."""
    from generator.search import engine

    languages = list(kb.languages)
    engine.assemble(folder, segments, languages)
    words = {lang: {term for name in FIELDS for term in collected.fields.get(field_name(name, lang), {})
                    if not is_pair(term)} for lang in languages}
    engine.write_arrays(folder, [doc["id"] for doc in collected.docs], [doc["title"] for doc in collected.docs],
                        words)
    listed = {lang: {word: sorted(stems) for word, stems in sorted(table.items())} for lang, table in forms.items()}
    (folder / FORMS).write_text(json.dumps(listed, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                encoding="utf-8")
    static.export(folder / static.FOLDER, collected, languages, kb.default_language, listed, previous)


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
