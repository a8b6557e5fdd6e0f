"""A good practice from the catalogue; adopted when a standard names it in `adopted_from`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.content.models.common import Item
from generator.content.types import MdText, ref


class Practice(Item):
    kind: Literal["practice"]
    problem: MdText | None = Field(None, description="Markdown: the mistake or situation it answers.")
    customer_effect: MdText | None = Field(None, description="Markdown: what the customer lives through without it.")
    actions: list[MdText] = Field(default_factory=list, description="The practice as concrete actions (Markdown).")
    proposed_by: str | None = Field(None, description="Free text: a team or a role.")
    source: str | None = Field(None, description="Free text reference.")
    rejected: MdText | None = Field(None, description="Markdown: why the company decided not to adopt it.")
    related: list[ref()] = Field(default_factory=list)  # type: ignore[valid-type]
