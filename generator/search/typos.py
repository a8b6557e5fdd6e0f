"""Typo tolerance: the index's words one typo away from a query word.

`kb build` writes every word term of the index per language into `words.json`
(engine.write_arrays); a query word is compared with the words that share its first
letter by RapidFuzz's optimal-string-alignment distance, so a typo is a letter
missing, added or wrong, or two neighbouring letters swapped. Nothing here
imports Whoosh.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

WORDS = "words.json"
CACHE_SIZE = 50_000


def write_words(folder: Path, words: Mapping[str, Iterable[str]]) -> None:
    data = {lang: sorted(set(terms)) for lang, terms in sorted(words.items())}
    (folder / WORDS).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class Vocabulary:
    """The words of an index, read on the first typo-tolerant query; safe to share between threads."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / WORDS
        self._by_letter: dict[str, dict[str, list[str]]] | None = None
        self._cache: dict[tuple[str, str], frozenset[str]] = {}
        self._lock = threading.Lock()

    def near(self, lang: str, word: str) -> frozenset[str]:
        """The words of `lang` at most one typo away from `word` (and sharing its first letter)."""
        key = (lang, word)
        found = self._cache.get(key)
        if found is None:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            candidates = self._words().get(lang, {}).get(word[:1], [])
            found = frozenset(match for match, _, _ in process.extract(
                word, candidates, scorer=OSA.distance, score_cutoff=1, limit=None))
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _words(self) -> dict[str, dict[str, list[str]]]:
        with self._lock:
            if self._by_letter is None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    data = {}
                by_letter: dict[str, dict[str, list[str]]] = {}
                for lang, words in data.items():
                    table = by_letter.setdefault(lang, {})
                    for word in words:
                        table.setdefault(word[:1], []).append(word)
                self._by_letter = by_letter
            return self._by_letter
