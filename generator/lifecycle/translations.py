"""Translation freshness: per item and language, is the translation current, outdated, unverified or missing?

An item records, per language, the `source_fingerprint` of its default-language
text at the time it was translated (`translated: {pl: 3f9a0c12be}`, written by
`kb i18n mark`). Comparing it with today's fingerprint gives the state:

* current     every text has the language, and the recorded fingerprint matches;
* outdated    every text has the language, but the default-language text changed since it was recorded;
* unverified  every text has the language, but nothing was recorded: nobody has said which version
              it translates (content written before fingerprints, or by hand). It is shown as translated
              and listed apart, so a team lead can confirm it with `kb i18n mark`;
* missing     some or all texts lack the language (`partial` tells which); the page falls back to the
              default-language text for those. A recorded fingerprint that no longer matches is kept in
              `stale`, so a partly translated item whose source also changed is not forgotten.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from generator.content.fingerprint import source_fingerprint
from generator.content.knowledge import KnowledgeBase
from generator.content.messages import label
from generator.content.models import Item
from generator.content.types import Text
from generator.content.walk import leaves

State = Literal["current", "outdated", "unverified", "missing"]
STATES: tuple[State, ...] = ("outdated", "missing", "unverified", "current")


@dataclass(frozen=True)
class TranslationStatus:
    lang: str
    state: State
    source: str  # the default-language fingerprint now
    recorded: str | None  # what `translated.<lang>` says, if anything
    missing: tuple[str, ...] = ()  # texts without the language, e.g. ('title', 'steps[2]')
    total: int = 0  # texts the item has

    @property
    def partial(self) -> bool:
        """Some texts are translated, some are not."""
        return 0 < len(self.missing) < self.total

    @property
    def stale(self) -> bool:
        """A fingerprint was recorded and the default-language text has changed since."""
        return self.recorded is not None and self.recorded != self.source


def translation_status(kb: KnowledgeBase, item: Item, lang: str) -> TranslationStatus:
    """The state of `item`'s translation into `lang` (always current for the default language)."""
    source = source_fingerprint(item, kb.default_language)
    recorded = item.translated.get(lang)
    texts = [leaf for leaf in leaves(item) if isinstance(leaf.value, Text)]
    if lang == kb.default_language:
        return TranslationStatus(lang, "current", source, recorded, (), len(texts))
    missing = tuple(label(leaf.path) for leaf in texts if lang not in leaf.value)
    state: State
    if missing:
        state = "missing"
    elif recorded is None:
        state = "unverified"
    else:
        state = "current" if recorded == source else "outdated"
    return TranslationStatus(lang, state, source, recorded, missing, len(texts))


def translation_languages(kb: KnowledgeBase, langs: Sequence[str] = ()) -> list[str]:
    """The languages translations are made into (all but the default), or `langs` in config order."""
    wanted = set(langs)
    return [lang for lang in kb.languages[1:] if not wanted or lang in wanted]


def statuses(
    kb: KnowledgeBase, langs: Sequence[str] = (), items: Iterable[Item] | None = None
) -> dict[str, list[tuple[Item, TranslationStatus]]]:
    """Per language, every active item (sorted by id) with its status."""
    chosen = sorted(items if items is not None else kb.items.values(), key=lambda i: i.id)
    active = [item for item in chosen if item.is_active]
    return {
        lang: [(item, translation_status(kb, item, lang)) for item in active]
        for lang in translation_languages(kb, langs)
    }


@dataclass(frozen=True)
class Marker:
    """The "outdated translation" marker a page in `lang` shows beside its title, with a longer note."""

    text: str
    note: str


def outdated_marker(kb: KnowledgeBase, item: Item, lang: str) -> Marker | None:
    """A marker when the recorded translation of `item` into `lang` no longer matches its source text."""
    from generator.words import words

    if lang == kb.default_language or not translation_status(kb, item, lang).stale:
        return None
    said = words(lang)
    return Marker(said["outdated_translation"], said["outdated_translation_note"])


def unknown_language(languages: Sequence[str], wanted: Sequence[str]) -> str | None:
    """The message for the first of `wanted` that is not a translated language (None when all are)."""
    from generator.diagnostics import suggest

    for lang in wanted:
        if lang not in languages[1:]:
            return f"--lang {lang}: not a translated language of this site ({suggest(lang, languages[1:])})"
    return None
