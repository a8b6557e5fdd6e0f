"""A standard: a binding, checkable rule, often with a procedure."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator.content.models.common import Model, Reviewable
from generator.content.types import SLUG_PATTERN, MdText, Slug, TaxonomyKey, Text, ref


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


_SLUG_SCHEMA = {"type": "string", "pattern": SLUG_PATTERN}
# What `_one_or_many` accepts, so editors do not flag `adopted_from: some-practice`.
ONE_OR_MANY_SCHEMA = WithJsonSchema({"anyOf": [_SLUG_SCHEMA, {"type": "array", "items": _SLUG_SCHEMA}]})


class Measure(Model):
    name: Text
    target: str | None = Field(None, description='The target, e.g. ">= 80 %".')
    how: Text | None = Field(None, description="How it is measured.")


class Standard(Reviewable):
    kind: Literal["standard"]
    area: Annotated[Slug, TaxonomyKey("areas")] = Field(description="A key of taxonomy.areas.")
    channels: list[Annotated[Slug, TaxonomyKey("channels")]] = Field(default_factory=list)
    roles: list[ref("role", keywords=("everyone",))] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Role ids, or [everyone]."
    )
    principles: list[ref("principle")] = Field(default_factory=list)  # type: ignore[valid-type]
    statement: MdText = Field(description="Markdown: the rule, concrete and checkable.")
    why: MdText | None = Field(None, description="Markdown: the effect on the customer.")
    steps: list[MdText] = Field(default_factory=list, description="The procedure, in order.")
    authority: list[MdText] = Field(default_factory=list, description="What staff may decide alone.")
    measures: list[Measure] = Field(default_factory=list)
    do: list[MdText] = Field(default_factory=list, description="Good behaviour, by example.")
    dont: list[MdText] = Field(default_factory=list)
    adopted_from: Annotated[
        list[ref("practice")], BeforeValidator(_one_or_many), ONE_OR_MANY_SCHEMA  # type: ignore[valid-type]
    ] = Field(
        default_factory=list, description="The practice (or practices) this standard adopts."
    )
    related: list[ref()] = Field(default_factory=list)  # type: ignore[valid-type]
