"""Helpers shared by the search tests (imported by conftest.py and test modules)."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE_KB = Path(__file__).parent / "fixture-kb"
TODAY = "2026-11-23"


def copy_fixture(target: Path) -> Path:
    """A copy of the four-language fixture knowledge base at `target` (without index or site)."""
    shutil.copytree(FIXTURE_KB, target, ignore=shutil.ignore_patterns(".kb", "site"))
    return target
