"""Snippets: the passage of a hit that best matches the query, with the matched words marked.

A snippet is a list of (text, matched) pieces; the API renders it as HTML with
<mark>, the command line with bold (or [brackets] when not on a terminal).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from generator.search.analysis import Word, fold, variants, words

Pieces = list[tuple[str, bool]]
MAX_CHARS = 200
_LEAD = 60  # characters of context kept before the first match
_JOIN = "\x00"
_JOINED = r"[^\W_]+(?:['’\-][^\W_]+)+"  # as analysis.WORD_PATTERN, with at least one joint


class Marker:
    """Decides whether a word of the text matches the query, in any of the searched languages.

    Snowball stemmers change a word's ending, never its first two letters (a test checks this on
    every word of the starter content), so only the words starting like a query term, found by one
    regular-expression pass over the folded text, are analysed; joined words ("e-mail") always are.
    """

    def __init__(self, terms: dict[str, set[str]], prefixes: Iterable[str] = ()) -> None:
        self.terms = terms
        self.prefixes = tuple(prefixes)
        starts = {term[:2] for group in terms.values() for term in group} | {p[:2] for p in self.prefixes}
        alternatives = "|".join(re.escape(start) for start in sorted(starts, key=len, reverse=True))
        self._candidates = re.compile(rf"(?<![^\W_])(?:{_JOINED}|(?:{alternatives})[^\W_]*)") if starts else None
        self._probes = {term[:4] for group in terms.values() for term in group} | {p[:4] for p in self.prefixes}
        self._memo: dict[str, bool] = {}  # words repeat from hit to hit

    def promise(self, folded: str) -> int:
        """How many of the query terms' four-letter beginnings a folded text contains: cheap."""
        return sum(1 for probe in self._probes if probe in folded)

    def __bool__(self) -> bool:
        return self._candidates is not None and (any(self.terms.values()) or bool(self.prefixes))

    def matches(self, word: str) -> bool:
        known = self._memo.get(word)
        if known is None:
            known = self._memo[word] = self._matches(word)
        return known

    def _matches(self, word: str) -> bool:
        for lang, terms in self.terms.items():
            if terms and any(term in terms for term in variants(word, lang)):
                return True
        return bool(self.prefixes) and fold(word).startswith(self.prefixes)

    def spans(self, text: str, folded: str) -> list[tuple[int, int]]:
        """Where the matched words are in `text` (`folded` is `fold(text)`)."""
        lowered = text.lower()
        if len(folded) != len(text) or len(lowered) != len(text) or self._candidates is None:
            return self._spans_of(words(text))  # folding changed the length (ß, İ): no shortcut
        spans: list[tuple[int, int]] = []
        for found in self._candidates.finditer(folded):
            start, end = found.span()
            token = lowered[start:end]
            if token.isalnum():
                if self.matches(token):
                    spans.append((start, end))
            else:
                spans.extend((start + a, start + b) for a, b in self._spans_of(words(token)))
        return spans

    def _spans_of(self, found: Iterable[Word]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for word in found:
            if self.matches(word.text) and (not spans or spans[-1][1] <= word.start):
                spans.append((word.start, word.end))
        return spans


def snippet(parts: list[str], marker: Marker, max_chars: int = MAX_CHARS, candidates: int = 2,
            folded: list[str] | None = None) -> Pieces:
    """The part of `parts` with the most distinct matched words, cut to about `max_chars` around the
    first match. Only the `candidates` most promising parts (by a cheap look for the query terms'
    beginnings) are analysed. `folded`: the parts folded, when known (`fold_parts`)."""
    if not parts:
        return []
    if not marker:
        return _cut(parts[0], [], max_chars)
    if folded is None:
        folded = fold_parts(parts)
    promise = sorted(((marker.promise(text), -index) for index, text in enumerate(folded)), reverse=True)
    chosen = sorted(-index for score, index in promise[:candidates] if score > 0) or [0]
    best: tuple[int, int, list[tuple[int, int]]] = (-1, 0, [])
    for index in chosen:
        spans = marker.spans(parts[index], folded[index])
        score = len({fold(parts[index][start:end]) for start, end in spans})
        if score > best[0]:
            best = (score, index, spans)
    _, index, spans = best
    return _cut(parts[index], spans, max_chars)


def fold_parts(parts: list[str]) -> list[str]:
    """The parts folded in one call (a call per part costs more than the rest of a snippet)."""
    folded = fold(_JOIN.join(parts)).split(_JOIN)
    return folded if len(folded) == len(parts) else [fold(part) for part in parts]


def _cut(text: str, spans: list[tuple[int, int]], max_chars: int) -> Pieces:
    start, end = 0, len(text)
    if len(text) > max_chars:
        first = spans[0][0] if spans else 0
        start = 0 if first < _LEAD else _word_start(text, first - _LEAD)
        end = _word_end(text, start + max_chars)
    pieces: Pieces = [("…", False)] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


def _word_start(text: str, at: int) -> int:
    space = text.find(" ", at)
    return at if space == -1 else space + 1


def _word_end(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", 0, at)
    return at if space <= 0 else space


def to_html(pieces: Pieces) -> str:
    return "".join(f"<mark>{html.escape(text)}</mark>" if hit else html.escape(text) for text, hit in pieces)


def to_text(pieces: Pieces, style: bool = False) -> str:
    """Plain text; matched words bold on a terminal (`style`), else in [brackets]."""
    if style:
        import click

        return "".join(click.style(text, bold=True) if hit else text for text, hit in pieces)
    return "".join(f"[{text}]" if hit else text for text, hit in pieces)
