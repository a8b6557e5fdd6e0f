"""Coverage and orphans: every finding with its message and the line to change; what must not be reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lifecycle_helpers import standard

from generator.content.load import release_documents
from generator.lifecycle.coverage import coverage


def findings(kb, code: str) -> list[tuple[str, str]]:
    return [(f.message, str(f.location)) for f in coverage(kb)[code]]


def test_the_sample_has_one_gap_only(load) -> None:
    found = coverage(load())
    assert {code: len(items) for code, items in found.items() if items} == {"competency-gap": 1}


def test_competency_gap_below_the_required_level(load) -> None:
    assert findings(load(), "competency-gap") == [(
        "role 'team-lead' requires 'active-listening' at level 3; its paths build it to level 1 at most "
        "(team-lead-first-week)",
        "onboarding/roles/team-lead.yaml:9:3",
    )]


def test_competency_gap_when_no_step_builds_it(write, load) -> None:
    write("onboarding/competencies/empathy.yaml", "kind: competency\nid: empathy\ntitle: Empathy\ncategory: universal")
    write("onboarding/roles/team-lead.yaml", """
        kind: role
        id: team-lead
        title: Team lead
        competencies:
          active-listening: 1
          empathy: 2
        """)
    assert findings(load(), "competency-gap") == [(
        "role 'team-lead' requires 'empathy' at level 2; no step of its paths builds it (team-lead-first-week)",
        "onboarding/roles/team-lead.yaml:6:3",
    )]


def test_role_without_path_is_one_finding_not_a_list(write, load) -> None:
    write("onboarding/roles/agent.yaml", "kind: role\nid: agent\ntitle: Agent\ncompetencies:\n  active-listening: 2\n")
    write("standards/complaints/for-all.yaml", standard("for-all", roles="[everyone]"))
    kb = load()
    assert findings(kb, "role-without-path") == [(
        "role 'agent' has no path: its 1 required competency and 1 binding standard are taught by none",
        "onboarding/roles/agent.yaml:2:5",
    )]
    assert [f.data["role"] for f in coverage(kb)["standard-not-read"]] == ["team-lead"]


def test_role_without_path_and_without_duties_is_fine(write, load) -> None:
    write("onboarding/roles/visitor.yaml", "kind: role\nid: visitor\ntitle: Visitor\n")
    assert findings(load(), "role-without-path") == []


def test_standard_binding_a_role_that_no_path_reads(write, load) -> None:
    write("standards/complaints/own.yaml", standard("own", roles="[team-lead]"))
    write("standards/complaints/for-all.yaml", standard("for-all", roles="[everyone]"))
    assert findings(load(), "standard-not-read") == [
        ("standard 'for-all' binds 'team-lead' (everyone) but no path of the role reads it (team-lead-first-week)",
         "standards/complaints/for-all.yaml:5:9"),
        ("standard 'own' binds 'team-lead' but no path of the role reads it (team-lead-first-week)",
         "standards/complaints/own.yaml:5:9"),
    ]


def test_a_retired_standard_or_path_does_not_count(write, load, kb_project) -> None:
    write("standards/complaints/old.yaml", standard("old", extra="status: retired\n"))
    assert findings(load(), "standard-not-read") == []
    path = kb_project / "onboarding/paths/team-lead-first-week.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "status: retired\n", encoding="utf-8")
    assert [message for message, _ in findings(load(), "role-without-path")] == [
        "role 'team-lead' has no path: its 1 required competency and 1 binding standard are taught by none"
    ]


def test_practice_neither_adopted_nor_rejected(write, load) -> None:
    write("standards/practices/surveys.yaml", "kind: practice\nid: surveys\ntitle: Ask customers regularly\n")
    write("standards/practices/scripts.yaml", "kind: practice\nid: scripts\ntitle: Scripts\nrejected: No.\n")
    assert findings(load(), "practice-undecided") == [
        ("practice 'surveys' is neither adopted nor rejected", "standards/practices/surveys.yaml:2:5"),
    ]


def test_checklist_nothing_uses(write, load) -> None:
    write("standards/checklists/audit.yaml", """
        kind: checklist
        id: audit
        title: Audit
        roles: [team-lead]
        items:
          - text: {en: Desk is tidy, pl: Biurko jest uporządkowane}
        owner: team-lead
        """)
    assert findings(load(), "checklist-unused") == [
        ("checklist 'audit' is read by no path step and linked from no item", "standards/checklists/audit.yaml:2:5"),
    ]


def test_checklist_linked_only_from_a_retired_item_is_unused(write, load) -> None:
    write("standards/checklists/audit.yaml", """
        kind: checklist
        id: audit
        title: Audit
        items: [{text: {en: Desk is tidy, pl: Biurko}}]
        owner: team-lead
        """)
    write("standards/complaints/old.yaml", standard("old", extra="status: retired\nrelated: [audit]\n"))
    assert [message for message, _ in findings(load(), "checklist-unused")] == [
        "checklist 'audit' is read by no path step and linked from no item"
    ]
    write("standards/complaints/old.yaml", standard("old", extra="related: [audit]\n"))
    assert findings(load(), "checklist-unused") == []


def test_competency_nothing_uses(write, load) -> None:
    write("onboarding/competencies/sales.yaml", "kind: competency\nid: sales\ntitle: Sales\ncategory: company\n")
    write("standards/complaints/mentions.yaml", standard("mentions", extra="related: [sales]\n"))
    assert findings(load(), "competency-unused") == [
        ("competency 'sales' is required by no role and built by no path", "onboarding/competencies/sales.yaml:2:5"),
    ]


def test_standard_without_measure(write, load) -> None:
    write("standards/complaints/vague.yaml", standard("vague", measures=False))
    assert ("standard 'vague' has no measure, so nobody can tell whether it is met",
            "standards/complaints/vague.yaml:2:5") in findings(load(), "standard-no-measure")


@pytest.mark.parametrize("name", ["coverage", "orphans"])
def test_report_coverage_text(write, run_kb, name) -> None:
    write("standards/complaints/vague.yaml", standard("vague", measures=False))
    result = run_kb("report", name)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        "== Coverage and orphans ==",
        "3 finding(s): 1 competency-gap, 0 role-without-path, 1 standard-not-read, 0 practice-undecided, "
        "0 standard-unused, 0 checklist-unused, 0 competency-unused, 1 standard-no-measure",
        "",
        "Competencies the role's paths do not build to the required level",
        "  competency-gap  team-lead  role 'team-lead' requires 'active-listening' at level 3; its paths build it "
        "to level 1 at most (team-lead-first-week)  [onboarding/roles/team-lead.yaml:9:3]",
    ]
    assert "Roles without any path\n  (none)\n" in result.stdout


def test_report_coverage_markdown_and_json(write, run_kb) -> None:
    write("standards/complaints/a-b.yaml", standard("a-b", measures=False).replace("Title of a-b", "Pipes | here"))
    markdown = run_kb("report", "coverage", "--format", "markdown").stdout
    assert markdown.startswith("## Coverage and orphans\n\n3 finding(s): ")
    table = "| State | Item | Title | Detail | Where |\n|---|---|---|---|---|\n"
    assert f"### Standards without any measure\n\n{table}" in markdown
    assert "| standard-no-measure | `a-b` | Pipes \\| here | standard 'a-b' has no measure" in markdown
    assert "### Roles without any path\n\nNone.\n" in markdown
    data = json.loads(run_kb("report", "coverage", "--format", "json").stdout)["coverage"]
    assert data["counts"]["standard-no-measure"] == 1
    gap = data["sections"][0]["entries"][0]
    assert gap["data"] == {"role": "team-lead", "competency": "active-listening", "required": 3, "built": 1}


def test_report_without_name_prints_every_report(kb_project, run_kb) -> None:
    result = run_kb("report")
    assert result.exit_code == 0
    titles = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert titles == ["== Reviews by owner ==", "== Translations ==", "== Coverage and orphans =="]
    data = json.loads(run_kb("report", "--format", "json").stdout)
    assert list(data) == ["review", "translations", "coverage"]
    markdown = run_kb("report", "--format", "markdown").stdout
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [
        "## Reviews by owner", "## Translations", "## Coverage and orphans"]


def test_report_warns_when_files_have_errors(kb_project, write, run_kb) -> None:
    write("standards/complaints/broken.yaml", "kind: standard\nid: broken\n")
    result = run_kb("report", "review")
    assert result.exit_code == 0
    assert result.stderr == "kb report: `kb check` finds errors in 1 file(s); items that do not load are left out\n"


def test_the_orphans_page_and_the_coverage_report_name_the_same_items_on_the_starter_content() -> None:
    """One rule of "unused" (content.usage) behind the site's orphans page and `kb report coverage`."""
    from types import SimpleNamespace

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.lifecycle.coverage import orphans as report_orphans
    from generator.render.report_pages import orphans as page_orphans

    root = Path(__file__).resolve().parents[2]
    kb, _ = build_knowledge_base(load_project(root / "mkdocs.yml"))
    on_page = {(group["name"], item.id) for group in page_orphans(SimpleNamespace(r=SimpleNamespace(kb=kb)))
               for item in group["entries"]}
    kinds = {"standard-unused": "standards", "checklist-unused": "checklists", "practice-undecided": "practices",
             "competency-unused": "competencies"}
    in_report = {(kinds[f.code], f.item.id) for f in report_orphans(kb) if f.code in kinds}
    assert on_page == in_report
    assert ("practices", "watch-the-competition") in on_page  # the starter's deliberate example


def test_findings_are_located_after_kb_build_let_the_parsed_files_go(write, load) -> None:
    write("standards/complaints/own.yaml", standard("own", roles="[team-lead]"))
    kb = load()
    found = coverage(kb)["standard-not-read"]
    release_documents(kb.items.values())  # as `kb build` does before rendering (memory)
    assert all(item.origin.parsed is None for item in kb.items.values())
    assert [str(finding.location) for finding in found] == ["standards/complaints/own.yaml:5:9"]
