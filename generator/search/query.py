"""Any string a person types, read as a query: words, "quoted phrases", -excluded words, prefix*.

No query syntax is handed to the search engine: the input is split here into
tokens, and everything that is not a word (lone operators, stray quotes,
wildcards, emoji, punctuation) is dropped. `AND` and `OR` in capitals are
ignored (every word counts; pages with all of them rank first), `NOT word` is
`-word`, a trailing `*` makes a prefix. Long input is cut to the first
MAX_WORDS words, so a query's cost is bounded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.search.analysis import WORD_PATTERN, fold, words_of

MAX_CHARS = 500
MAX_WORDS = 12
MAX_PHRASES = 4
MAX_PHRASE_WORDS = 8
_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "″": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_OPERATORS = {"AND", "OR", "&&", "||", "+"}
_NEGATIONS = {"NOT", "!"}


@dataclass
class ParsedQuery:
    words: list[str] = field(default_factory=list)  # lower-cased, in the order typed
    phrases: list[list[str]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)  # folded
    excluded: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (exclusions alone find nothing)."""
        return not (self.words or self.phrases or self.prefixes)


def parse(text: str) -> ParsedQuery:
    """Split what a person typed into words, phrases, prefixes and exclusions; never fails."""
    text = _clean(text)
    query = ParsedQuery()
    for match in _PHRASE.finditer(text):
        phrase = words_of(match.group(1))[:MAX_PHRASE_WORDS]
        if len(phrase) > 1 and len(query.phrases) < MAX_PHRASES:
            query.phrases.append(phrase)
        elif phrase:
            query.words.extend(phrase)
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    negate_next = False
    for raw in rest.split():
        if raw in _OPERATORS:
            continue
        if raw in _NEGATIONS:
            negate_next = True
            continue
        negate, negate_next = negate_next or (raw[0] in "-!" and len(raw) > 1), False
        _add_token(query, raw.lstrip("-!+"), negate)
    query.words = list(dict.fromkeys(query.words))[:MAX_WORDS]
    query.prefixes = list(dict.fromkeys(query.prefixes))[:MAX_WORDS]
    query.excluded = [w for w in dict.fromkeys(query.excluded) if w not in query.words][:MAX_WORDS]
    return query


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))[:MAX_CHARS]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text.translate(_QUOTES)


def _add_token(query: ParsedQuery, raw: str, negate: bool) -> None:
    found = words_of(raw)
    if not found:
        return
    if not negate and raw.endswith("*") and len(found) == 1 and len(fold(found[0])) >= 2:
        query.prefixes.append(fold(found[0]))
        return
    # 'e-mail' stays one word: it finds "e-mail", "email" and "e mail" (searcher.joined_terms)
    tokens = [match.group() for match in WORD_PATTERN.finditer(raw.lower())]
    (query.excluded if negate else query.words).extend(tokens)
