"""The one module that knows Whoosh: the schema and analyzer, writing an index, reading it back.

Whoosh stores the index: per term, the documents that hold it and how often.
Ranking (`ranking.py`) reads those lists as arrays and scores them with numpy,
so the rest of the search package never sees Whoosh. Swapping the engine means
rewriting this module only.

Each text field exists once per language (`title_pl`, `body_en`, ...) so every
text is analysed with its own language's stemmer. Text fields keep term counts,
not positions: phrases are matched through the pair terms `analysis.py` adds.
Beside the index: `words.json`, each language's words (typos.py); `items.npy` and
`titles.npy`, each document's item and place by title, as arrays (a cold
`kb search` reads them in a millisecond; Whoosh's columns take 100 ms).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer, Token
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from generator.search.analysis import FIELDS, analyze, field_name, fold, is_pair
from generator.search.typos import write_words

if TYPE_CHECKING:
    from generator.search.documents import SearchDoc

ITEMS = "items.npy"
TITLE_RANKS = "titles.npy"
STORED_FIELDS = ("id", "lang", "kind", "area", "status", "channels", "roles", "title", "summary", "url", "parts")


class KbAnalyzer(Analyzer):
    """Whoosh analyzer for one language: see analysis.py for what it emits."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterable[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for term, word in analyze(value, self.lang):
            token.text, token.boost, token.stopped = term, 1.0, False
            if positions:
                token.pos = start_pos + word.pos
            if chars:
                token.startchar, token.endchar = start_char + word.start, start_char + word.end
            yield token


def schema(languages: list[str]) -> Schema:
    fields: dict[str, Any] = {
        "key": ID(unique=True), "id": ID(stored=True), "lang": ID(stored=True),
        "kind": ID(stored=True), "area": ID(stored=True), "status": ID(stored=True),
        "channels": KEYWORD(stored=True), "roles": KEYWORD(stored=True),
        "title": STORED(), "summary": STORED(), "url": STORED(), "parts": STORED(),
    }
    for lang in languages:
        for name in FIELDS:
            fields[field_name(name, lang)] = TEXT(analyzer=KbAnalyzer(lang), phrase=False)
    return Schema(**fields)


def write(folder: Path, docs: Iterable[SearchDoc], languages: list[str]) -> int:
    """Create a new index in `folder` (which must be empty) holding `docs`; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), schema(languages))
    writer = ix.writer(limitmb=1024)
    items: dict[str, int] = {}
    item_numbers: list[int] = []
    titles: list[str] = []
    try:
        for doc in docs:
            fields: dict[str, Any] = {
                "key": doc.key, "id": doc.id, "lang": doc.lang, "kind": doc.kind, "area": doc.area,
                "status": doc.status, "channels": " ".join(doc.channels), "roles": " ".join(doc.roles),
                "title": doc.title, "summary": doc.summary, "url": doc.url, "parts": doc.parts,
            }
            for (name, lang), texts in doc.texts.items():
                fields[field_name(name, lang)] = "\n".join(texts)
            writer.add_document(**fields)
            item_numbers.append(items.setdefault(doc.id, len(items)))
            titles.append(fold(doc.title))
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)  # one segment: document numbers are the order documents were added in
    np.save(folder / ITEMS, np.array(item_numbers, dtype=np.int32))
    np.save(folder / TITLE_RANKS, _ranks(titles))
    write_words(folder, _words(ix, languages))
    return len(item_numbers)


def _ranks(titles: list[str]) -> np.ndarray:
    """Each document's place when sorted by title (ties in document order)."""
    ranks = np.empty(len(titles), dtype=np.int32)
    ranks[sorted(range(len(titles)), key=titles.__getitem__)] = np.arange(len(titles), dtype=np.int32)
    return ranks


def _words(ix: Any, languages: list[str]) -> dict[str, set[str]]:
    """Every word term (pair terms left out) of each language's text fields, for typo tolerance."""
    words: dict[str, set[str]] = {}
    with ix.reader() as reader:
        for lang in languages:
            found = words.setdefault(lang, set())
            for name in FIELDS:
                for term in reader.lexicon(field_name(name, lang)):
                    text = term.decode("utf-8") if isinstance(term, bytes) else term
                    if not is_pair(text):
                        found.add(text)
    return words


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
        if field not in reader.schema or (field, term) not in reader:
            return None
        matcher = reader.postings(field, term)
        if type(matcher).__name__ == "W3LeafMatcher" and not getattr(matcher, "_byteids", True):
            try:
                return _read_blocks(matcher)
            except (AttributeError, TypeError, ValueError):  # another Whoosh's block layout: the slow way
                matcher = reader.postings(field, term)
        return read_one_by_one(matcher)

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
