"""A checklist: printable, for audits, routines and events."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.common import Model, Reviewable
from generator.content.types import MdText, Slug, Text, ref

Frequency = Literal["once", "per-event", "daily", "weekly", "monthly", "quarterly"]


class ChecklistItem(Model):
    text: Text
    standard: ref("standard") | None = None  # type: ignore[valid-type]
    key: Slug | None = Field(None, description="Stable key; default derived from the text.")


class Section(Model):
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)


class Checklist(Reviewable):
    kind: Literal["checklist"]
    purpose: MdText | None = None
    frequency: Frequency | None = None
    roles: list[ref("role", keywords=("everyone",))] = Field(default_factory=list)  # type: ignore[valid-type]
    items: list[ChecklistItem] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    sign_off: list[ref("role")] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Roles whose signature lines the printout shows."
    )

    @model_validator(mode="after")
    def _has_items(self) -> Checklist:
        # "field" tells the error report which line to point at (see messages.describe)
        if not self.items and not self.sections:
            raise PydanticCustomError(
                "checklist_empty", "a checklist needs at least one item", {"field": "items"}
            )
        if self.items and self.sections:
            raise PydanticCustomError(
                "checklist_both", "use either `items:` or `sections:`, not both", {"field": "sections"}
            )
        return self

    def all_sections(self) -> list[tuple[Text | None, list[ChecklistItem]]]:
        """Sections with their items; a checklist with plain `items` has one untitled section."""
        if self.sections:
            return [(section.title, section.items) for section in self.sections]
        return [(None, self.items)]
