"""Names of the kinds in the site languages, for search documents and results.

The words are in the site's locale files (`search_kind_<kind>` in
generator/locales/<lang>.yaml), with English as the fallback.
"""

from __future__ import annotations

from generator.words import words as labels


def kind_label(kind: str, lang: str) -> str:
    """'lista kontrolna' for a checklist in Polish; the English name, then the kind, as fallbacks."""
    words = labels(lang)
    key = f"search_kind_{kind}"
    return words[key] if key in words else kind
