"""A competency with an indicator for each level of the scale."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.content.models.common import Item
from generator.content.types import Level, MdText, Text


class Competency(Item):
    kind: Literal["competency"]
    category: Literal["universal", "company"] = Field(
        description="universal, or company (product, law, market habits)."
    )
    description: MdText | None = None
    levels: dict[Level, Text] = Field(default_factory=dict, description="Observable indicators for each level.")
    develop: list[MdText] = Field(default_factory=list, description="How to grow it.")
