"""Fields every kind shares, and the base classes of all content models."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, PrivateAttr

from generator.content.types import IsoDate, MdText, Slug, Text, ref

Status = Literal["draft", "active", "retired"]
RoleRef = ref("role")


class Model(BaseModel):
    """Strict and immutable: an unknown field is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class ChangeNote(Model):
    """What changed, for readers: `changes: [{date: 2026-10-01, note: {en: …, pl: …}}]`."""

    date: IsoDate = Field(description="The day of the change, YYYY-MM-DD.")
    note: MdText = Field(description="Markdown: what changed for readers, in a sentence or two.")


class Item(Model):
    """One file of content. `origin` says which file it came from."""

    kind: str
    id: Slug = Field(description="Unique id; equals the file name without .yaml.")
    title: Text = Field(description="Plain text title.")
    summary: Text | None = Field(None, description="One or two sentences shown in lists and search results.")
    tags: list[Slug] = Field(default_factory=list)
    status: Status = Field("active", description="draft: shown with a banner; retired: kept but left out of indexes.")
    changes: list[ChangeNote] = Field(
        default_factory=list,
        description="What changed, for readers (shown under Recent changes with its date); the newest first.",
    )
    translated: dict[str, str] = Field(
        default_factory=dict,
        description="Per language, the fingerprint of the default-language text the translation was made from.",
    )

    _origin: Any = PrivateAttr(default=None)
    _walked: Any = PrivateAttr(default=None)  # walk.leaves() of this item, computed once (items are immutable)

    @property
    def origin(self) -> Any:
        """The `SourceFile` this item was loaded from (set by the loader)."""
        return self._origin

    @property
    def is_active(self) -> bool:
        return self.status != "retired"


class Reviewable(Item):
    """Kinds with an owner and a review cycle: standard, checklist, path."""

    owner: RoleRef = Field(description="The role that owns and reviews this item.")  # type: ignore[valid-type]
    reviewed: IsoDate | None = Field(None, description="Date of the last review, YYYY-MM-DD.")
    review_every_months: PositiveInt | None = Field(None, description="Review cycle; default from the kb config.")
