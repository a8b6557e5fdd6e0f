"""The content models, one module per kind, registered here in one place."""

from __future__ import annotations

from generator.content.models.checklist import Checklist
from generator.content.models.common import Item, Reviewable
from generator.content.models.competency import Competency
from generator.content.models.path import Path
from generator.content.models.practice import Practice
from generator.content.models.principle import Principle
from generator.content.models.role import Role
from generator.content.models.standard import Standard
from generator.content.models.taxonomy import Taxonomy

KINDS: dict[str, type[Item]] = {
    "taxonomy": Taxonomy,
    "principle": Principle,
    "practice": Practice,
    "standard": Standard,
    "checklist": Checklist,
    "role": Role,
    "competency": Competency,
    "path": Path,
}

__all__ = [
    "KINDS",
    "Checklist",
    "Competency",
    "Item",
    "Path",
    "Practice",
    "Principle",
    "Reviewable",
    "Role",
    "Standard",
    "Taxonomy",
]
