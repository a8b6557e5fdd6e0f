"""`kb print ID… [-o DIR] [--lang LANG] [--html]`: output files and every error message, word for word."""

from __future__ import annotations

from pathlib import Path

from print_helpers import all_text
from pypdf import PdfReader


def test_prints_pdfs_into_the_output_folder(project_root: Path, run_kb):
    result = run_kb("print", "weekly-huddle", "warehouse-opening", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["out/weekly-huddle.pdf", "out/warehouse-opening.pdf"]
    assert "printed 2/2" in result.stderr
    assert "Five-minute weekly huddle" in all_text(project_root / "out" / "weekly-huddle.pdf")
    assert PdfReader(project_root / "out" / "warehouse-opening.pdf").get_fields()
    assert sorted(p.name for p in (project_root / "out").iterdir()) == ["warehouse-opening.pdf", "weekly-huddle.pdf"]


def test_default_output_is_the_current_folder_and_other_languages_get_a_suffix(project_root: Path, run_kb):
    result = run_kb("print", "weekly-huddle", "--lang", "el", "--html")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["weekly-huddle.el.pdf"]
    assert (project_root / "weekly-huddle.el.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert PdfReader(project_root / "weekly-huddle.el.pdf").trailer["/Root"]["/Lang"] == "el"
    again = run_kb("print", "weekly-huddle", "--lang", "el")  # cached: nothing is rendered twice
    assert again.exit_code == 0 and "printed" not in again.stderr


def test_an_unknown_id_gets_the_closest_printable_id(project_root: Path, run_kb):
    result = run_kb("print", "weekly-hudle", "warehouse-openin")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: unknown id 'weekly-hudle' (did you mean 'weekly-huddle'?)\n"
        "kb: unknown id 'warehouse-openin' (did you mean 'warehouse-opening'?)\n"
    )
    assert not list(project_root.glob("*.pdf"))


def test_an_item_that_does_not_print_says_which_kinds_do(project_root: Path, run_kb):
    result = run_kb("print", "speed")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: 'speed' is a principle, which has no printout; only checklists, paths and standards print\n"
    )


def test_an_unknown_language_lists_the_site_languages(project_root: Path, run_kb):
    result = run_kb("print", "weekly-huddle", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: unknown language 'de' (expected one of: el, en, pl, ro); the site's languages are set in `kb.languages`\n"
    )


def test_an_unwritable_output_folder_is_a_clear_error(project_root: Path, run_kb):
    (project_root / "taken").write_text("a file", encoding="utf-8")
    result = run_kb("print", "weekly-huddle", "-o", "taken")
    assert result.exit_code == 2
    assert result.stderr == "kb: cannot write to 'taken': it is a file, not a folder\n"
    result = run_kb("print", "weekly-huddle", "-o", "taken/sub")
    assert result.exit_code == 2
    assert result.stderr == "kb: cannot write to 'taken/sub': Not a directory\n"


def test_content_errors_stop_printing(project_root: Path, run_kb):
    checklist = project_root / "standards" / "checklists" / "weekly-huddle.yaml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace("owner: team-lead", "owner: team-laed"),
                         encoding="utf-8")
    result = run_kb("print", "weekly-huddle")
    assert result.exit_code == 1
    assert "standards/checklists/weekly-huddle.yaml:" in result.stderr
    assert "did you mean 'team-lead'?" in result.stderr
    assert result.stderr.endswith("kb: 1 error(s) in the content; fix them first (see `kb check`)\n")
    assert not list(project_root.glob("*.pdf"))
