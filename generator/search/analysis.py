"""Language analysis for search: words, lower-casing, diacritics folding and Snowball stems.

Staff type inflected words ("reklamacji" for a page that says "reklamacja") and
often no diacritics ("obsluga" for "obsługa"). Every word of the text is indexed
as up to three terms at the same position:

* the stem of the original word, folded:  obsługą   -> obsług   -> obslug
* the stem of the folded word, folded:    obsługą   -> obsluga  -> obslug
* the folded word itself:                 obsługą   -> obsluga

The Snowball stemmers expect diacritics, so the first is the accurate one; the
second is what a query typed without diacritics produces; the third makes exact
forms and prefixes match. A query word becomes the same set of terms, so a match
is any shared term.

For phrases, each pair of neighbouring words is also indexed as one term, the
two words' `phrase_term`s joined by a space ("obslug reklamacj"): a phrase
matches where all its neighbouring pairs occur, which answers phrase queries
from term lists alone, without storing word positions. Nothing here imports
Whoosh.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from generator.words import stemmer_name, stop_words

# The text fields of a document, each per language. `fallback` holds what a page shows in the
# default language because it is not translated yet (so it ranks below a page's own language).
FIELDS = ("title", "summary", "body", "fallback")


def field_name(name: str, lang: str) -> str:
    """The index field of text field `name` in `lang`: 'title_pl', 'body_pt_br'."""
    return f"{name}_{lang.replace('-', '_')}"

# Letters NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})
WORD_PATTERN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_PART = re.compile(r"[^\W_]+")

class Word(NamedTuple):
    """A word of a text: its lower-cased form, its position and where it is in the text."""

    text: str
    pos: int
    start: int
    end: int


def _fold_table() -> dict[int, str]:
    """Every letter of the Latin, Greek and Cyrillic blocks mapped to itself without marks (one lookup
    per character, done by str.translate in C); combining marks map to nothing."""
    table: dict[int, str] = {}
    for start, end in ((0x00C0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x04FF),
                       (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)):
        for code in range(start, end + 1):
            char = chr(code)
            decomposed = unicodedata.normalize("NFKD", char.translate(_SPECIAL))
            bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
            if bare != char:
                table[code] = bare
    for char, bare in (("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"), ("ø", "o"), ("Ø", "O"), ("ß", "ss"),
                       ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ı", "i"), ("ħ", "h")):
        table[ord(char)] = bare
    return table


_FOLD = _fold_table()
# str.translate looks every character up in the table, the search only the marked ones: 3x faster.
_MARKED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD)) + "]")


def _bare(match: re.Match[str]) -> str:
    return _FOLD[ord(match.group())]


def strip_marks(text: str) -> str:
    """Remove diacritics (combining marks and the letters NFKD keeps whole, like ł)."""
    if text.isascii():
        return text
    return _MARKED.sub(_bare, text)


def fold(text: str) -> str:
    """Lower-cased, without diacritics, Greek final sigma as σ: 'Obsługą' -> 'obsluga'."""
    return strip_marks(text.lower()).replace("ς", "σ")


def words(text: str) -> Iterator[Word]:
    """Lower-cased words with positions; 'e-mail' gives 'e', 'mail' and the joined 'email'."""
    pos = 0
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased (İ): keep offsets right
        lowered = "".join(ch.lower()[:1] for ch in text)
    for match in WORD_PATTERN.finditer(lowered):
        token, start = match.group(), match.start()
        if token.isalnum():
            yield Word(token, pos, start, match.end())
            pos += 1
            continue
        parts = list(_PART.finditer(token))
        yield Word("".join(part.group() for part in parts), pos, start, match.end())
        for part in parts:
            yield Word(part.group(), pos, start + part.start(), start + part.end())
            pos += 1


def words_of(text: str) -> list[str]:
    """Just the lower-cased words of `text`, without the joined forms."""
    return [m.group().lower() for m in _PART.finditer(text)]


_THREAD = threading.local()  # Snowball stemmers keep state while stemming: one per thread (kb serve)


def _stemmer(lang: str) -> Any:
    stemmers = getattr(_THREAD, "stemmers", None)
    if stemmers is None:
        stemmers = _THREAD.stemmers = {}
    if lang not in stemmers:
        name = stemmer_name(lang)
        if name:
            import snowballstemmer  # here, not at the top: importing every algorithm costs a cold `kb search` 30 ms

            stemmers[lang] = snowballstemmer.stemmer(name)
        else:
            stemmers[lang] = None
    return stemmers[lang]


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a lower-cased word in `lang`, or the word itself."""
    stemmer = _stemmer(lang)
    if stemmer is None or not word.isalpha():
        return word
    return stemmer.stemWord(word)


@lru_cache(maxsize=200_000)
def variants(word: str, lang: str) -> tuple[str, ...]:
    """The terms a lower-cased word is indexed and searched as (see the module docstring)."""
    folded = fold(word)
    accurate = fold(stem(word, lang))
    plain = fold(stem(strip_marks(word), lang))
    return tuple(dict.fromkeys((accurate, plain, folded)))


@lru_cache(maxsize=50_000)
def query_terms(word: str, lang: str) -> tuple[str, ...]:
    """The terms a query word looks for: its two stems. Its folded form would add no match (every
    indexed word also has the stem of its folded form), only cost."""
    return tuple(dict.fromkeys((fold(stem(word, lang)), fold(stem(strip_marks(word), lang)))))


def phrase_term(word: str, lang: str) -> str:
    """The one term every indexed word has, whatever diacritics the query had: for phrases."""
    return fold(stem(strip_marks(word.lower()), lang))


PAIR_SEPARATOR = " "  # never inside a word's term, so pair terms and word terms cannot collide


def pair_term(first: str, second: str) -> str:
    """The term of two neighbouring words, given their phrase terms."""
    return f"{first}{PAIR_SEPARATOR}{second}"


def phrase_pairs(terms: list[str]) -> list[str]:
    """The pair terms a phrase (its words' phrase terms, in order) must all have."""
    return list(dict.fromkeys(pair_term(a, b) for a, b in zip(terms, terms[1:], strict=False)))


def is_pair(term: str) -> bool:
    return PAIR_SEPARATOR in term


@lru_cache(maxsize=64)
def _folded_stopwords(lang: str) -> frozenset[str]:
    return frozenset(fold(word) for word in stop_words(lang))


def is_stopword(word: str, lang: str) -> bool:
    """A word too common to rank by ('the', 'się', 'și'), with or without diacritics; the small
    per-language lists (`stop_words` in generator/locales/<lang>.yaml) apply to queries only (the
    index keeps every word, so phrases work)."""
    return fold(word) in _folded_stopwords(lang.split("-")[0])


@lru_cache(maxsize=200_000)
def _indexed(word: str, lang: str) -> tuple[tuple[str, ...], str]:
    return variants(word, lang), phrase_term(word, lang)


def analyze(text: str, lang: str) -> Iterator[tuple[str, Word]]:
    """Every (term, word) of `text`: what the index stores for it, word terms and pair terms.

    A joined word ("email" of "e-mail") shares its first part's position, so a position
    may hold several words; each pairs with every word of the next position."""
    before: list[str] = []  # the phrase terms at the previous position
    here: list[str] = []
    pos = -1
    for word in words(text):
        if word.pos != pos:
            before, here, pos = here, [], word.pos
        terms, joinable = _indexed(word.text, lang)
        for term in terms:
            yield term, word
        for first in before:
            yield pair_term(first, joinable), word
        here.append(joinable)
