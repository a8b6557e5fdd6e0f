"""`kb diff BASE` and page history, on small git repositories made in the test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lifecycle_helpers import standard

from generator.config import load_project
from generator.content.pipeline import build_knowledge_base
from generator.lifecycle import history
from generator.lifecycle.history import GitHistory, item_history

CFC = "standards/complaints/complaint-first-contact.yaml"


@pytest.fixture
def repo(kb_project: Path, git, run_kb) -> Path:
    """The base knowledge base, translations marked, plus an extra practice, committed on main."""
    git("init", "-q", "-b", "main", cwd=kb_project)
    (kb_project / "standards/practices/old-habit.yaml").write_text(
        "kind: practice\nid: old-habit\ntitle: An old habit\nrejected: Nobody does it.\n", encoding="utf-8")
    assert run_kb("i18n", "mark", "--all", "--lang", "pl").exit_code == 0
    git("add", "-A", cwd=kb_project)
    git("commit", "-q", "-m", "Start the standards", cwd=kb_project, date="2026-10-01T09:00:00")
    return kb_project


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_diff_lists_added_changed_removed_and_outdated_translations(repo: Path, run_kb) -> None:
    edit(repo, CFC, "At least 80 %", "At least 85 %")  # the English text changes: pl is now outdated
    edit(repo, "standards/checklists/weekly-huddle.yaml", "reviewed: 2026-01-15", "reviewed: 2026-11-20")
    (repo / "standards/complaints/quick-refund.yaml").write_text(standard("quick-refund"), encoding="utf-8")
    (repo / "standards/practices/old-habit.yaml").unlink()
    shutil.move(repo / "standards/principles/speed.yaml", repo / "standards/speed.yaml")  # moved, not changed
    result = run_kb("diff", "main")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "## Content changes against `main`\n"
        "\n"
        "1 added · 2 changed · 1 removed · translations to update in 1 item(s)\n"
        "\n"
        "### Added\n"
        "\n"
        "- `quick-refund` (standard): Title of quick-refund, `standards/complaints/quick-refund.yaml`\n"
        "\n"
        "### Changed\n"
        "\n"
        "- `complaint-first-contact` (standard): Close typical complaints at the first contact, "
        f"`{CFC}`; changed: `statement`\n"
        "- `weekly-huddle` (checklist): Five-minute weekly huddle, `standards/checklists/weekly-huddle.yaml`; "
        "changed: `reviewed`\n"
        "\n"
        "### Removed\n"
        "\n"
        "- `old-habit` (practice): An old habit, `standards/practices/old-habit.yaml`\n"
        "\n"
        "### Translations made outdated\n"
        "\n"
        "The en text of these items changed; update the translations, then record them with "
        "`kb i18n mark ID --lang LANG`.\n"
        "\n"
        "- `complaint-first-contact` (standard): Close typical complaints at the first contact: pl (outdated)\n"
    )


def test_diff_json_and_retranslated_items(repo: Path, run_kb) -> None:
    edit(repo, CFC, "At least 80 %", "At least 85 %")
    assert run_kb("i18n", "mark", "complaint-first-contact", "--lang", "pl").exit_code == 0  # translator caught up
    data = json.loads(run_kb("diff", "main", "--format", "json").stdout)
    assert [c["item"] for c in data["changed"]] == ["complaint-first-contact"]
    assert data["changed"][0]["fields"] == ["statement"]
    assert data["outdated"] == [] and data["added"] == [] and data["removed"] == [] and data["errors"] == 0


def test_diff_counts_unverified_translations_of_changed_text(repo: Path, git, run_kb) -> None:
    path = repo / CFC
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("translated:\n")], encoding="utf-8")  # no record: unverified
    git("commit", "-q", "-am", "No record", cwd=repo)
    edit(repo, CFC, "At least 80 %", "At least 85 %")
    assert "- `complaint-first-contact` (standard): Close typical complaints at the first contact: pl (unverified)\n" \
        in run_kb("diff", "HEAD").stdout


def test_diff_of_an_unchanged_tree_and_of_mark_only_changes(repo: Path, run_kb) -> None:
    assert run_kb("diff", "main").stdout == "## Content changes against `main`\n\nNo content changes.\n"
    edit(repo, CFC, "translated:\n  pl: ", "translated:\n  pl: 0")  # only the record changed
    assert run_kb("diff", "main").stdout == "## Content changes against `main`\n\nNo content changes.\n"


def test_diff_notes_files_with_errors(repo: Path, run_kb) -> None:
    edit(repo, "standards/principles/speed.yaml", "kind: principle", "kind: principl")
    out = run_kb("diff", "main").stdout
    assert "- `speed` (principle): Speed, `standards/principles/speed.yaml`\n" in out  # shows as removed
    assert out.endswith(
        "\n> **Note:** `kb check` finds errors in 2 file(s) of this branch; an item whose file does not load "
        "shows as removed.\n")


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("no-such-branch", "kb: diff: unknown revision 'no-such-branch' (a branch, tag or commit, e.g. origin/main)\n"),
        ("--output=x", "kb: diff: '--output=x' is not a revision\n"),
    ],
)
def test_diff_refuses_bad_revisions(repo: Path, run_kb, base: str, message: str) -> None:
    result = run_kb("diff", "--", base)
    assert result.exit_code == 2
    assert result.stderr == message


def test_diff_outside_git(kb_project: Path, git, run_kb) -> None:
    result = run_kb("diff", "main")
    assert result.exit_code == 2
    assert result.stderr.startswith("kb: diff: fatal: not a git repository")


# -- history ------------------------------------------------------------------


def project_and_kb(root: Path):
    project = load_project(root / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    return project, kb


def test_item_history_lists_recent_commits_and_follows_renames(repo: Path, git) -> None:
    edit(repo, CFC, "At least 80 %", "At least 85 %")
    git("commit", "-q", "-am", "Raise the target", cwd=repo, date="2026-10-15T09:00:00", author="Bo Writer")
    git("mv", "standards/principles/speed.yaml", "standards/speed.yaml", cwd=repo)
    git("commit", "-q", "-m", "Move speed up", cwd=repo, date="2026-11-02T09:00:00")
    project, kb = project_and_kb(repo)
    found = item_history(kb.get("complaint-first-contact"), GitHistory().index(project))
    assert found is not None and found.last_changed == "2026-10-15"
    assert [(c.date, c.author, c.subject) for c in found.commits] == [
        ("2026-10-15", "Bo Writer", "Raise the target"), ("2026-10-01", "Ann Lead", "Start the standards")]
    assert all(len(c.hash) >= 7 and int(c.hash, 16) >= 0 for c in found.commits)
    moved = item_history(kb.get("speed"), GitHistory().index(project))
    assert [c.subject for c in moved.commits] == ["Move speed up", "Start the standards"]
    newest = item_history(kb.get("speed"), GitHistory().index(project), limit=1)
    assert [c.subject for c in newest.commits] == ["Move speed up"]


def test_history_index_is_one_pass_and_refreshed_after_a_commit(repo: Path, git, monkeypatch) -> None:
    project, kb = project_and_kb(repo)
    calls = []
    real = history._read_log
    monkeypatch.setattr(history, "_read_log", lambda *args: calls.append(1) or real(*args))
    kept = GitHistory()
    index = kept.index(project)
    assert len(index) == len(kb.items)  # every content file has its commits
    for item in kb.items.values():
        assert item_history(item, kept.index(project)) is not None
    assert len(calls) == 1
    edit(repo, CFC, "At least 80 %", "At least 85 %")
    cfc = kb.get("complaint-first-contact")
    assert item_history(cfc, kept.index(project)).commits[0].subject == "Start the standards"
    git("commit", "-q", "-am", "Raise the target", cwd=repo, date="2026-10-15T09:00:00")
    assert item_history(cfc, kept.index(project)).commits[0].subject == "Raise the target"
    assert len(calls) == 2


def test_no_history_outside_git_for_new_files_and_in_shallow_clones(repo: Path, git, tmp_path: Path) -> None:
    (repo / "standards/complaints/quick-refund.yaml").write_text(standard("quick-refund"), encoding="utf-8")
    project, kb = project_and_kb(repo)
    assert item_history(kb.get("quick-refund"), GitHistory().index(project)) is None  # not committed yet
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Second", cwd=repo, date="2026-11-01T09:00:00")
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", f"file://{repo}", str(clone), cwd=tmp_path)
    project, kb = project_and_kb(clone)
    assert GitHistory().index(project) == {}
    assert item_history(kb.get("speed"), GitHistory().index(project)) is None
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    project, kb = project_and_kb(plain)
    assert GitHistory().index(project) == {} and item_history(kb.get("speed"), GitHistory().index(project)) is None
