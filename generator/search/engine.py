"""The one module that knows Whoosh: schema, analyzer, writing the index and running queries.

Swapping the engine means rewriting this module only. The rest of the search
package speaks in SearchDocs (what to index) and QueryPlans (`plan.py`: terms to
look for, already analysed by `analysis.py`); this module turns them into Whoosh
calls.

Each text field exists once per language (`title_pl`, `body_en`, ...) so every
text is analysed with its own language's stemmer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import collectors, scoring
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Analyzer, Token
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from generator.search.analysis import FIELDS, analyze, fold
from generator.search.plan import Group, QueryPlan, RawHit

if TYPE_CHECKING:
    from generator.search.documents import SearchDoc

BOOSTS = {"title": 4.0, "summary": 2.0, "body": 1.0, "fallback": 0.5}
FUZZY_WEIGHT = 0.35  # a term one typo away counts for about a third of the exact word
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


class SaturatedWeighting(scoring.WeightingModel):
    """BM25's term-frequency saturation times IDF, without field-length normalisation.

    Field boosts already rank titles and summaries over bodies; leaving out the
    per-document length lookup makes scoring about twice as fast in pure Python.
    """

    K1 = 1.2

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> scoring.BaseScorer:
        return _SaturatedScorer(searcher.idf(fieldname, text), self.K1)


class _SaturatedScorer(scoring.BaseScorer):
    def __init__(self, idf: float, k1: float) -> None:
        self.idf, self.k1 = idf, k1

    def _saturate(self, weight: float) -> float:
        return self.idf * weight * (self.k1 + 1) / (weight + self.k1)

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher: Any) -> float:
        return self._saturate(matcher.weight())

    def max_quality(self) -> float:
        return self.idf * (self.k1 + 1)

    def block_quality(self, matcher: Any) -> float:
        return self._saturate(matcher.block_max_weight())


def field_name(name: str, lang: str) -> str:
    return f"{name}_{lang.replace('-', '_')}"


def schema(languages: list[str]) -> Schema:
    fields: dict[str, Any] = {
        "key": ID(unique=True), "id": ID(stored=True, sortable=True), "lang": ID(stored=True),
        "kind": ID(stored=True), "area": ID(stored=True), "status": ID(stored=True),
        "channels": KEYWORD(stored=True), "roles": KEYWORD(stored=True), "sortkey": ID(sortable=True),
        "title": STORED(), "summary": STORED(), "url": STORED(), "parts": STORED(),
    }
    for lang in languages:
        for name in FIELDS:
            fields[field_name(name, lang)] = TEXT(analyzer=KbAnalyzer(lang), phrase=True)
    return Schema(**fields)


def write(folder: Path, docs: Iterable[SearchDoc], languages: list[str]) -> int:
    """Create a new index in `folder` (which must be empty) holding `docs`; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), schema(languages))
    writer = ix.writer(limitmb=256)
    count = 0
    try:
        for doc in docs:
            fields: dict[str, Any] = {
                "key": doc.key, "id": doc.id, "lang": doc.lang, "kind": doc.kind, "area": doc.area,
                "status": doc.status, "channels": " ".join(doc.channels), "roles": " ".join(doc.roles),
                "sortkey": fold(doc.title), "title": doc.title, "summary": doc.summary, "url": doc.url,
                "parts": doc.parts,
            }
            for (name, lang), texts in doc.texts.items():
                fields[field_name(name, lang)] = "\n".join(texts)
            writer.add_document(**fields)
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)
    return count


class Engine:
    """An opened index: one searcher per thread, fuzzy expansions cached."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ix = whoosh_index.open_dir(str(folder))
        self._local = threading.local()
        self._fuzzy_cache: dict[tuple[str, str], frozenset[str]] = {}
        self._filter_cache: dict[tuple[tuple[str, str], ...], Any] = {}
        self._searchers: list[Any] = []
        self._lock = threading.Lock()

    def _searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._ix.searcher(weighting=SaturatedWeighting())
            self._local.searcher = searcher
            with self._lock:
                self._searchers.append(searcher)
        return searcher

    def close(self) -> None:
        with self._lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()

    def doc_count(self) -> int:
        return int(self._searcher().doc_count())

    def expand(self, lang: str, text: str) -> frozenset[str]:
        """Terms in `lang`'s fields one typo away from `text` (sharing its first letter); a typo is a
        letter missing, added or wrong (Whoosh's automaton) or two letters swapped (checked here)."""
        key = (lang, text)
        cached = self._fuzzy_cache.get(key)
        if cached is None:
            reader = self._searcher().reader()
            swaps = {text[:i] + text[i + 1] + text[i] + text[i + 2:] for i in range(1, len(text) - 1)} - {text}
            found: set[str] = set()
            for name in FIELDS:
                fname = field_name(name, lang)
                if fname in reader.schema:
                    found.update(reader.terms_within(fname, text, 1, prefix=1))
                    found.update(swap for swap in swaps if (fname, swap) in reader)
            cached = frozenset(found)
            if len(self._fuzzy_cache) > 50_000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = cached
        return cached

    def search(self, plan: QueryPlan, limit: int, distinct: bool = False) -> tuple[list[RawHit], int]:
        """Best hits first and the number of matching documents (of distinct items if `distinct`)."""
        searcher = self._searcher()
        allowed = self._filter(searcher, plan.filters)
        if not (plan.groups or plan.phrases or plan.prefixes):  # a listing, by title
            results = searcher.search(wq.Every(), limit=limit, filter=allowed, sortedby="sortkey")
            return [RawHit(_stored(hit), 0.0) for hit in results], len(results)
        # No block skipping nor matcher pruning: they rarely save anything on posting lists this
        # short, and without them the one pass that scores also counts the matches exactly.
        top = _Top(limit, searcher.reader().column_reader("id") if distinct else None)
        collector = top if allowed is None else collectors.FilterCollector(top, allow=allowed)
        searcher.search_with_collector(self._text_query(plan), collector)
        results = collector.results()
        hits = [RawHit(_stored(hit), float(hit.score)) for hit in results]
        return hits, len(top.ids) if distinct else len(results)

    def _filter(self, searcher: Any, filters: dict[str, str]) -> Any:
        """The documents the filters allow, as a set of document numbers (cached: few combinations occur)."""
        if not filters:
            return None
        key = tuple(sorted(filters.items()))
        allowed = self._filter_cache.get(key)
        if allowed is None:
            allowed = searcher._filter_to_comb(_filter_query(filters))
            if len(self._filter_cache) > 256:
                self._filter_cache.clear()
            self._filter_cache[key] = allowed
        return allowed

    def _text_query(self, plan: QueryPlan) -> wq.Query:
        fields = _fields(plan)
        parts: list[wq.Query] = [self._group_query(group, fields, plan.fuzzy) for group in plan.groups]
        for phrase in plan.phrases:
            parts.append(_phrase_query(phrase, fields))
        for prefix in plan.prefixes:
            parts.append(_UnionOr([wq.Prefix(fname, prefix, boost=boost) for fname, _, boost in fields]))
        query: wq.Query = wq.And(parts) if plan.require_all else wq.Or(parts)
        excluded = [self._group_query(group, fields, fuzzy=False) for group in plan.excluded]
        if excluded:
            query = wq.AndNot(query, wq.Or(excluded))
        return query

    def _group_query(self, group: Group, fields: list[tuple[str, str, float]], fuzzy: bool) -> wq.Query:
        """One word: its terms in every field, only those the field has (each leaf costs time per match)."""
        reader = self._searcher().reader()
        terms: list[wq.Query] = []
        near: dict[str, set[str]] = {}
        for fname, lang, boost in fields:
            exact = group.exact.get(lang, set())
            if fuzzy and lang not in near:
                near[lang] = set().union(*(self.expand(lang, text) for text in group.fuzzy.get(lang, ()))) - exact
            for term, weight in [(t, boost) for t in sorted(exact)] + [
                    (t, boost * FUZZY_WEIGHT) for t in sorted(near.get(lang, ()))]:
                if (fname, term) in reader:
                    terms.append(wq.Term(fname, term, boost=weight))
        if len(terms) == 1:
            return terms[0]
        return _UnionOr(terms) if terms else wq.NullQuery


def _stored(hit: Any) -> dict[str, Any]:
    fields = hit.fields()  # one read of the stored fields (hit.get reads them again each time)
    return {name: fields.get(name) for name in STORED_FIELDS}


class _Top(collectors.TopCollector):
    """The best `limit` documents, counting every match exactly (and, with `ids`, the distinct items)."""

    def __init__(self, limit: int, ids: Any = None) -> None:
        super().__init__(limit=limit, usequality=False, replace=0)
        self.id_column = ids
        self.ids: set[str] = set()

    def _collect(self, global_docnum: int, score: float) -> Any:
        if self.id_column is not None:
            self.ids.add(self.id_column[global_docnum])
        return super()._collect(global_docnum, score)


class _UnionOr(wq.Or):
    """An Or as a tree of union matchers (Whoosh picks a preloading array for small indexes, which
    measured slower here: it allocates per query)."""

    matcher_type = wq.Or.DEFAULT_MATCHER


def _fields(plan: QueryPlan) -> list[tuple[str, str, float]]:
    """(field, its language, boost) of every field the plan searches."""
    own = [(field_name(name, lang), lang, BOOSTS[name]) for lang in plan.langs for name in FIELDS if name != "fallback"]
    return own + [(field_name("fallback", lang), lang, BOOSTS["fallback"]) for lang in plan.fallback_langs]


def _phrase_query(phrase: dict[str, list[str]], fields: list[tuple[str, str, float]]) -> wq.Query:
    """The words in order, in a page's own text (untranslated text is left out: positions are costly)."""
    options = [wq.Phrase(fname, phrase[lang], boost=boost * 2)
               for fname, lang, boost in fields if lang in phrase and not fname.startswith("fallback_")]
    return _UnionOr(options) if options else wq.NullQuery


def _filter_query(filters: dict[str, str]) -> wq.Query | None:
    parts: list[wq.Query] = []
    for name, value in sorted(filters.items()):
        if name == "role":
            parts.append(wq.Or([wq.Term("roles", value), wq.Term("roles", "everyone")]))
        elif name == "channel":
            parts.append(wq.Term("channels", value))
        else:
            parts.append(wq.Term(name, value))
    return wq.And(parts) if parts else None
