"""Where every value of a YAML document stood: line and column of each key and value, looked up by path.

The YAML loader (yamlload.py) records them while it builds the values; checks use them to put
an error at its line. Containers are looked up by identity, so positions live as long as their
`Document`, which holds the values they belong to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Mark = tuple[int, int]  # 1-based line, column


@dataclass
class Marks:
    """Positions of one mapping's keys and values, or of one sequence's entries."""

    start: Mark
    keys: dict[Any, Mark] = field(default_factory=dict)
    values: dict[Any, Mark] = field(default_factory=dict)


class Positions:
    """Source positions of everything in one document, looked up by path."""

    def __init__(self) -> None:
        self._marks: dict[int, Marks] = {}

    def add(self, container: object, marks: Marks) -> None:
        self._marks[id(container)] = marks

    def marks(self, container: object) -> Marks | None:
        """The positions of one mapping's or sequence's entries (None for a scalar)."""
        return self._marks.get(id(container))

    def locate(self, root: Any, path: Sequence[Any], key: bool = False) -> Mark:
        """The position of the value at `path` (of its key, with key=True).

        Walks as deep as the path exists and returns the deepest position known,
        so a missing field points at the mapping that should hold it.
        """
        node = root
        marks = self._marks.get(id(node))
        best: Mark = marks.start if marks else (1, 1)
        for i, part in enumerate(path):
            if marks is None:
                break
            last = i == len(path) - 1
            if last and key and part in marks.keys:
                return marks.keys[part]
            if part not in marks.values:
                break
            best = marks.values[part]
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            marks = self._marks.get(id(node))
        return best


@dataclass
class Document:
    """One loaded file: its data (a mapping) and where each value stood."""

    data: dict[str, Any]
    positions: Positions

    def locate(self, path: Sequence[Any], key: bool = False) -> Mark:
        return self.positions.locate(self.data, path, key)
