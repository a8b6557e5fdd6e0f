"""What changed, for readers: the notes editors write (`changes:`) and the dates git knows.

A reader sees a note with its date, or a date alone; never a commit subject or hash (those are
written for editors). The notes are the record: a date from git shows only when it is newer than
the newest note (a change nobody described yet), or, for an item without notes, its recent
commits' dates. The item page's "Recent changes" shows that list; the site's changes page shows every
note, and of the dates alone only each item's newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.content.models import Item
from generator.content.types import Text
from generator.lifecycle.history import item_history
from generator.render.view import PageView

if TYPE_CHECKING:
    from generator.render.pages import PageSpec

ITEM_LIMIT = 5  # entries on an item page
SITE_LIMIT = 50  # entries on the site's changes page


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD
    note: Text | None  # None: the date alone
    item: Item


def item_changes(item: Item, history: dict[Any, Any], limit: int = ITEM_LIMIT) -> list[Change]:
    """The item's changes, newest first: its notes, and the git dates newer than the newest note."""
    found = item_history(item, history, limit=limit + 1) if history else None
    dates = list(dict.fromkeys(commit.date for commit in found.commits)) if found else []
    notes = sorted(item.changes, key=lambda change: change.date, reverse=True)
    newest = notes[0].date.isoformat() if notes else ""
    entries = [Change(day, None, item) for day in dates if day > newest]
    entries += [Change(change.date.isoformat(), change.note, item) for change in notes]
    return sorted(entries, key=lambda change: change.date, reverse=True)[:limit]


def site_changes(items: list[Item], history: dict[Any, Any], limit: int = SITE_LIMIT) -> list[Change]:
    """The newest changes across `items` (in the order given when on the same day): every note, and of
    the dates alone only each item's newest (a list of bare dates would drown the notes)."""
    entries = [change for item in items for index, change in enumerate(item_changes(item, history, limit))
               if change.note or index == 0]
    return sorted(entries, key=lambda change: change.date, reverse=True)[:limit]


def changes_page(p: PageView, spec: PageSpec) -> dict[str, Any]:
    """The site's "Recent changes": every active item's newest changes, newest first."""
    r = p.r
    items = r.sort(item for item in r.kb.items.values() if item.is_active and item.kind != "taxonomy")
    return {"title": r.L["history_title"], "changes": site_changes(items, r.settings.history)}
