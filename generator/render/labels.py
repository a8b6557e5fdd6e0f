"""The site's words, from `generator.words` (kept so that `labels(lang)` reads as before in render)."""

from __future__ import annotations

from generator.words import Words as Labels
from generator.words import language_name, words

__all__ = ["Labels", "labels", "language_name"]


def labels(lang: str) -> Labels:
    """Every label in `lang`, English where the language has none."""
    return words(lang)
