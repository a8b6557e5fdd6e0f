"""Review lifecycle of owned items: current, due within N days, or overdue."""

from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from generator.content.models import Reviewable

State = Literal["current", "due", "overdue", "never"]


@dataclass(frozen=True)
class ReviewState:
    state: State
    due: date | None  # when the next review is due (None: never reviewed)

def today() -> date:
    """Today's date; KB_TODAY=YYYY-MM-DD fixes it (for reproducible builds and tests)."""
    fixed = os.environ.get("KB_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        from generator.config import ConfigError

        raise ConfigError(
            f"KB_TODAY={fixed!r} is not a date like 2026-03-31 (set it to a real day, or unset it)"
        ) from None


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_state(item: Reviewable, on: date, default_months: int, due_days: int = 30) -> ReviewState:
    if item.reviewed is None:
        return ReviewState("never", None)
    due = add_months(item.reviewed, item.review_every_months or default_months)
    if due < on:
        return ReviewState("overdue", due)
    if due <= on + timedelta(days=due_days):
        return ReviewState("due", due)
    return ReviewState("current", due)
