"""`kb schema`: the JSON Schemas (a golden folder), the committed copies, and agreement with the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.content import yamlload
from generator.content.files import discover
from generator.schema import all_schemas

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "goldens" / "schema"
SAMPLE = ROOT / "generator" / "scaffold" / "sample"
BASE_KB = ROOT / "tests" / "fixtures" / "base-kb"


def test_schema_output_matches_the_golden_folder(tmp_path: Path, run_kb, compare_tree) -> None:
    result = run_kb("schema", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr == f"wrote 9 schemas to {tmp_path / 'out'}\n"
    compare_tree(tmp_path / "out", GOLDEN)


def test_schema_defaults_to_dot_kb_beside_the_config(kb_project: Path, run_kb) -> None:
    result = run_kb("schema")
    assert result.exit_code == 0
    assert sorted(p.name for p in (kb_project / ".kb" / "schema").iterdir()) == sorted(all_schemas())


def test_the_committed_schemas_are_up_to_date() -> None:
    """The starter content's `$schema` comments point at .kb/schema/; regenerate with `.venv/bin/kb schema`."""
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / ".kb" / "schema").glob("*.json")}
    assert committed == all_schemas()


def test_every_schema_is_a_valid_json_schema() -> None:
    for text in all_schemas().values():
        Draft202012Validator.check_schema(json.loads(text))


def content_files() -> list[Path]:
    folders = [SAMPLE / "standards", SAMPLE / "onboarding", BASE_KB / "standards", BASE_KB / "onboarding",
               ROOT / "standards", ROOT / "onboarding"]
    return discover(folder for folder in folders if folder.exists())


def as_json(path: Path) -> dict:
    """The file's data as an editor's YAML plugin hands it to the schema (mapping keys are strings)."""
    return json.loads(json.dumps(yamlload.load(path.read_bytes()).data))


VALIDATORS = {name.removesuffix(".json"): Draft202012Validator(json.loads(s)) for name, s in all_schemas().items()}


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_validates_against_its_schema_and_the_any_kind_schema(path: Path) -> None:
    data = as_json(path)
    for schema in (data["kind"], "item"):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATORS[schema].iter_errors(data)]
        assert errors == [], f"{path} against {schema}.json"


@pytest.mark.parametrize(("kind", "text", "wrong"), [
    ("principle", "kind: principle\nid: x\ntitle: X\ndescripton: typo\n", "descripton"),
    ("principle", "kind: principle\nid: Bad Id\ntitle: X\n", "id"),
    ("standard", "kind: standard\nid: x\ntitle: X\narea: a\nowner: r\n", "statement"),
    ("checklist", "kind: checklist\nid: x\ntitle: X\nowner: r\nitems:\n  - text: A\n    key: Not A Slug\n", "key"),
    ("path", "kind: path\nid: x\ntitle: X\nrole: r\nowner: r\nphases: []\n", "phases"),
    ("standard", "kind: standard\nid: x\ntitle: X\narea: a\nowner: r\nstatement: {en: ''}\n", "statement"),
])
def test_the_schemas_reject_what_the_models_reject(kind: str, text: str, wrong: str) -> None:
    data = json.loads(json.dumps(yamlload.load(text.encode()).data))
    errors = list(VALIDATORS[kind].iter_errors(data)) + list(VALIDATORS["item"].iter_errors(data))
    assert errors, f"{kind}.json accepts a file the models reject ({wrong})"
