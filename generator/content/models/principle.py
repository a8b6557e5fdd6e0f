"""A principle: what every customer wants (convenience, speed, trust, ...)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.content.models.common import Item
from generator.content.types import MdText


class Principle(Item):
    kind: Literal["principle"]
    description: MdText | None = Field(None, description="Markdown.")
