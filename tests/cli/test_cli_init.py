"""`kb init`: the files it writes (a golden folder), a result that checks clean, and no overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "goldens" / "init"


def test_init_writes_the_golden_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb, compare_tree) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_kb("init", "new-kb")
    assert result.exit_code == 0
    assert result.stdout == ""
    compare_tree(tmp_path / "new-kb", GOLDEN)
    files = sum(1 for p in GOLDEN.rglob("*") if p.is_file())
    assert result.stderr == (
        f"Created {files} files in new-kb.\n"
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
