"""`kb new KIND ID`: a valid skeleton with the editor-schema comment, in the right folder, never overwriting."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.commands.new import KIND_NAMES
from generator.content.models import KINDS

FOLDERS = {
    "principle": "standards/principles",
    "practice": "standards/practices",
    "standard": "standards/complaints",
    "checklist": "standards/checklists",
    "role": "onboarding/roles",
    "competency": "onboarding/competencies",
    "path": "onboarding/paths",
    "taxonomy": "standards",
}


def test_every_kind_can_be_scaffolded() -> None:
    assert sorted(KIND_NAMES) == sorted(KINDS) == sorted(FOLDERS)


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_item_has_the_schema_comment_and_checks_without_errors(kb_project: Path, run_kb, kind: str) -> None:
    assert run_kb("schema").exit_code == 0
    item_id = "taxonomy" if kind == "taxonomy" else f"my-{kind}"
    if kind == "taxonomy":
        Path("standards/taxonomy.yaml").unlink()
    result = run_kb("new", kind, item_id)
    target = Path(FOLDERS[kind]) / f"{item_id}.yaml"
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Created {target.as_posix()}\n"
    text = target.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    schema = (target.parent / match.group(1)).resolve()
    assert schema == (kb_project / ".kb" / "schema" / f"{kind}.json").resolve()
    assert schema.is_file()
    assert f"kind: {kind}\nid: {item_id}\n" in text
    check = run_kb("check", target.as_posix())
    assert check.exit_code == 0, check.stdout
    assert ": error: " not in check.stdout


def test_new_standard_goes_into_the_given_area(kb_project: Path, run_kb) -> None:
    Path("standards/taxonomy.yaml").write_text(
        Path("standards/taxonomy.yaml").read_text(encoding="utf-8").replace(
            "areas:\n", "areas:\n  billing: {en: Billing, pl: Rozliczenia}\n"
        ),
        encoding="utf-8",
    )
    result = run_kb("new", "standard", "pay-on-time", "--area", "billing")
    assert result.exit_code == 0, result.stderr
    text = Path("standards/billing/pay-on-time.yaml").read_text(encoding="utf-8")
    assert "\narea: billing\n" in text


def test_new_refuses_an_unknown_area(kb_project: Path, run_kb) -> None:
    result = run_kb("new", "standard", "pay-on-time", "--area", "complains")
    assert (result.exit_code, result.stderr) == (2, "kb: unknown area 'complains' (did you mean 'complaints'? Areas "
                                                    "are defined under `areas:` in standards/taxonomy.yaml: add it "
                                                    "there first)\n")


def test_new_refuses_an_unknown_kind_with_did_you_mean(kb_project: Path, run_kb) -> None:
    result = run_kb("new", "standrad", "x")
    assert (result.exit_code, result.stderr) == (2, "kb: unknown kind 'standrad' (did you mean 'standard'?)\n")


@pytest.mark.parametrize(("bad", "fixed"), [
    ("My Rule", "my-rule"), ("../escape", "escape"), ("rule_1", "rule-1"), ("x-", "x"), ("Zażółć", "zazolc"),
])
def test_new_refuses_a_bad_id(kb_project: Path, run_kb, bad: str, fixed: str) -> None:
    before = sorted(p.as_posix() for p in kb_project.rglob("*"))
    result = run_kb("new", "principle", bad)
    assert result.exit_code == 2
    assert result.stderr == (
        f"kb: '{bad}' is not a valid id (use lower-case letters, digits and single hyphens, e.g. '{fixed}')\n"
    )
    assert sorted(p.as_posix() for p in kb_project.rglob("*")) == before


def test_new_refuses_an_id_used_anywhere_in_the_knowledge_base(kb_project: Path, run_kb) -> None:
    result = run_kb("new", "practice", "speed")  # a principle already has this id
    assert result.exit_code == 2
    assert result.stderr == "kb: id 'speed' is already used by standards/principles/speed.yaml (pick another id)\n"
    assert not Path("standards/practices/speed.yaml").exists()


def test_new_never_overwrites_a_file(kb_project: Path, run_kb) -> None:
    broken = Path("standards/principles/draft.yaml")
    broken.write_text("kind: principle\nid: draft\ntitle: [unfinished\n", encoding="utf-8")  # not an item yet
    result = run_kb("new", "principle", "draft")
    assert result.exit_code == 2
    assert result.stderr == (
        f"kb: {kb_project / broken} already exists; kb new never overwrites a file (pick another id)\n"
    )
    assert broken.read_text(encoding="utf-8") == "kind: principle\nid: draft\ntitle: [unfinished\n"


def test_new_refuses_a_second_taxonomy(kb_project: Path, run_kb) -> None:
    taxonomy = Path("standards/taxonomy.yaml")
    Path("standards/scale.yaml").write_text(
        taxonomy.read_text(encoding="utf-8").replace("id: taxonomy", "id: scale"), encoding="utf-8"
    )
    taxonomy.unlink()
    result = run_kb("new", "taxonomy", "taxonomy")
    assert result.exit_code == 2
    assert result.stderr == "kb: there is already a taxonomy: standards/scale.yaml (a knowledge base has exactly one)\n"
    assert not taxonomy.exists()


def test_new_without_a_project_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_kb("new", "principle", "speed")
    assert result.exit_code == 2
    assert result.stderr.startswith("kb: mkdocs.yml: config file not found")
    assert os.listdir(tmp_path) == []
