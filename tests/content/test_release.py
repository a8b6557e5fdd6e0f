"""`kb build` lets the parsed documents go after the checks (memory); line numbers are still found."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load_file, release_documents
from generator.diagnostics import Diagnostics, Location

STANDARD = """kind: standard
id: call-back
title: {en: Call back when promised}
area: phone
roles:
  - agent
  - team-lead
statement: We call back within the promised hour.
owner: team-lead
"""


def test_a_released_file_still_locates_its_fields_by_parsing_its_bytes_again(tmp_path: Path) -> None:
    path = tmp_path / "call-back.yaml"
    path.write_text(STANDARD, "utf-8")
    item = load_file(path, Diagnostics(), "en", shown="call-back.yaml")
    assert item is not None
    before = item.origin.location(("roles", 1))
    path.write_text("kind: standard\n", "utf-8")  # the file changed since: its bytes as loaded count
    release_documents([item])
    assert item.origin.parsed is None
    assert item.origin.location(("roles", 1)) == before == Location("call-back.yaml", 7, 5)
    assert item.origin.location(("title", "en")) == Location("call-back.yaml", 3, 13)
    assert item.origin.location(("owner",), key=True) == Location("call-back.yaml", 9, 1)

