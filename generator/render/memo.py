"""What rendering keeps beyond one language's renderer, in an object its owner passes down."""

from __future__ import annotations

from typing import Any

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.lifecycle.history import GitHistory


class RenderMemo:
    """Work kept beyond one language's renderer; its owner decides how long it lives.

    `shared`: what every language of one KnowledgeBase computes alike (report data), emptied when
    another KnowledgeBase comes. `statuses`: translation statuses by (item id, language), reused
    while the item object is the same one (the preview's loader keeps unchanged items). `git`: the
    content's git history, read again only when the repository moves. A build makes one memo for
    the build; `kb preview` keeps one for as long as it runs.
    """

    def __init__(self) -> None:
        self.git = GitHistory()
        self._kb: KnowledgeBase | None = None
        self._shared: dict[Any, Any] = {}
        self.statuses: dict[tuple[str, str, str], tuple[Item, Any]] = {}

    def shared(self, kb: KnowledgeBase) -> dict[Any, Any]:
        if self._kb is not kb:
            self._kb, self._shared = kb, {}
        return self._shared
