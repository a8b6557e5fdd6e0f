"""The interface words of every output (site, search, printouts) per language, from one locale file each.

The files are `generator/render/locales/<lang>.yaml`. English is complete and is
the fallback for a missing word or a language without a file, so a new language
works at once and can be translated later. Every layer reads the words through
`labels()`; none reaches into another layer's files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "render" / "locales"


@cache
def _read(lang: str) -> dict[str, str]:
    path = FOLDER / f"{lang}.yaml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    return {str(key): str(value) for key, value in data.items()}


class Labels:
    """Labels by key, as `L["key"]` or `L.key` in templates (a plain class, so no key is hidden by a
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


@cache
def labels(lang: str) -> Labels:
    """Every label in `lang`, English where the language has none."""
    return Labels({**_read("en"), **_read(lang.split("-")[0]), **_read(lang)})
