"""`kb preview` always runs MkDocs: `--engine zensical` is refused, and `kb.engine: zensical` is said to apply
to `kb build` only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REFUSED = ("kb: kb preview uses MkDocs, not Zensical: it re-renders only the pages you change; build with "
           "Zensical with `kb build --engine zensical` and look at site/ with `kb serve`\n")
NOTE = ("kb preview: this preview uses MkDocs (kb.engine: zensical applies to `kb build`); the pages look the "
        "same, the header search is Material's\n")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Calls of the preview's server, which is not started."""
    import generator.site.preview

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(generator.site.preview, "serve", lambda *args: calls.append(args))
    return calls


def test_engine_zensical_is_refused_before_anything_runs(run_kb, kb_project: Path, served) -> None:
    result = run_kb("preview", "--engine", "zensical")
    assert (result.exit_code, result.stderr) == (2, REFUSED)
    assert served == []


def test_with_kb_engine_zensical_the_preview_says_it_uses_mkdocs(run_kb, kb_project: Path, served) -> None:
    config = kb_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("kb:\n", "kb:\n  engine: zensical\n", 1), "utf-8")
    result = run_kb("preview", "--port", "8123")
    assert (result.exit_code, result.stderr) == (0, NOTE)
    assert [call[2] for call in served] == [8123]
    assert run_kb("preview", "--engine", "mkdocs").stderr == ""  # chosen on the command line: nothing to say


def test_with_the_default_engine_the_preview_says_nothing(run_kb, kb_project: Path, served) -> None:
    result = run_kb("preview")
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(served) == 1
