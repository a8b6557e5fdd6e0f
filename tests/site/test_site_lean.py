"""`kb build` lets MkDocs drop what nothing reads (site/lean.py): the site and the page cache's keys are
those of a build that keeps every page."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_site_incremental import STANDARD, built

from generator.site import mkdocs_api

LEAN_BUILD = mkdocs_api.build


def keep_everything(*args: Any, **kwargs: Any) -> int:
    return LEAN_BUILD(*args, **{**kwargs, "lean": False})


def test_a_lean_build_reuses_pages_of_a_full_one_and_gives_its_bytes(site_kb: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mkdocs_api, "build", keep_everything)
    built(site_kb)  # fills the page cache
    monkeypatch.undo()
    standard = site_kb / STANDARD
    standard.write_text(standard.read_text("utf-8").replace("Listen to the whole story", "Listen to it all"), "utf-8")
    lean, messages = built(site_kb)
    reused = [message for message in messages if "unchanged pages reused" in message]
    assert [message.split(":")[0] for message in reused] == ["en", "pl", "el"]  # same keys, lean or not
    monkeypatch.setattr(mkdocs_api, "build", keep_everything)
    shutil.rmtree(site_kb / ".kb" / "cache")
    kept, _ = built(site_kb, cache=False)
    assert lean.keys() == kept.keys()
    assert [name for name in kept if lean[name] != kept[name]] == []
    page = kept["standards/complaint-first-contact/index.html"].decode()
    assert "<title>Close typical complaints at the first contact" in page  # titles kept (nav, head)
    assert "Listen to it all" in page
    assert '"docs":[]' in kept["search/search_index.json"].decode()  # the theme's index, emptied either way
