"""Every folder under cases/ is a knowledge base with something wrong (or a trap that must pass).

A case holds only what differs from the valid base (tests/fixtures/base-kb): its own
files, overlaid on a copy of the base; optionally

* `remove.txt`: base files to delete, one path per line;
* `files.py`: `FILES = {path: bytes | str}` for files that cannot sensibly be stored
  (binary, UTF-16, a BOM, CRLF line endings, oversized);
* `args.txt`: extra `kb check` arguments (e.g. `--strict`);
* `expected.txt`: the exact `kb check` output (empty for a clean case).

A regression test is a new folder. `pytest --update-goldens` rewrites expected.txt
from the current output, which must then be reviewed line by line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import load_project
from generator.content.pipeline import build_knowledge_base

CASES = Path(__file__).parent / "cases"
CONTROL_FILES = {"expected.txt", "remove.txt", "files.py", "args.txt"}


def overlay(case: Path, root: Path) -> None:
    """Apply a case to a copy of the base knowledge base at `root`."""
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_dir() or str(relative) in CONTROL_FILES or "__pycache__" in relative.parts:
            continue
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if (case / "files.py").exists():
        namespace: dict = {}
        exec((case / "files.py").read_text(encoding="utf-8"), namespace)
        for relative, content in namespace["FILES"].items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if (case / "remove.txt").exists():
        for line in (case / "remove.txt").read_text(encoding="utf-8").splitlines():
            if line.strip():
                gone = root / line.strip()
                shutil.rmtree(gone) if gone.is_dir() else gone.unlink()


def summary(output: str) -> str:
    errors = output.count(": error: ")
    warnings = output.count(": warning: ")
    verdict = "no problems" if not (errors or warnings) else f"{errors} error(s), {warnings} warning(s)"
    return f"kb check: {verdict}\n"


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case(name: str, kb_project: Path, run_kb, update_goldens: bool) -> None:
    case = CASES / name
    overlay(case, kb_project)
    args = (case / "args.txt").read_text(encoding="utf-8").split() if (case / "args.txt").exists() else []
    result = run_kb("check", *args)
    expected_file = case / "expected.txt"
    if update_goldens:
        expected_file.write_text(result.stdout, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.stdout == expected
    assert result.stderr == summary(expected)
    assert result.exit_code == (1 if ": error: " in expected else 0)
    if name.startswith("valid-"):
        assert expected == "", "a valid-* case must pass cleanly"


# -- the valid-* traps do not only pass: their values reach the models as written ---------------------


def knowledge_base(case: str, root: Path):  # type: ignore[no-untyped-def]
    overlay(CASES / case, root)
    kb, diagnostics = build_knowledge_base(load_project(root / "mkdocs.yml"))
    assert list(diagnostics) == []
    return kb


def test_yaml_1_1_traps_stay_text(kb_project: Path) -> None:
    kb = knowledge_base("valid-yaml-1-1-traps", kb_project)
    norway = kb.get("norway")
    assert (norway.title, norway.summary, norway.description) == ({"en": "No"}, {"en": "on"}, {"en": "yes"})
    assert norway.tags == ["on", "no", "y", "n", "off"]
    timed = kb.get("timed")
    assert timed.statement == {"en": "1:30"}
    assert [m.target for m in timed.measures] == ["1:30", "012", "1.5", "1e3", "190:20:30"]
    assert timed.measures[0].how == {"en": "0x1F"}
    assert (timed.area, timed.channels) == ("on", ["no"])
    assert kb.get("driver").title == {"en": "Yes"}


def test_bom_and_crlf_do_not_leak_into_values(kb_project: Path) -> None:
    kb = knowledge_base("valid-bom", kb_project)
    assert kb.get("bom").kind == "principle"
    kb = knowledge_base("valid-crlf", kb_project)
    assert kb.get("crlf").title == {"en": "Windows line endings", "pl": "Końce linii z Windows"}


def test_quoted_flow_text_keeps_commas_and_quotes(kb_project: Path) -> None:
    quoted = knowledge_base("valid-quoted-flow-text", kb_project).get("quoted")
    assert quoted.title == {"en": "Fast, friendly, right", "pl": "Szybko, uprzejmie, dobrze"}
    assert quoted.summary == {"en": "It's a promise: we keep it", "pl": 'Obietnica: dotrzymujemy "jej"'}


def test_a_numeric_id_is_a_slug(kb_project: Path) -> None:
    kb = knowledge_base("valid-numeric-id", kb_project)
    assert kb.get("2024").id == "2024"
    assert kb.get("follow-2024").related == ["2024"]
