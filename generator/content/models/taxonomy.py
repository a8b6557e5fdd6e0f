"""The taxonomy: the competency scale, the areas and the channels (exactly one per knowledge base)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt, field_validator

from generator.content.models.common import Item
from generator.content.types import Slug, Text


class Taxonomy(Item):
    kind: Literal["taxonomy"]
    levels: dict[PositiveInt, Text] = Field(description="The competency scale: level number -> name, from 1 up.")
    areas: dict[Slug, Text] = Field(description="Areas that standards are grouped by: key -> name.")
    channels: dict[Slug, Text] = Field(default_factory=dict, description="Contact channels: key -> name.")

    @field_validator("levels")
    @classmethod
    def _levels_from_one(cls, levels: dict[int, Text]) -> dict[int, Text]:
        expected = list(range(1, len(levels) + 1))
        if sorted(levels) != expected:
            raise ValueError(f"levels must be numbered 1 to {len(levels)} without gaps")
        return levels
