"""Searching an index: what `kb search` and `/api/search` call.

A query runs in two rounds: first pages with every word (each word may match
exactly, as another inflection, without diacritics or with one typo), then,
when those are fewer than asked for, pages with some of the words. Filters
narrow both. Without a language, each item appears once, in its best-matching
language.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.search import engine
from generator.search.analysis import fold, is_stopword, phrase_pairs, phrase_term, query_terms, strip_marks, words_of
from generator.search.manifest import Manifest, read_manifest
from generator.search.query import ParsedQuery, parse
from generator.search.query_plan import FEW, FUZZY_MIN_LETTERS, Group, QueryPlan, RawHit
from generator.search.ranking import Ranker
from generator.search.snippets import Marker, Pieces, fold_parts, snippet, to_html
from generator.search.typos import Vocabulary
from generator.words import kind_label

FILTERS = ("lang", "kind", "area", "channel", "role", "status")
MAX_LIMIT = 50
FORMS = "forms.json"
CACHE_SIZE = 512
DOCUMENT_CACHE_SIZE = 4096


def relevance(level: int, score: float) -> float:
    """The score a hit shows, following the result order: its round's level (see `_rounds`), plus
    its ranking score mapped into [0, 1)."""
    return level + score / (score + 1) if level else 0.0


class SearchError(ValueError):
    """A request the index cannot answer (an unknown filter value, no index): the message says why."""


@dataclass(frozen=True)
class Filters:
    lang: str | None = None
    kind: str | None = None
    area: str | None = None
    channel: str | None = None
    role: str | None = None
    status: str | None = None

    def active(self) -> dict[str, str]:
        return {name: value for name in FILTERS if (value := getattr(self, name))}


@dataclass
class Hit:
    id: str
    lang: str
    kind: str
    title: str
    summary: str
    url: str
    area: str
    channels: list[str]
    roles: list[str]
    status: str
    score: float
    snippet: Pieces = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in (
            "id", "lang", "kind", "title", "summary", "url", "area", "channels", "roles", "status")}
        data["kind_label"] = kind_label(self.kind, self.lang)
        data["score"] = round(self.score, 3)
        data["snippet"] = to_html(self.snippet)
        data["snippet_pieces"] = [[text, matched] for text, matched in self.snippet]
        return data


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int
    filters: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "filters": self.filters, "total": self.total,
                "results": [hit.to_json() for hit in self.hits]}


class Searcher:
    """An opened index; safe to share between threads."""

    def __init__(self, folder: Path, cache_size: int = CACHE_SIZE) -> None:
        manifest = read_manifest(folder)
        if manifest is None:
            raise SearchError(f"no search index in {folder} (run `kb build`)")
        self.folder = folder
        self.manifest: Manifest = manifest
        self._cache: OrderedDict[tuple[str, Filters, int], Results] = OrderedDict()
        self._cache_size = cache_size
        self._documents: OrderedDict[int, tuple[dict[str, Any], list[str]]] = OrderedDict()
        self._lock = threading.Lock()
        self.engine = engine.Engine(folder)
        self.vocabulary = Vocabulary(folder)
        self.ranker = Ranker(self.engine, self.vocabulary)
        try:
            self.forms: dict[str, dict[str, list[str]]] = json.loads((folder / FORMS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.forms = {}

    def close(self) -> None:
        self.engine.close()

    def check(self, filters: Filters) -> None:
        """Raise SearchError naming a filter value the index does not know."""
        from generator.diagnostics import suggest

        facets = dict(self.manifest.facets, lang=self.manifest.languages)
        for name, value in filters.active().items():
            valid = facets.get(name, [])
            if value not in valid:
                hint = suggest(value, valid)
                raise SearchError(f"unknown {name} '{value}'" + (f" ({hint})" if hint else ""))

    def search(self, text: str, filters: Filters = Filters(), limit: int = 10) -> Results:
        """The best `limit` hits for what a person typed; an unknown filter value raises SearchError.

        Answers are kept for the most recent `cache_size` questions (the index never changes under a
        Searcher: a rebuilt index is a new Searcher)."""
        self.check(filters)
        limit = max(1, min(int(limit), MAX_LIMIT))
        key = (text, filters, limit)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        results = self._search(text, filters, limit)
        with self._lock:
            self._cache[key] = results
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return results

    def _search(self, text: str, filters: Filters, limit: int) -> Results:
        parsed = parse(text)
        active = filters.active()
        plan = self._plan(parsed, active)
        if parsed.is_empty:
            if len(active) == (1 if "lang" in active else 0):
                return Results(text, [], 0, active)
            plan.filters.setdefault("lang", self.manifest.default_language)  # a listing: one page per item
        raw, total = self._rounds(plan, limit)
        marker = self._marker(plan, parsed)
        return Results(text, [self._hit(hit, marker) for hit in raw], total, active)

    def _rounds(self, plan: QueryPlan, limit: int) -> tuple[list[RawHit], int]:
        """Every word exactly; then, while there are only a few hits, every word allowing a typo; then
        some of the words, most words first. Later rounds add their hits after the earlier ones, and
        the scores shown follow that order."""
        parts = len(plan.groups) + len(plan.phrases) + len(plan.prefixes)
        has_fuzzy = any(group.fuzzy for group in plan.groups)
        rounds = [(True, False)] + ([(True, True)] if has_fuzzy else []) + ([(False, has_fuzzy)] if parts > 1 else [])
        distinct = "lang" not in plan.filters
        hits: list[RawHit] = []
        seen_docs: set[int] = set()
        seen_items: set[str] = set()
        total = 0
        for number, (require_all, fuzzy) in enumerate(rounds):
            plan.require_all, plan.fuzzy = require_all, fuzzy
            ranked, total = self.ranker.rank(plan, limit, distinct)
            for doc, score, count in ranked:
                # every part exactly: parts + 1; every part, some with a typo: parts; some: how many
                level = parts + 1 if number == 0 else parts if require_all else min(count, parts - 1)
                if len(hits) == limit:
                    break
                if doc in seen_docs:
                    continue
                seen_docs.add(doc)
                fields, folded_parts = self._document(doc)
                if distinct and fields["id"] in seen_items:  # found in another language by an earlier round
                    continue
                seen_items.add(fields["id"])
                hits.append(RawHit(fields, relevance(level, score), folded_parts))
            if len(hits) >= min(limit, FEW):
                break
        return hits, max(total, len(hits))

    def _document(self, doc: int) -> tuple[dict[str, Any], list[str]]:
        """A document's stored fields and its snippet parts folded, kept for the most recently found
        documents (the procedures staff need are found again and again, by different queries)."""
        with self._lock:
            found = self._documents.get(doc)
            if found is not None:
                self._documents.move_to_end(doc)
                return found
        fields = self.engine.stored(doc)
        found = (fields, fold_parts(list(fields["parts"] or [])))
        with self._lock:
            self._documents[doc] = found
            if len(self._documents) > DOCUMENT_CACHE_SIZE:
                self._documents.popitem(last=False)
        return found

    def _plan(self, parsed: ParsedQuery, active: dict[str, str]) -> QueryPlan:
        # Untranslated text (in the default language) counts for a language's pages; without a
        # language the default-language page already holds that text, and is the better hit.
        own = [active["lang"]] if "lang" in active else self.manifest.languages
        default = self.manifest.default_language
        fallback = [default] if "lang" in active and active["lang"] != default else []
        langs = list(dict.fromkeys(own + fallback))
        wanted = [w for w in parsed.words if not any(is_stopword(w, lang) for lang in langs)]
        if not wanted and not parsed.phrases and not parsed.prefixes:
            wanted = parsed.words
        return QueryPlan(
            groups=[self._group(word, langs) for word in wanted],
            phrases=[{lang: [phrase_term(w, lang) for w in phrase] for lang in langs} for phrase in parsed.phrases],
            prefixes=parsed.prefixes,
            excluded=[self._group(word, langs, fuzzy=False) for word in parsed.excluded],
            langs=own,
            fallback_langs=fallback,
            filters={name: value for name, value in active.items()},
        )

    def _group(self, word: str, langs: list[str], fuzzy: bool = True) -> Group:
        group = Group(exact={}, fuzzy={})
        parts = words_of(word)
        word = "".join(parts)  # 'e-mail' as 'email', also found as the pair 'e mail' (below)
        folded = fold(word)
        for lang in langs:
            group.exact[lang] = set(query_terms(word, lang)) | set(self.forms.get(lang, {}).get(folded, ()))
            group.exact[lang].update(phrase_pairs([phrase_term(part, lang) for part in parts]))
            if fuzzy and len(folded) >= FUZZY_MIN_LETTERS and folded.isalpha():
                plain = query_terms(strip_marks(word), lang)[0]
                group.fuzzy[lang] = {folded} | ({plain} if len(plain) >= FUZZY_MIN_LETTERS else set())
        return group

    def _marker(self, plan: QueryPlan, parsed: ParsedQuery) -> Marker:
        langs = list(dict.fromkeys(plan.langs + plan.fallback_langs))
        terms: dict[str, set[str]] = {lang: set() for lang in langs}
        for group in plan.groups:
            for lang in langs:
                terms[lang] |= group.exact.get(lang, set())
                for text in group.fuzzy.get(lang, ()) if plan.fuzzy else ():  # only if a typo round ran
                    terms[lang] |= self.vocabulary.near(lang, text)
        for phrase in plan.phrases:
            for lang, phrase_terms in phrase.items():
                terms[lang].update(phrase_terms)
        return Marker(terms, parsed.prefixes)

    def _hit(self, raw: RawHit, marker: Marker) -> Hit:
        f = raw.fields
        return Hit(
            id=f["id"], lang=f["lang"], kind=f["kind"], title=f["title"], summary=f["summary"] or "",
            url=f["url"], area=f["area"] or "", channels=(f["channels"] or "").split(),
            roles=(f["roles"] or "").split(), status=f["status"], score=raw.score,
            snippet=snippet(list(f["parts"] or []), marker, folded=raw.folded_parts),
        )
