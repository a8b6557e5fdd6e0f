"""Snippets: the passage of a hit that best matches the query, with the matched words marked.

A snippet is a list of (text, matched) pieces; the API renders it as HTML with
<mark>, the command line with bold (or [brackets] when not on a terminal).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from generator.search.analysis import WORD_PATTERN, Word, fold, variants, words

Pieces = list[tuple[str, bool]]
MAX_CHARS = 200
_LEAD = 60  # characters of context kept before the first match
_JOIN = "\x00"


class Marker:
    """Decides whether a word of the text matches the query, in any of the searched languages."""

    def __init__(self, terms: dict[str, set[str]], prefixes: Iterable[str] = ()) -> None:
        self.terms = terms
        self.prefixes = tuple(prefixes)
        # Stems start like their words, so a text without any of these beginnings has no match.
        self.probes = {term[:4] for group in terms.values() for term in group} | {p[:4] for p in self.prefixes}
        self._memo: dict[str, bool] = {}  # words repeat from hit to hit

    def promise(self, parts: list[str]) -> list[int]:
        """How many of the query's word beginnings each part contains: cheap, to pick the part to mark.
        The parts are folded in one call (a call per part cost more than the rest of a snippet)."""
        folded = fold(_JOIN.join(parts)).split(_JOIN)
        if len(folded) != len(parts):  # a part held the joining character
            folded = [fold(part) for part in parts]
        return [sum(1 for probe in self.probes if probe in text) for text in folded]

    def __bool__(self) -> bool:
        return any(self.terms.values()) or bool(self.prefixes)

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


def snippet(parts: list[str], marker: Marker, max_chars: int = MAX_CHARS, candidates: int = 2) -> Pieces:
    """The part of `parts` with the most distinct matched words, cut to about `max_chars`. Only the
    `candidates` most promising parts (by a cheap look for the query's word beginnings) are analysed."""
    if not parts:
        return []
    if not marker:
        return _cut(parts[0], [], max_chars)
    promise = [(score, -index) for index, score in enumerate(marker.promise(parts))]
    chosen = [-index for score, index in sorted(promise, reverse=True)[:candidates] if score > 0] or [0]
    best: tuple[int, int, list[tuple[int, int]]] | None = None
    for index in sorted(chosen):
        spans = _matches(parts[index], marker)
        score = len({fold(parts[index][start:end]) for start, end in spans})
        if best is None or score > best[0]:
            best = (score, index, spans)
    assert best is not None
    _, index, spans = best
    return _cut(parts[index], spans, max_chars)


def _matches(text: str, marker: Marker) -> list[tuple[int, int]]:
    """Where the matched words are in `text`; plain words are checked straight from the regex match,
    joined ones ("e-mail") go through `words`, which also yields their parts."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return _matches_of(words(text), marker)
    spans: list[tuple[int, int]] = []
    matches = marker.matches
    for found in WORD_PATTERN.finditer(lowered):
        token = found.group()
        if token.isalnum():
            if matches(token):
                spans.append(found.span())
        else:
            start = found.start()
            for word in words(token):
                if matches(word.text) and (not spans or spans[-1][1] <= start + word.start):
                    spans.append((start + word.start, start + word.end))
    return spans


def _matches_of(found: Iterable[Word], marker: Marker) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for word in found:
        if marker.matches(word.text) and (not spans or spans[-1][1] <= word.start):
            spans.append((word.start, word.end))
    return spans


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
