"""The `kb report` reports as values: a Report has sections of entries, each naming an item and a line.

`formats.py` prints a Report as text, Markdown or JSON, the same facts in each;
a report page on the site can render the same values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.diagnostics import Location
from generator.lifecycle import coverage as coverage_module
from generator.lifecycle.reviews import ReviewEntry, review_counts, review_entries
from generator.lifecycle.translations import TranslationStatus, statuses

NAMES = ("review", "translations", "coverage")


@dataclass(frozen=True)
class Entry:
    item: str  # id
    title: str  # in the default language
    state: str  # overdue, outdated, competency-gap, ...
    detail: str
    where: str  # path:line
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    key: str  # an owner, a language, a finding code
    title: str
    entries: list[Entry]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    summary: str
    sections: list[Section]
    counts: dict[str, int] = field(default_factory=dict)


def _entry(kb: KnowledgeBase, item: Item, state: str, detail: str, where: Location, **data: Any) -> Entry:
    title, _ = kb.text(item.title, kb.default_language)
    return Entry(item.id, title, state, detail, str(where), data)


def build_reports(
    kb: KnowledgeBase, names: Sequence[str] = NAMES, langs: Sequence[str] = (), show_all: bool = False
) -> list[Report]:
    builders = {
        "review": lambda: review_report(kb, show_all),
        "translations": lambda: translations_report(kb, langs, show_all),
        "coverage": lambda: coverage_report(kb),
    }
    return [builders[name]() for name in names]


# -- review -------------------------------------------------------------------


def review_report(kb: KnowledgeBase, include_current: bool = False) -> Report:
    counts = review_counts(kb)
    sections = [
        Section(owner, f"Owner: {owner}", [_review_entry(kb, entry) for entry in entries])
        for owner, entries in review_entries(kb, include_current).items()
    ]
    summary = (
        f"{kb.today}: {counts['overdue']} overdue, {counts['due']} due within {kb.review_due_days} days, "
        f"{counts['never']} never reviewed, {counts['current']} current"
    )
    return Report("review", "Reviews by owner", summary, sections, counts)


def _review_entry(kb: KnowledgeBase, entry: ReviewEntry) -> Entry:
    item, review = entry.item, entry.review
    detail = {
        "overdue": f"overdue since {review.due}",
        "due": f"due by {review.due}",
        "never": "never reviewed (no `reviewed:` date)",
        "current": f"next review by {review.due}",
    }[review.state]
    where = item.origin.location(("reviewed",) if item.reviewed else ("id",))
    data = {"kind": item.kind, "owner": item.owner, "reviewed": _iso(item.reviewed), "due": _iso(review.due)}
    return _entry(kb, item, review.state, detail, where, **data)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# -- translations -------------------------------------------------------------


def translations_report(kb: KnowledgeBase, langs: Sequence[str] = (), include_current: bool = False) -> Report:
    sections, totals = [], {"outdated": 0, "missing": 0, "unverified": 0, "current": 0}
    for lang, pairs in statuses(kb, langs).items():
        counts = dict.fromkeys(totals, 0)
        entries = []
        for state in ("outdated", "missing", "unverified", "current"):
            for item, status in pairs:
                if status.state != state:
                    continue
                counts[state] += 1
                if state != "current" or include_current:
                    entries.append(_translation_entry(kb, item, status))
        for state, count in counts.items():
            totals[state] += count
        shown = ", ".join(f"{counts[state]} {state}" for state in counts)
        sections.append(Section(lang, f"Language: {lang} ({shown})", entries, counts))
    summary = ", ".join(f"{totals[state]} {state}" for state in totals) + " (items × languages)"
    return Report("translations", "Translations", summary, sections, totals)


def _translation_entry(kb: KnowledgeBase, item: Item, status: TranslationStatus) -> Entry:
    lang, default = status.lang, kb.default_language
    if status.state == "outdated":
        detail = f"the {default} text changed since it was translated"
        where = item.origin.location(("translated", lang))
    elif status.state == "missing":
        more = len(status.missing) - 3
        shown = ", ".join(status.missing[:3]) + (f" and {more} more" if more > 0 else "")
        detail = f"partly translated; no {lang} text for {shown}" if status.partial else "not translated"
        detail += "; the recorded translation is outdated too" if status.stale else ""
        where = item.origin.location(("title",))
    elif status.state == "unverified":
        detail = "translated, but no fingerprint recorded (confirm with `kb i18n mark`)"
        where = item.origin.location(("id",))
    else:
        detail = "current"
        where = item.origin.location(("translated", lang))
    data = {"kind": item.kind, "lang": lang, "recorded": status.recorded, "source": status.source,
            "missing": list(status.missing), "texts": status.total}
    return _entry(kb, item, status.state, detail, where, **data)


# -- coverage -----------------------------------------------------------------


def coverage_report(kb: KnowledgeBase) -> Report:
    found = coverage_module.coverage(kb)
    sections = [
        Section(code, coverage_module.TITLES[code], [
            _entry(kb, finding.item, code, finding.message, finding.location, **finding.data) for finding in findings
        ])
        for code, findings in found.items()
    ]
    counts = {code: len(findings) for code, findings in found.items()}
    summary = f"{sum(counts.values())} finding(s): " + ", ".join(f"{count} {code}" for code, count in counts.items())
    return Report("coverage", "Coverage and orphans", summary, sections, counts)
