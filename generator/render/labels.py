"""The site's own words (headings, buttons, notices) per language, from locales/<lang>.yaml.

English is complete and is the fallback for a missing word or a language
without a file, so a new language works at once and can be translated later.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "locales"

# Language names in their own language, for the switcher and the notices.
NAMES = {
    "en": "English", "pl": "Polski", "el": "Ελληνικά", "ro": "Română", "de": "Deutsch", "fr": "Français",
    "es": "Español", "it": "Italiano", "pt": "Português", "nl": "Nederlands", "cs": "Čeština", "sk": "Slovenčina",
    "hu": "Magyar", "bg": "Български", "uk": "Українська", "ru": "Русский", "tr": "Türkçe", "sv": "Svenska",
    "da": "Dansk", "fi": "Suomi", "nb": "Norsk bokmål", "lt": "Lietuvių", "lv": "Latviešu", "et": "Eesti",
    "hr": "Hrvatski", "sl": "Slovenščina", "sr": "Српски",
}


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


def language_name(lang: str) -> str:
    return NAMES.get(lang) or NAMES.get(lang.split("-")[0]) or lang
