"""An onboarding or development path: phases of steps, each signed off by the mentor or self."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from generator.content.models.common import Model, Reviewable
from generator.content.types import Level, Slug, Text, ref


class Builds(Model):
    competency: ref("competency")  # type: ignore[valid-type]
    level: Level


class Step(Model):
    do: Text
    key: Slug | None = Field(None, description="Stable key for progress; default derived from the text.")
    read: list[ref("standard", "practice", "checklist")] = Field(default_factory=list)  # type: ignore[valid-type]
    builds: Builds | None = None
    sign_off: Literal["mentor", "self"] = "mentor"


class Phase(Model):
    title: Text
    days: str | None = Field(None, description='A day ("1") or a range ("2-5").')
    steps: list[Step] = Field(min_length=1)

    @field_validator("days")
    @classmethod
    def _day_or_range(cls, days: str | None) -> str | None:
        if days is None:
            return None
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", days)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise ValueError(f"days must be a day like \"1\" or a range like \"2-5\", got '{days}'")
        return days.replace(" ", "")


class Path(Reviewable):
    kind: Literal["path"]
    role: ref("role")  # type: ignore[valid-type]
    type: Literal["onboarding", "development"] = "onboarding"
    mentor: ref("role") | None = None  # type: ignore[valid-type]
    after: list[ref("path")] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Paths to complete before this one."
    )
    phases: list[Phase] = Field(min_length=1)
