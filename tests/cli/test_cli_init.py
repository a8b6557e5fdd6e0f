"""`kb init`: the files it writes (a golden folder), a result that checks clean, and no overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "goldens" / "init"
SOURCE = "git+https://github.com/example/service-standards@0123456789abcdef0123456789abcdef01234567"


def test_init_writes_the_golden_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb, compare_tree) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_kb("init", "new-kb", "--source", SOURCE)
    assert result.exit_code == 0
    assert result.stdout == ""
    compare_tree(tmp_path / "new-kb", GOLDEN)
    files = sum(1 for p in GOLDEN.rglob("*") if p.is_file())
    assert result.stderr == (
        f"Created {files} files in new-kb.\n"
        f"CI and pre-commit install kb from: {SOURCE}\n"
        "Next: `kb check` to validate, `kb preview` to see the site, `kb new standard my-rule` to add one.\n"
    )


def test_init_into_the_current_folder_then_check_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    assert run_kb("init").exit_code == 0
    result = run_kb("check", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "kb check: no problems\n")


def test_init_refuses_a_folder_with_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    result = run_kb("init")
    assert result.exit_code == 2
    assert result.stderr == "kb: mkdocs.yml already exists; kb init never overwrites a project\n"
    assert Path("mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"
    assert not Path("standards").exists()


def test_init_refuses_to_overwrite_any_content_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb) -> None:
    monkeypatch.chdir(tmp_path)
    mine = Path("standards/taxonomy.yaml")
    mine.parent.mkdir()
    mine.write_text("kind: taxonomy\n", encoding="utf-8")
    result = run_kb("init")
    assert result.exit_code == 2
    assert result.stderr == "kb: standards/taxonomy.yaml already exists; kb init never overwrites a file\n"
    assert mine.read_text(encoding="utf-8") == "kind: taxonomy\n"
    assert not Path("mkdocs.yml").exists()


def test_init_keeps_existing_editor_settings_and_gitignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".gitignore").write_text("secrets/\n", encoding="utf-8")
    assert run_kb("init").exit_code == 0
    assert Path(".gitignore").read_text(encoding="utf-8") == "secrets/\n"


@pytest.mark.parametrize(("source", "warning"), [
    ("service-standards-kb==1.2.0", ""),
    ("git+https://github.com/example/service-standards@v1.2.0", ""),
    ("git+https://github.com/example/service-standards", "kb init: warning: the git URL names no commit or tag "
     "(add @COMMIT): every CI run may get another kb\n"),
])
def test_init_source_option(tmp_path: Path, run_kb, source: str, warning: str) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("init", str(tmp_path / "kb"), "--source", source)
    assert result.exit_code == 0
    assert f"CI and pre-commit install kb from: {source}\n{warning}Next:" in result.stderr
    assert f'KB_INSTALL: "{source}"' in (tmp_path / "kb/.github/workflows/kb.yml").read_text(encoding="utf-8")


def test_init_refuses_a_source_that_would_break_the_workflow(tmp_path: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("init", str(tmp_path / "kb"), "--source", 'x" && curl evil')
    assert (result.exit_code, result.stderr) == (2, "kb: --source 'x\" && curl evil' is not a pip requirement or URL\n")
    assert not (tmp_path / "kb").exists()


@pytest.mark.parametrize(("remote", "url"), [
    ("git@github.com:acme/service-standards.git", "https://github.com/acme/service-standards.git"),
    ("https://gitlab.example.com/acme/kb.git", "https://gitlab.example.com/acme/kb.git"),
])
def test_the_default_source_is_the_checkouts_public_remote_at_its_commit(tmp_path: Path, remote: str,
                                                                         url: str) -> None:
    import subprocess

    from generator.scaffold.source import _checkout_source

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
                              text=True).stdout.strip()

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "x")
    git("remote", "add", "origin", remote)
    commit = git("rev-parse", "HEAD")
    source = _checkout_source(tmp_path)
    assert source.requirement == f"git+{url}@{commit}"
    assert source.warning == f"commit {commit[:12]} is not pushed to origin yet: push it before the new " \
                             "repository's CI runs"


def test_the_default_source_of_a_kb_installed_from_git_is_that_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from generator.scaffold import source

    class Dist:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps({"url": "https://github.com/acme/kb.git",
                               "vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "main"}})

    monkeypatch.setattr(source.metadata, "distribution", lambda name: Dist())
    assert source.detect() == source.InstallSource("git+https://github.com/acme/kb.git@abc123")
