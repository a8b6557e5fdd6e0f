"""The site's own words (headings, buttons, notices) per language: `labels()` reads locales/<lang>.yaml
(through generator/locale.py, which every output shares), plus the languages' own names.
"""

from __future__ import annotations

from generator.locale import FOLDER, Labels, labels

__all__ = ["FOLDER", "Labels", "labels", "language_name", "NAMES"]

# Language names in their own language, for the switcher and the notices.
NAMES = {
    "en": "English", "pl": "Polski", "el": "Ελληνικά", "ro": "Română", "de": "Deutsch", "fr": "Français",
    "es": "Español", "it": "Italiano", "pt": "Português", "nl": "Nederlands", "cs": "Čeština", "sk": "Slovenčina",
    "hu": "Magyar", "bg": "Български", "uk": "Українська", "ru": "Русский", "tr": "Türkçe", "sv": "Svenska",
    "da": "Dansk", "fi": "Suomi", "nb": "Norsk bokmål", "lt": "Lietuvių", "lv": "Latviešu", "et": "Eesti",
    "hr": "Hrvatski", "sl": "Slovenščina", "sr": "Српски",
}


def language_name(lang: str) -> str:
    return NAMES.get(lang) or NAMES.get(lang.split("-")[0]) or lang
