"""The index in chunks, so that a build after a change analyses and writes only what changed.

The documents come in their one order (by item id, then language). A chunk ends
after an item whose id hashes to 0 modulo `span`, a power of two chosen from the
number of items (about `CHUNKS` chunks): adding, changing or deleting an item
changes only its own chunk, and the order of the documents stays what it is. A
chunk is kept in `.kb/cache/search-chunks/<fingerprint>/`, the fingerprint
hashing its documents and the analysis they went through: its Whoosh segment
(named after the fingerprint) and what the rest of the index needs of it, the
stored fields, each document's terms and counts, and the word forms whose stem
needs their diacritics. The index is the chunks' segments in order (engine.assemble),
so an index built from the cache and one built from nothing have the same bytes.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import shutil
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator import files
from generator.search import engine
from generator.search.analysis import fold, stem, strip_marks
from generator.search.documents import SearchDoc
from generator.search.static import Collector

CHUNKS = 16  # about this many chunks, whatever the size (each is a segment every query reads)
MIN_SPAN = 16  # items per chunk on small knowledge bases
FOLDER = "search-chunks"  # in .kb/cache
RECORD = "chunk.pickle"
_NAME = re.compile(r"[0-9a-f]{32}")
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters; those with a non-ASCII one are kept (linear time)
Json = dict[str, Any]
Forms = dict[str, dict[str, set[str]]]  # language -> folded word -> its true stems


@dataclass
class Chunk:
    """A run of documents, its Whoosh segment and what the browser's index and the typo list need of it:
    the documents' stored fields and terms (a Collector numbering them from 0), the word forms."""

    segment: Path
    collected: Collector = field(default_factory=Collector)
    forms: Forms = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return len(self.collected.docs)


def span(items: int) -> int:
    """Items per chunk on average, a power of two (it changes only when the size doubles or halves)."""
    return max(MIN_SPAN, 2 ** round(math.log2(max(1, items) / CHUNKS)))


def runs(docs: Iterable[SearchDoc], every: int) -> Iterator[list[SearchDoc]]:
    """The documents in runs, each ending after an item whose id hashes to 0 modulo `every`."""
    run: list[SearchDoc] = []
    for doc in docs:
        if run and run[-1].id != doc.id and _ends_run(run[-1].id, every):
            yield run
            run = []
        run.append(doc)
    if run:
        yield run


def _ends_run(item_id: str, every: int) -> bool:
    return zlib.crc32(item_id.encode("utf-8")) % every == 0


class ChunkStore:
    """The chunks kept in a cache folder; `chunk(docs)` returns a kept one or makes it."""

    def __init__(self, folder: Path, languages: list[str], salt: str) -> None:
        self.folder = folder
        self.languages = languages
        self.salt = salt
        self.used: set[str] = set()
        self.made = 0

    def chunk(self, docs: list[SearchDoc]) -> Chunk:
        key = self._key(docs)
        self.used.add(key)
        kept = self._read(key)
        if kept is not None:
            return kept
        self.made += 1
        return self._make(key, docs)

    def _key(self, docs: list[SearchDoc]) -> str:
        digest = hashlib.sha256(f"{self.salt}\0{self.languages}\0".encode())
        for doc in docs:
            digest.update(repr(doc).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:32]

    def _read(self, key: str) -> Chunk | None:
        folder = self.folder / key
        try:
            chunk = pickle.loads(zlib.decompress((folder / RECORD).read_bytes()))
        except Exception:  # noqa: BLE001 - missing or damaged: made again
            return None
        if (not isinstance(chunk, Chunk) or not isinstance(getattr(chunk, "collected", None), Collector)
                or not (folder / chunk.segment.name).is_file()):
            return None
        chunk.segment = folder / chunk.segment.name
        return chunk

    def _make(self, key: str, docs: list[SearchDoc]) -> Chunk:
        """Analyse the documents once (for Whoosh and for the record), write both, then move them in."""
        staging = self.folder / f"{key}.tmp-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        analysed: engine.Analysed = {}
        chunk = Chunk(staging / "segment")
        for doc in docs:
            chunk.collected.add(doc, analysed)
            _note_forms(doc, chunk.forms)
        try:
            segment = engine.write_segment(staging, docs, self.languages, segid=key, analysed=analysed)
            for path in staging.iterdir():
                if path != segment:
                    path.unlink()
            chunk.segment = Path(segment.name)
            files.atomic_write(staging / RECORD, zlib.compress(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL), 1))
            shutil.rmtree(self.folder / key, ignore_errors=True)
            os.replace(staging, self.folder / key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        chunk.segment = self.folder / key / segment.name
        return chunk

    def prune(self) -> None:
        """Remove the kept chunks this build did not use, and what killed builds left."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            name, _, pid = entry.name.partition(".tmp-")
            if not _NAME.fullmatch(name) or entry.is_symlink():
                continue
            unused = not pid and name not in self.used
            if unused or (pid.isdigit() and int(pid) != os.getpid() and not files.process_alive(int(pid))):
                shutil.rmtree(entry, ignore_errors=True)


def _note_forms(doc: SearchDoc, forms: Forms) -> None:
    """'reclamație' stems to 'reclam' but 'reclamatie' to 'reclamat': remember folded -> true stem."""
    for (_, lang), texts in doc.texts.items():
        table = forms.setdefault(lang, {})
        for text in texts:
            for word in _LETTERS.findall(text):
                if not word.isascii():
                    accurate, plain, folded = _stems(word.lower(), lang)
                    if accurate != plain:
                        table.setdefault(folded, set()).add(accurate)


@lru_cache(maxsize=100_000)
def _stems(word: str, lang: str) -> tuple[str, str, str]:
    return fold(stem(word, lang)), fold(stem(strip_marks(word), lang)), fold(word)
