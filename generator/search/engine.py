"""The one module that knows Whoosh: the schema and analyzer, writing an index, reading it back.

Whoosh stores the index: per term, the documents that hold it and how often.
Ranking (`ranking.py`) reads those lists as arrays and scores them with numpy,
so the rest of the search package never sees Whoosh. Swapping the engine means
rewriting this module only.

Each text field exists once per language (`title_pl`, `body_en`, ...) so every
text is analysed with its own language's stemmer. Text fields keep term counts,
not positions: phrases are matched through the pair terms `analysis.py` adds.
An index is the segments of its chunks (chunks.py), in order, under one table
of contents; postings are read per segment and numbered as one index.
Beside the index: `words.json`, each language's words (typos.py); `items.npy` and
`titles.npy`, each document's item and place by title, as arrays (a cold
`kb search` reads them in a millisecond; Whoosh's columns take 100 ms).
"""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer, Token
from whoosh.codec.whoosh3 import W3Codec, W3Segment
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from generator.search.analysis import FIELDS, analyze, field_name, fold, is_pair
from generator.search.typos import write_words

if TYPE_CHECKING:
    from generator.search.documents import SearchDoc

ITEMS = "items.npy"
TITLE_RANKS = "titles.npy"
_INDEX = "MAIN"  # Whoosh's default index name: files MAIN_<segment>.seg, _MAIN_<generation>.toc
STORED_FIELDS = ("id", "lang", "kind", "area", "status", "channels", "roles", "title", "summary", "url", "parts")


Analysed = dict[tuple[str, str], Counter[str]]  # (language, text) -> its terms and counts, in order met


class KbAnalyzer(Analyzer):
    """Whoosh analyzer for one language: see analysis.py for what it emits.

    `analysed`: texts already analysed (while the same text's terms were collected for the browser's
    index), replayed instead of analysed again; not pickled with the schema."""

    def __init__(self, lang: str, analysed: Analysed | None = None) -> None:
        self.lang = lang
        self.analysed = analysed

    def __getstate__(self) -> dict[str, Any]:
        return {"lang": self.lang}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.lang, self.analysed = state["lang"], None

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterable[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        analysed = None if positions or chars else self.analysed
        known = analysed.get((self.lang, value)) if analysed is not None else None
        if known is not None:  # Whoosh counts the terms again: the same counts, in the same order
            for term, count in known.items():
                token.text, token.boost, token.stopped = term, 1.0, False
                for _ in range(count):
                    yield token
            return
        for term, word in analyze(value, self.lang):
            token.text, token.boost, token.stopped = term, 1.0, False
            if positions:
                token.pos = start_pos + word.pos
            if chars:
                token.startchar, token.endchar = start_char + word.start, start_char + word.end
            yield token


def schema(languages: list[str], analysed: Analysed | None = None) -> Schema:
    fields: dict[str, Any] = {
        "key": ID(unique=True), "id": ID(stored=True), "lang": ID(stored=True),
        "kind": ID(stored=True), "area": ID(stored=True), "status": ID(stored=True),
        "channels": KEYWORD(stored=True), "roles": KEYWORD(stored=True),
        "title": STORED(), "summary": STORED(), "url": STORED(), "parts": STORED(),
    }
    for lang in languages:
        for name in FIELDS:
            fields[field_name(name, lang)] = TEXT(analyzer=KbAnalyzer(lang, analysed), phrase=False)
    return Schema(**fields)


def text_fields(doc: SearchDoc) -> dict[str, str]:
    """The document's texts by the index's field names."""
    return {field_name(name, lang): text for (name, lang), text in doc.field_texts().items()}


class _NamedSegments(W3Codec):
    """Whoosh's codec, naming the new segment `segid` instead of at random (same content, same bytes)."""

    def __init__(self, segid: str) -> None:
        super().__init__()
        self.segid = segid

    def new_segment(self, storage: Any, indexname: str) -> W3Segment:
        return W3Segment(W3Codec(), indexname, segid=self.segid)


class _UndatedStorage(FileStorage):
    """Whoosh's file storage, except that the files inside a segment are dated 0 (the segment file lists
    its parts with their dates, which would make the same segment differ from build to build)."""

    def file_modified(self, name: str) -> float:
        return 0.0


def write_segment(folder: Path, docs: Iterable[SearchDoc], languages: list[str], segid: str,
                  analysed: Analysed | None = None) -> Path:
    """Write `docs` as one Whoosh segment named `segid` (letters and digits) into the new folder
    `folder`; returns the segment's file. `analysed`: the documents' texts already analysed."""
    folder.mkdir(parents=True, exist_ok=True)
    ix = _UndatedStorage(str(folder)).create_index(schema(languages, analysed))
    writer = ix.writer(limitmb=256, codec=_NamedSegments(segid))
    try:
        for doc in docs:
            writer.add_document(
                key=doc.key, id=doc.id, lang=doc.lang, kind=doc.kind, area=doc.area, status=doc.status,
                channels=" ".join(doc.channels), roles=" ".join(doc.roles), title=doc.title,
                summary=doc.summary, url=doc.url, parts=doc.parts, **text_fields(doc))
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)  # one segment: document numbers are the order documents were added in
    return folder / f"{_INDEX}_{segid}{W3Segment.COMPOUND_EXT}"


def assemble(folder: Path, segments: list[tuple[Path, int]], languages: list[str]) -> None:
    """Make `folder` (new) an index of these segments, in order: (segment file, its documents)."""
    folder.mkdir(parents=True, exist_ok=True)
    storage = FileStorage(str(folder))
    listed = []
    for path, count in segments:
        shutil.copyfile(path, folder / path.name)
        segment = W3Segment(W3Codec(), _INDEX, doccount=count, segid=path.stem.removeprefix(f"{_INDEX}_"))
        segment.compound = True
        listed.append(segment)
    TOC(schema(languages), listed, 1).write(storage, _INDEX)


def write_arrays(folder: Path, item_ids: list[str], titles: list[str], words: dict[str, set[str]]) -> None:
    """Beside the index: each document's item and place by title, and each language's words."""
    items: dict[str, int] = {}
    np.save(folder / ITEMS, np.array([items.setdefault(item, len(items)) for item in item_ids], dtype=np.int32))
    np.save(folder / TITLE_RANKS, _ranks([fold(title) for title in titles]))
    write_words(folder, words)


def _ranks(titles: list[str]) -> np.ndarray:
    """Each document's place when sorted by title (ties in document order)."""
    ranks = np.empty(len(titles), dtype=np.int32)
    ranks[sorted(range(len(titles)), key=titles.__getitem__)] = np.arange(len(titles), dtype=np.int32)
    return ranks


class Engine:
    """An opened index, safe to share between threads (each thread reads through its own reader)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ix = whoosh_index.open_dir(str(folder))
        self._local = threading.local()
        self._readers: list[Any] = []
        self._lock = threading.Lock()
        self.doc_count = int(self._reader().doc_count_all())

    def _reader(self) -> Any:
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._ix.reader()
            self._local.reader = reader
            with self._lock:
                self._readers.append(reader)
        return reader

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The documents holding `term` in `field` (ascending) and its count in each; None if none do."""
        reader = self._reader()
        if field not in reader.schema:
            return None
        found = [(offset, leaf) for leaf, offset in reader.leaf_readers() if (field, term) in leaf]
        if not found:
            return None
        if len(found) == 1:
            return _leaf_postings(found[0][1], field, term, found[0][0])
        parts = [_leaf_postings(leaf, field, term, offset) for offset, leaf in found]  # segments in order
        return np.concatenate([ids for ids, _ in parts]), np.concatenate([weights for _, weights in parts])

    def live_docs(self) -> np.ndarray | None:
        """Which document numbers are not deleted, or None when none are (an index is written whole)."""
        reader = self._reader()
        if not reader.has_deletions():
            return None
        live = np.zeros(self.doc_count, dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        return live

    def item_numbers(self) -> np.ndarray:
        """For each document number, a number standing for its item (the same in every language)."""
        return self._array(ITEMS)

    def title_ranks(self) -> np.ndarray:
        """For each document number, its place in the order of titles."""
        return self._array(TITLE_RANKS)

    def _array(self, name: str) -> np.ndarray:
        found = np.load(self.folder / name)
        if found.shape != (self.doc_count,):
            raise ValueError(f"{self.folder / name} does not match the index (rebuild it with `kb build`)")
        return found

    def stored(self, docnum: int) -> dict[str, Any]:
        fields = self._reader().stored_fields(docnum)
        return {name: fields.get(name) for name in STORED_FIELDS}

    def terms_with_prefix(self, field: str, prefix: str, limit: int) -> list[str]:
        """Up to `limit` word terms of `field` that start with `prefix`, in order."""
        reader = self._reader()
        if field not in reader.schema:
            return []
        found: list[str] = []
        for term in reader.expand_prefix(field, prefix):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            if not is_pair(text):
                found.append(text)
                if len(found) == limit:
                    break
        return found


def _leaf_postings(leaf: Any, field: str, term: str, offset: int) -> tuple[np.ndarray, np.ndarray]:
    """One segment's posting list of the term, numbered as in the whole index."""
    matcher = leaf.postings(field, term)
    ids = weights = None
    if type(matcher).__name__ == "W3LeafMatcher" and not getattr(matcher, "_byteids", True):
        try:
            ids, weights = _read_blocks(matcher)
        except (AttributeError, TypeError, ValueError):  # another Whoosh's block layout: the slow way
            matcher = leaf.postings(field, term)
    if ids is None or weights is None:
        ids, weights = read_one_by_one(matcher)
    return (ids + offset if offset else ids), weights


def _read_blocks(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """A whole posting list, a block at a time (Whoosh's own reading goes a posting at a time, in
    Python, which costs more than all the scoring). Relies on the Whoosh 3 codec's block layout: a
    pickled (id deltas, weights, values) per block, which is why pyproject.toml pins Whoosh-Reloaded
    to one version; `tests/search/test_engine.py` compares the two readings."""
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    while True:
        if matcher._data is None:
            matcher._read_data()
        deltas, block_weights = matcher._data[0], matcher._data[1]
        ids.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        if block_weights is None:
            weights.append(np.ones(len(deltas), dtype=np.float64))
        elif isinstance(block_weights, float):
            weights.append(np.full(len(deltas), block_weights, dtype=np.float64))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return np.concatenate(ids), np.concatenate(weights)


def read_one_by_one(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """A posting list through Whoosh's public matcher interface (inlined short lists, other codecs)."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)
