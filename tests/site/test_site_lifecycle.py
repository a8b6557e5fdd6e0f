"""Team-lead facts on the pages: review badge, outdated-translation marker, recent changes from git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from generator.config import load_project
from generator.content.pipeline import build_knowledge_base
from generator.render.pages import PageSpec, render
from generator.render.view import Renderer
from generator.site.emit import site_settings
from generator.urls import item_doc

SAMPLE = Path(__file__).resolve().parents[2] / "generator" / "scaffold" / "sample"


def _git(folder: Path, *args: str, day: str = "2026-10-01") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ada Lead", "GIT_AUTHOR_EMAIL": "ada@example.org",
           "GIT_COMMITTER_NAME": "Ada Lead", "GIT_COMMITTER_EMAIL": "ada@example.org",
           "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00"}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


def _page(folder: Path, item_id: str, lang: str, monkeypatch) -> str:
    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    project = load_project(folder / "mkdocs.yml")
    kb, diagnostics = build_knowledge_base(project)
    assert not diagnostics.errors
    item = kb.get(item_id)
    return render(PageSpec(item_doc(item), item.kind, item), Renderer(kb, site_settings(project), lang))


def test_a_page_lists_the_commits_that_touched_its_yaml(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(SAMPLE, tmp_path, dirs_exist_ok=True)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Add the complaints standard <first>")
    page = _page(tmp_path, "complaint-first-contact", "en", monkeypatch)
    assert "## Recent changes { #history }" in page
    assert "Last changed 2026-10-01" in page
    assert "Add the complaints standard" not in page and "Ada Lead" not in page  # commit subjects are for editors


NOTE = """changes:
  - date: 2026-10-05
    note:
      en: Team leads may now refund up to 300 PLN without approval.
      pl: Liderzy mogą teraz zwrócić do 300 zł bez zgody.
"""


def test_recent_changes_show_the_editors_note_with_its_date_never_a_commit_subject(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    shutil.copytree(SAMPLE, tmp_path, dirs_exist_ok=True)
    standard = tmp_path / "standards" / "complaints" / "complaint-first-contact.yaml"
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Add the complaints standard")
    standard.write_text(standard.read_text("utf-8") + NOTE, "utf-8")
    _git(tmp_path, "commit", "-qam", "Raise the refund limit <secret>", day="2026-10-05")
    standard.write_text(standard.read_text("utf-8") + "# a comment\n", "utf-8")
    principle = tmp_path / "standards" / "principles" / "speed.yaml"
    principle.write_text(principle.read_text("utf-8") + "# a comment\n", "utf-8")
    _git(tmp_path, "commit", "-qam", "Fix a typo", day="2026-11-02")
    page = _page(tmp_path, "complaint-first-contact", "en", monkeypatch)
    assert page.endswith("## Recent changes { #history }\n\nLast changed 2026-11-02\n\n"
                         "- 2026-10-05 — Team leads may now refund up to 300 PLN without approval.\n")
    polish = _page(tmp_path, "complaint-first-contact", "pl", monkeypatch)
    assert polish.endswith("Ostatnia zmiana 2026-11-02\n\n"
                           "- 2026-10-05 — Liderzy mogą teraz zwrócić do 300 zł bez zgody.\n")
    assert "refund limit" not in page + polish and "Fix a typo" not in page + polish
    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    project = load_project(tmp_path / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    site = render(PageSpec("changes.md", "changes"), Renderer(kb, site_settings(project), "en"))
    entries = [line for line in site.split("\n") if line.startswith("- ")]
    assert entries[:3] == [
        "- **2026-11-02** · [Close typical complaints at the first contact](standards/complaint-first-contact.md) "
        '<span class="kb-kind">standard</span>',
        '- **2026-11-02** · [Speed](principles/speed.md) <span class="kb-kind">principle</span>',
        "- **2026-10-05** · [Close typical complaints at the first contact](standards/complaint-first-contact.md) "
        '<span class="kb-kind">standard</span><br>Team leads may now refund up to 300 PLN without approval.',
    ]
    # The five other items on the day of their one commit. Not shown: the standard's first commit (older
    # than its note) and the principle's first (a date alone, older than its newest).
    assert all(entry.startswith("- **2026-10-01** · ") for entry in entries[3:]) and len(entries) == 3 + 5
    assert "refund limit" not in site and "Add the complaints" not in site


def test_no_history_outside_git(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(SAMPLE, tmp_path, dirs_exist_ok=True)
    assert "#history" not in _page(tmp_path, "complaint-first-contact", "en", monkeypatch)


def test_overdue_review_and_outdated_translation_are_shown(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(SAMPLE, tmp_path, dirs_exist_ok=True)
    standard = tmp_path / "standards" / "complaints" / "complaint-first-contact.yaml"
    text = standard.read_text(encoding="utf-8").replace("reviewed: 2026-01-15", "reviewed: 2025-01-15")
    standard.write_text(text + "translated:\n  pl: 0000000000\n", encoding="utf-8")
    english = _page(tmp_path, "complaint-first-contact", "en", monkeypatch)
    assert '!!! danger "Review overdue since 2026-01-15"' in english
    polish = _page(tmp_path, "complaint-first-contact", "pl", monkeypatch)
    assert '!!! warning "Nieaktualne tłumaczenie"' in polish
    assert "Nieaktualne tłumaczenie" not in english
