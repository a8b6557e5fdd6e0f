"""A role and its competency profile."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.content.models.common import Item
from generator.content.types import Level, MdText, ref


class Role(Item):
    kind: Literal["role"]
    description: MdText | None = None
    competencies: dict[ref("competency"), Level] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="Competency id -> required level."
    )
