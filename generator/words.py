"""Every word a reader sees, per language: one file per language in `generator/locales/<lang>.yaml`.

The site, the printouts, the reports and the search all read their words here,
through `words(lang)`; this module imports nothing of the project, so content,
lifecycle, render, printing and search may all use it. English is complete and
fills any word a language lacks, so adding a language is adding one file (it
may be translated word by word later).

Besides plain words (snake_case keys, `{placeholders}` filled in by the caller),
a file holds:

* `language_name`: the language's name in itself ("Polski"), for the switcher;
* `language_names`: other languages' names in this language ("angielski"), for
  notices such as "shown in English"; a language missing there is named in itself;
* `stop_words`: words a search query ignores (no English fallback: a language
  without them ignores nothing);
* `collation: marked-letters-apart`: letters with marks are letters of their own
  in the alphabet (Polish 'ł' after 'l'), for sorting lists (see `sort_key`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).parent / "locales"
FALLBACK = "en"
SPECIAL = ("language_name", "language_names", "stop_words", "stemmer", "collation")


def _read(lang: str) -> dict[str, Any]:
    return _read_file(FOLDER / f"{lang}.yaml")


@cache
def _read_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    return {str(key): value for key, value in data.items()}


def _own(lang: str) -> dict[str, Any]:
    """What `lang`'s files say, the more specific ('pt-br') over the general ('pt'); merged once per
    locale folder (do not change the mapping returned: it is shared)."""
    return _merged(FOLDER, lang)


@cache
def _merged(folder: Path, lang: str) -> dict[str, Any]:
    return {**_read_file(folder / f"{lang.split('-')[0]}.yaml"), **_read_file(folder / f"{lang}.yaml")}


def available() -> list[str]:
    """The languages that have a locale file."""
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


class Words:
    """Words by key, as `W["key"]` or `W.key` in templates (a plain class, so no key is hidden by a
    dict method such as `items`); a missing key is an error, not an empty string."""

    __slots__ = ("_words",)

    def __init__(self, words: dict[str, str]) -> None:
        self._words = words

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __getattr__(self, key: str) -> str:
        try:
            return self._words[key]
        except KeyError:
            raise AttributeError(key) from None

    def __contains__(self, key: str) -> bool:
        return key in self._words

    def names(self) -> list[str]:
        return sorted(self._words)

    def get(self, key: str, default: str = "") -> str:
        return self._words.get(key, default)


def words(lang: str) -> Words:
    """Every word in `lang`, English where the language has none."""
    return _words(FOLDER, lang)


@cache
def _words(folder: Path, lang: str) -> Words:
    merged = {**_read(FALLBACK), **_own(lang)}
    return Words({key: str(value) for key, value in merged.items() if key not in SPECIAL})


def language_name(lang: str, in_lang: str | None = None) -> str:
    """`lang`'s name: in itself ("Polski"), or as `in_lang` calls it ("polski" in Polish,
    "Polish" in English); the code itself for a language nobody names."""
    if in_lang is not None:
        named = _own(in_lang).get("language_names") or {}
        if lang in named or lang.split("-")[0] in named:
            return str(named.get(lang) or named[lang.split("-")[0]])
    return str(_own(lang).get("language_name") or lang)


def stop_words(lang: str) -> frozenset[str]:
    """The words a query in `lang` ignores (none for a language without a list)."""
    listed = _read(lang.split("-")[0]).get("stop_words") or ""
    return frozenset(listed.split() if isinstance(listed, str) else (str(word) for word in listed))


def stemmer_name(lang: str) -> str | None:
    """The Snowball algorithm that stems `lang` ('polish'), from its locale file; None: words are only folded."""
    name = _own(lang).get("stemmer")
    return str(name) if name else None


_BASE = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
_AFTER = chr(0x10FFFF)  # sorts after every letter


def _base(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char.translate(_BASE)) if not unicodedata.combining(c))


def sort_key(text: str, lang: str = FALLBACK) -> tuple[str, str]:
    """Orders titles as a reader of `lang` expects, without a collation library: case ignored, and a
    letter with a mark either next to its base letter ('Ά' with 'Α'), or, where the locale file says
    `collation: marked-letters-apart` (Polish, Romanian), after it as a letter of its own
    ('Lista' < 'Łączność' < 'Mapa'); the marked form after the plain one."""
    return _sort_key(text, _own(lang).get("collation") == "marked-letters-apart")


@lru_cache(maxsize=65536)  # every index page sorts the same titles again
def _sort_key(text: str, apart: bool) -> tuple[str, str]:
    lowered = text.casefold()
    if apart:
        base = "".join(b + _AFTER if (b := _base(c)) != c else c for c in lowered)
    else:
        base = _base(lowered)
    return base, lowered


_SEGMENT = re.compile(r"(\w+)(?:\[(\d+)\])?")
KEYED = frozenset({"levels"})  # mappings keyed by number (a competency's levels 1..N), not lists


def field_in_words(path: str, said: Words) -> str:
    """'phases[1].steps[2].do' -> 'phase 2 › step 3': a text's place in an item for readers, from the
    `field_<name>` words ({n} counts from 1); the text of a list entry (`.text`, `.do`) is the entry itself."""
    parts: list[str] = []
    segments = [_SEGMENT.fullmatch(segment) for segment in path.split(".")]
    for index, match in enumerate(segments):
        if match is None:
            return path
        name, number = match.group(1), match.group(2)
        if number is None and index > 0 and name in ("text", "do", "note") and segments[index - 1].group(2):  # type: ignore[union-attr]
            continue
        word = said.get(f"field_{name}", name.replace("_", " "))
        if number is None:
            parts.append(word)
            continue
        n = int(number) if name in KEYED else int(number) + 1
        parts.append(word.format(n=n) if "{n}" in word else f"{word} {n}")
    return " › ".join(parts)


def kind_label(kind: str, lang: str) -> str:
    """'lista kontrolna' for a checklist in Polish; the English name, then the kind, as fallbacks."""
    language_words = words(lang)
    key = f"search_kind_{kind}"
    return language_words[key] if key in language_words else kind
