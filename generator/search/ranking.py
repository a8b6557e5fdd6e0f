"""Scoring a QueryPlan over the index's posting lists, as arrays (numpy), with no search engine in sight.

A query's cost then grows with the number of posting lists it reads, not with
the number of pages that match: "klient" in 20,000 pages is one array addition.
Each term's list is read from the index once and kept (with its scores) while
the cache has room, so the words staff keep asking for cost no reads at all.

Scoring: a term counts idf × saturated term frequency (BM25 without length
normalisation: field boosts already rank titles and summaries over bodies) ×
the boost of its field; a word sums its terms in every field; a page sums its
words. A phrase counts twice its field's boost for each pair of neighbouring
words it has; a prefix counts its field's boost. When not every part of the
query must match, pages matching more parts (words, phrases, prefixes) come
first, then the higher score.

A term's score is rounded to a multiple of 1/256 and every weight is a power
of two or a sum of a few (FUZZY_WEIGHT is 3/8): sums are then exact in any
order, so the browser's engine (`static.py`, `assets/ranking.js`), adding the
same numbers in another order, ranks exactly as this module does, ties included.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from generator.search.analysis import FIELDS, field_name, phrase_pairs
from generator.search.query_plan import Group, QueryPlan

BOOSTS = {"title": 4.0, "summary": 2.0, "body": 1.0, "fallback": 0.5}
FUZZY_WEIGHT = 0.375  # a term one typo away counts for about a third of the exact word (3/8: exact sums)
PHRASE_WEIGHT = 2.0
K1 = 1.2
SCORE_STEP = 256  # term scores are multiples of 1/SCORE_STEP
MAX_PREFIX_TERMS = 200  # a prefix of two letters may stand for thousands of words: the first 200 count
CACHE_POSTINGS = 4_000_000  # at most 48 MB of posting lists (12 bytes a posting) per open index


class Index(Protocol):
    """What ranking needs from an opened index (engine.Engine)."""

    doc_count: int

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray] | None: ...
    def live_docs(self) -> np.ndarray | None: ...
    def item_numbers(self) -> np.ndarray: ...
    def title_ranks(self) -> np.ndarray: ...
    def terms_with_prefix(self, field: str, prefix: str, limit: int) -> list[str]: ...


class Typos(Protocol):
    """The index's words one typo away from a query word (typos.Vocabulary)."""

    def near(self, lang: str, word: str) -> frozenset[str]: ...


@dataclass(frozen=True)
class Postings:
    docs: np.ndarray  # document numbers, ascending
    scores: np.ndarray  # what the term is worth in each (before the field boost)


_NONE = Postings(np.zeros(0, dtype=np.int32), np.zeros(0))
Field = tuple[str, str, float]  # (index field, its language, boost)
Ranked = tuple[int, float, int]  # (document number, score, how many parts of the query it matches)


class Ranker:
    """Ranks plans over one opened index; safe to share between threads."""

    def __init__(self, index: Index, typos: Typos, cache_postings: int = CACHE_POSTINGS) -> None:
        self.index = index
        self.typos = typos
        self.size = index.doc_count
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._cached = 0
        self._budget = cache_postings
        self._filters: dict[tuple[tuple[str, str], ...], np.ndarray] = {}
        self._live = index.live_docs()
        self._items: np.ndarray | None = None
        self._title_ranks: np.ndarray | None = None

    def rank(self, plan: QueryPlan, limit: int, distinct: bool = False) -> tuple[list[Ranked], int]:
        """The best `limit` (document number, score, parts matched) and how many documents match (how
        many items, with `distinct`: then each item appears once, as its best document)."""
        allowed = self._allowed(plan.filters)
        if not (plan.groups or plan.phrases or plan.prefixes):
            return self._listing(allowed, limit)
        fields = _fields(plan)
        parts = [self._group(group, fields, plan.fuzzy) for group in plan.groups]
        parts += [self._phrase(phrase, fields) for phrase in plan.phrases]
        parts += [self._prefix(prefix, fields) for prefix in plan.prefixes]
        matched = parts[0][1].copy()
        score = parts[0][0].copy()
        count = parts[0][1].astype(np.int16)
        for part_score, part_matched in parts[1:]:
            if plan.require_all:
                matched &= part_matched
            else:
                matched |= part_matched
            score += part_score
            count += part_matched
        for group in plan.excluded:
            matched &= ~self._group(group, fields, fuzzy=False)[1]
        if allowed is not None:
            matched &= allowed
        return self._best(np.flatnonzero(matched), score, None if plan.require_all else count, limit, distinct)

    def postings(self, field: str, term: str) -> Postings:
        """`term`'s documents in `field`, scored; read from the index once while the cache has room."""
        key = (field, term)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        read = self.index.postings(field, term)
        found = _NONE if read is None else Postings(read[0].astype(np.int32), _term_scores(read[1], self.size))
        with self._lock:
            if key not in self._cache:
                self._cache[key] = found
                self._cached += len(found.docs) + 1
                while self._cached > self._budget and len(self._cache) > 1:
                    _, dropped = self._cache.popitem(last=False)
                    self._cached -= len(dropped.docs) + 1
        return found

    def _group(self, group: Group, fields: list[Field], fuzzy: bool) -> tuple[np.ndarray, np.ndarray]:
        """One word: its terms in every field (and, with `fuzzy`, the terms one typo away, for less)."""
        score = np.zeros(self.size)
        matched = np.zeros(self.size, dtype=bool)
        near: dict[str, set[str]] = {}
        for fname, lang, boost in fields:
            exact = group.exact.get(lang, set())
            if fuzzy and lang not in near:
                near[lang] = set().union(*(self.typos.near(lang, text) for text in group.fuzzy.get(lang, ()))) - exact
            weighted = [(term, boost) for term in exact] + [(term, boost * FUZZY_WEIGHT) for term in near.get(lang, ())]
            for term, weight in weighted:
                found = self.postings(fname, term)
                score[found.docs] += weight * found.scores
                matched[found.docs] = True
        return score, matched

    def _phrase(self, phrase: dict[str, list[str]], fields: list[Field]) -> tuple[np.ndarray, np.ndarray]:
        """The words in order: every pair of neighbouring words in the same field."""
        score = np.zeros(self.size)
        matched = np.zeros(self.size, dtype=bool)
        for fname, lang, boost in fields:
            pairs = [self.postings(fname, pair) for pair in phrase_pairs(phrase.get(lang, []))]
            if not pairs:
                continue
            docs = pairs[0].docs
            for found in pairs[1:]:
                docs = np.intersect1d(docs, found.docs, assume_unique=True)
            for found in pairs:
                score[docs] += boost * PHRASE_WEIGHT * found.scores[np.searchsorted(found.docs, docs)]
            matched[docs] = True
        return score, matched

    def _prefix(self, prefix: str, fields: list[Field]) -> tuple[np.ndarray, np.ndarray]:
        """Words starting with `prefix`: a field with any of them counts its boost, once."""
        score = np.zeros(self.size)
        matched = np.zeros(self.size, dtype=bool)
        for fname, _, boost in fields:
            in_field = np.zeros(self.size, dtype=bool)
            for term in self.index.terms_with_prefix(fname, prefix, MAX_PREFIX_TERMS):
                in_field[self.postings(fname, term).docs] = True
            score[in_field] += boost
            matched |= in_field
        return score, matched

    def _allowed(self, filters: dict[str, str]) -> np.ndarray | None:
        """The documents the filters (and deletions) allow, as a mask; None if all. Cached: few
        combinations occur."""
        if not filters:
            return self._live
        key = tuple(sorted(filters.items()))
        allowed = self._filters.get(key)
        if allowed is None:
            allowed = np.ones(self.size, dtype=bool) if self._live is None else self._live.copy()
            for name, value in key:
                allowed &= self._having(*_filter_terms(name, value))
            if len(self._filters) > 256:
                self._filters.clear()
            self._filters[key] = allowed
        return allowed

    def _having(self, field: str, *values: str) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            mask[self.postings(field, value).docs] = True
        return mask

    def _best(self, docs: np.ndarray, score: np.ndarray, count: np.ndarray | None, limit: int,
              distinct: bool) -> tuple[list[Ranked], int]:
        """Most parts matched first (when `count` is given), then the best score; equal ones in index
        order (the order items were written in)."""
        scores = score[docs]
        counts = np.full(len(docs), -1, dtype=np.int16) if count is None else count[docs]
        if count is not None or distinct:
            order = np.lexsort((docs, -scores, -counts))
        if distinct:
            items = self._item_numbers()[docs]
            firsts = np.sort(np.unique(items[order], return_index=True)[1])
            chosen = order[firsts[:limit]]
            total = len(firsts)
        elif count is not None:
            total = len(docs)
            chosen = order[:limit]
        else:
            total = len(docs)
            if total > limit:  # keep every document scoring at least the limit-th best, then sort those
                threshold = -np.partition(-scores, limit - 1)[limit - 1]
                keep = np.flatnonzero(scores >= threshold)
                docs, scores, counts = docs[keep], scores[keep], counts[keep]
            chosen = np.lexsort((docs, -scores))[:limit]
        return [(int(docs[i]), float(scores[i]), int(counts[i])) for i in chosen], total

    def _listing(self, allowed: np.ndarray | None, limit: int) -> tuple[list[Ranked], int]:
        """No words, only filters: the allowed documents by title."""
        docs = np.arange(self.size) if allowed is None else np.flatnonzero(allowed)
        if self._title_ranks is None:
            self._title_ranks = self.index.title_ranks()
        chosen = docs[np.argsort(self._title_ranks[docs])[:limit]]
        return [(int(doc), 0.0, 0) for doc in chosen], len(docs)

    def _item_numbers(self) -> np.ndarray:
        if self._items is None:
            self._items = self.index.item_numbers()
        return self._items


def _term_scores(weights: np.ndarray, size: int) -> np.ndarray:
    """idf (Whoosh's formula: rarer terms count more) × term frequency saturated as in BM25, rounded to
    a multiple of 1/SCORE_STEP."""
    idf = math.log(size / (len(weights) + 1)) + 1
    return np.round(idf * weights * (K1 + 1) / (weights + K1) * SCORE_STEP) / SCORE_STEP


def _fields(plan: QueryPlan) -> list[Field]:
    """(field, its language, boost) of every field the plan searches."""
    own = [(field_name(name, lang), lang, BOOSTS[name]) for lang in plan.langs for name in FIELDS if name != "fallback"]
    return own + [(field_name("fallback", lang), lang, BOOSTS["fallback"]) for lang in plan.fallback_langs]


def _filter_terms(name: str, value: str) -> tuple[str, ...]:
    """The field and the values (any of them) a filter asks for; items for everyone suit every role."""
    if name == "role":
        return ("roles", value, "everyone")
    if name == "channel":
        return ("channels", value)
    return (name, value)
