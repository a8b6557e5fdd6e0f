"""13.1: `kb build` never deletes the project: a dangerous `site_dir` is refused at its line, and only a
folder a kb build made (marked `.kb-site`) is ever replaced."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from generator.build import build
from generator.config import load_project
from generator.site.sitedir import SITE_MARK


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def set_site_dir(value: str) -> None:
    text = Path("mkdocs.yml").read_text("utf-8")
    Path("mkdocs.yml").write_text(f"site_dir: {value}\n{text}", "utf-8")


def test_site_dir_dot_is_refused_and_the_project_survives(kb_project: Path, run_kb) -> None:
    subprocess.run(["git", "init", "-q"], check=True)
    (kb_project / "docs").mkdir()
    (kb_project / "docs" / "logo.svg").write_text("<svg/>")
    set_site_dir(".")
    before = digest(kb_project)
    result = run_kb("build", "--no-pdf")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kb: mkdocs.yml:1:1: `site_dir: .` is the project folder; a build replaces the whole site folder, "
        "so it must be a folder of its own (such as `site`)\n")
    assert digest(kb_project) == before
    assert (kb_project / ".git" / "HEAD").is_file()


@pytest.mark.parametrize(("value", "problem"), [
    ("''", "the project folder"),
    ("..", "a folder that contains the project"),
    ("standards", "the content folder 'standards'"),
    ("standards/site", "inside the content folder 'standards'"),
    ("onboarding/paths", "inside the content folder 'onboarding'"),
    (".git", "the .git folder"),
    (".git/site", "inside the .git folder"),
    ("docs", "the docs folder"),
    (".kb", "kb's own .kb folder"),
    ("/", "a folder that contains the project"),
])
def test_dangerous_site_dirs_are_refused_before_anything_is_written(
        kb_project: Path, run_kb, value: str, problem: str) -> None:
    subprocess.run(["git", "init", "-q"], check=True)
    set_site_dir(value)
    before = digest(kb_project)
    result = run_kb("build", "--no-pdf")
    assert result.exit_code == 2
    assert f"is {problem}; a build replaces the whole site folder" in result.stderr
    assert result.stderr.startswith("kb: mkdocs.yml:1:1: `site_dir: ")
    assert digest(kb_project) == before


def test_a_folder_kb_did_not_build_is_never_replaced(kb_project: Path, run_kb) -> None:
    public = kb_project / "public"
    public.mkdir()
    (public / "notes.txt").write_text("mine")
    set_site_dir("public")
    result = run_kb("build", "--no-pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: mkdocs.yml:1:1: `site_dir: public`: 'public' holds files that kb build did not make (it has no "
        ".kb-site mark), so it is not replaced; move it away, or choose another site_dir\n")
    assert sorted(p.name for p in public.iterdir()) == ["notes.txt"]


def test_a_site_outside_the_project_holding_user_files_is_not_replaced(kb_project: Path, tmp_path: Path,
                                                                       run_kb) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("keep me")
    set_site_dir(str(home))
    assert run_kb("build", "--no-pdf").exit_code == 2
    assert (home / ".bashrc").read_text() == "keep me"


@pytest.mark.slow
def test_a_built_site_is_marked_and_replaced_by_the_next_build(kb_project: Path) -> None:
    project = load_project("mkdocs.yml")
    assert build(project, pdf=False, jobs=1).ok
    assert (kb_project / "site" / SITE_MARK).is_file()
    (kb_project / "site" / "stale.html").write_text("old")
    assert build(project, pdf=False, jobs=1).ok
    assert not (kb_project / "site" / "stale.html").exists()
    assert (kb_project / "site" / SITE_MARK).is_file()
