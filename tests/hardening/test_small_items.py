"""13.9 and 13.5's internal errors: each is a clear message, never a write outside the project or a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def test_kb_new_refuses_an_area_that_is_a_path(kb_project: Path, tmp_path: Path, run_kb) -> None:
    (kb_project / "standards/taxonomy.yaml").unlink()
    result = run_kb("new", "standard", "escape", "--area", "../../x")
    assert result.exit_code == 2
    assert result.stderr == ("kb: '../../x' is not a valid area key (use lower-case letters, digits and single "
                             "hyphens, as listed under `areas:` in standards/taxonomy.yaml)\n")
    assert not list(tmp_path.rglob("escape.yaml"))


def test_kb_new_onto_a_dangling_link_is_refused(kb_project: Path, tmp_path: Path, run_kb) -> None:
    target = kb_project / "standards/principles/fresh.yaml"
    target.symlink_to(tmp_path / "nowhere.yaml")
    result = run_kb("new", "principle", "fresh")
    assert result.exit_code == 2
    assert result.stderr == (f"kb: {target} already exists (a symbolic link); kb new never overwrites a file "
                             "(pick another id)\n")
    assert not (tmp_path / "nowhere.yaml").exists()


def test_kb_init_never_overwrites_a_users_schema(tmp_path: Path, run_kb) -> None:
    schema = tmp_path / "repo/.kb/schema/standard.json"
    schema.parent.mkdir(parents=True)
    schema.write_text('{"mine": true}\n')
    result = run_kb("init", str(tmp_path / "repo"))
    assert result.exit_code == 2
    assert result.stderr == f"kb: {schema} already exists; kb init never overwrites a file\n"
    assert json.loads(schema.read_text()) == {"mine": True}
    assert not (tmp_path / "repo/mkdocs.yml").exists()


def test_a_list_as_kind_is_an_error_at_its_line(kb_project: Path, run_kb) -> None:
    (kb_project / "standards/principles/listed.yaml").write_text("kind: [standard]\nid: listed\ntitle: x\n")
    result = run_kb("check")
    assert result.exit_code == 1
    assert result.stdout.startswith("standards/principles/listed.yaml:1:7: error: unknown kind ")


def test_a_5001_digit_number_is_an_error_at_its_line(kb_project: Path, run_kb) -> None:
    (kb_project / "standards/principles/big.yaml").write_text(f"kind: principle\nid: big\ntitle: {'9' * 5001}\n")
    result = run_kb("check")
    assert result.stdout == ("standards/principles/big.yaml:3:8: error: number has more than 18 digits (quote it "
                             "if it is a text, such as an identifier)\n")


def test_an_impossible_kb_today_is_a_clear_error(kb_project: Path, run_kb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_TODAY", "2026-02-30")
    result = run_kb("check")
    assert (result.exit_code, result.stderr) == (
        2, "kb: KB_TODAY='2026-02-30' is not a date like 2026-03-31 (set it to a real day, or unset it)\n")
    assert os.environ["KB_TODAY"] == "2026-02-30"


def test_a_large_plain_file_is_not_told_about_aliases(kb_project: Path, run_kb) -> None:
    rows = "".join(f"  - step {n}\n" for n in range(30_000))
    (kb_project / "standards/principles/long.yaml").write_text(f"kind: principle\nid: long\ntitle: x\nsteps:\n{rows}")
    result = run_kb("check")
    assert result.stdout == ("standards/principles/long.yaml:20000:5: error: file holds more than 20000 values "
                             "(split the file into several items)\n")
