"""The KnowledgeBase: every item, indexed by id and kind, with references resolved both ways.

It is built once per run; the site, printouts and search are functions of it and
never read YAML again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from generator.content.models import (
    Checklist,
    Competency,
    Item,
    Path,
    Practice,
    Principle,
    Reviewable,
    Role,
    Standard,
    Taxonomy,
)
from generator.content.review import ReviewState, review_state
from generator.content.types import Ref, Text, slugify
from generator.content.walk import iter_markers

T = TypeVar("T", bound=Item)


@dataclass(frozen=True)
class Link:
    """`source` points at `target` from the field at `path` (e.g. ('phases', 0, 'steps', 2, 'read', 0))."""

    source: Item
    target: str
    path: tuple[Any, ...]

    @property
    def field(self) -> str:
        return str(self.path[0])


def _links(item: Item, previous: KnowledgeBase | None) -> list[Link]:
    """The item's links, in field order (the previous knowledge base's when it holds the same item object)."""
    if previous is not None and previous.items.get(item.id) is item:
        return previous._outgoing[item.id]
    return [Link(item, leaf.value, leaf.path) for leaf, _ in iter_markers(item, Ref)]


class KnowledgeBase:
    def __init__(
        self,
        items: Iterable[Item],
        languages: list[str],
        today: date,
        review_every_months: int = 12,
        review_due_days: int = 30,
        anchor: str = ".",
        previous: KnowledgeBase | None = None,
    ) -> None:
        """`previous`: an earlier knowledge base (kb preview's last one), whose links from the same item
        objects are reused instead of made again (tens of thousands at 10,000 standards)."""
        self.anchor = anchor  # where KB-wide diagnostics point (the first content folder)
        self.kinds_seen: set[str] = set()  # kinds named by files that failed to validate too
        self.broken: dict[str, str] = {}  # id -> kind of items whose file has errors (not loaded)
        self.languages = languages
        self.default_language = languages[0]
        self.today = today
        self.review_every_months = review_every_months
        self.review_due_days = review_due_days
        self.items: dict[str, Item] = {}
        self.duplicates: list[tuple[Item, Item]] = []
        for item in items:
            if item.id in self.items:
                self.duplicates.append((self.items[item.id], item))
            else:
                self.items[item.id] = item
        self._by_kind: dict[str, list[Item]] = defaultdict(list)
        for item in sorted(self.items.values(), key=lambda i: i.id):
            self._by_kind[item.kind].append(item)
        self._outgoing: dict[str, list[Link]] = {item.id: _links(item, previous) for item in self.items.values()}
        self.links: list[Link] = [link for links in self._outgoing.values() for link in links]
        self._referrers: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            self._referrers[link.target].append(link)

    # -- lookup ---------------------------------------------------------------

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def of_kind(self, kind: str, include_retired: bool = True) -> list[Item]:
        items = self._by_kind.get(kind, [])
        return items if include_retired else [item for item in items if item.is_active]

    def typed(self, cls: type[T], include_retired: bool = True) -> list[T]:
        kind = cls.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
        return self.of_kind(kind, include_retired)  # type: ignore[return-value]

    @property
    def taxonomy(self) -> Taxonomy | None:
        found = self._by_kind.get("taxonomy")
        return found[0] if found else None  # type: ignore[return-value]

    # -- links ----------------------------------------------------------------

    def referrers(self, item_id: str, kind: str | None = None) -> list[Link]:
        """Links pointing at `item_id`, optionally only from items of `kind`."""
        links = self._referrers.get(item_id, [])
        return [link for link in links if kind is None or link.source.kind == kind]

    def adopted_by(self, practice: Practice) -> list[Standard]:
        return [
            link.source  # type: ignore[misc]
            for link in self.referrers(practice.id, "standard")
            if link.field == "adopted_from"
        ]

    def practice_state(self, practice: Practice) -> str:
        """adopted (a standard adopts it), rejected, or candidate."""
        if self.adopted_by(practice):
            return "adopted"
        return "rejected" if practice.rejected else "candidate"

    def standards_for_role(self, role: Role) -> list[Standard]:
        return [s for s in self.typed(Standard) if role.id in s.roles or "everyone" in s.roles]

    def checklists_for_role(self, role: Role) -> list[Checklist]:
        return [c for c in self.typed(Checklist) if role.id in c.roles or "everyone" in c.roles]

    def paths_for_role(self, role: Role) -> list[Path]:
        return [p for p in self.typed(Path) if p.role == role.id]

    def principles(self) -> list[Principle]:
        return self.typed(Principle)

    def competencies(self) -> list[Competency]:
        return self.typed(Competency)

    # -- text and review ------------------------------------------------------

    def text(self, text: Text | None, lang: str) -> tuple[str, bool]:
        """Text in `lang`, falling back to the default language; the flag marks a fallback."""
        if not text:
            return "", False
        return text.in_language(lang, self.default_language)

    def progress_key(self, key: str | None, text: Text) -> str:
        """The browser's progress key of a path step or checklist entry: its `key:`, else its default text as a slug."""
        return key or slugify(self.text(text, self.default_language)[0])

    def review(self, item: Reviewable) -> ReviewState:
        return review_state(item, self.today, self.review_every_months, self.review_due_days)
