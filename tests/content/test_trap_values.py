"""The `valid-*` trap cases do not only pass: their values reach the models as written."""

from __future__ import annotations

from pathlib import Path

from test_cases import CASES, overlay

from generator.config import load_project
from generator.content.pipeline import build_knowledge_base


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
