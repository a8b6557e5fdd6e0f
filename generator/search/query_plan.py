"""What the searcher asks ranking for: analysed terms, per language, and how to combine them.

Engine-neutral (no Whoosh here): `searcher.py` builds plans, `ranking.py` scores them over the
posting lists `engine.py` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FUZZY_MIN_LETTERS = 5  # query words this long or longer may match with one typo
FEW = 5  # fewer hits than this (or than asked for) and the searcher's next, looser round runs


@dataclass
class Group:
    """One word of the query: its exact terms and the strings to match with one typo, per language."""

    exact: dict[str, set[str]]
    fuzzy: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class QueryPlan:
    groups: list[Group]
    phrases: list[dict[str, list[str]]]  # per language, the phrase's terms in order
    prefixes: list[str]
    excluded: list[Group]
    langs: list[str]  # languages whose own fields are searched
    fallback_langs: list[str]  # languages whose `fallback` fields are searched
    filters: dict[str, str]  # kind/area/channel/role/status/lang -> value
    require_all: bool = True
    fuzzy: bool = False


@dataclass
class RawHit:
    fields: dict[str, Any]  # the stored fields
    score: float
    folded_parts: list[str] | None = None  # fields["parts"] folded, when known
