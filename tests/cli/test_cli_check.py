"""`kb check` through click's CliRunner: exit codes, formats, --strict, PATH, and failures without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.content import checks, yamlload
from generator.diagnostics import Diagnostic, Location, Severity
from generator.reporters import as_github

STANDARD = "standards/complaints/complaint-first-contact.yaml"


def replace_in(path: str, old: str, new: str) -> None:
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


def assert_no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stdout + result.stderr


# -- exit codes --------------------------------------------------------------------------------------


def test_a_clean_knowledge_base_exits_0(kb_project: Path, run_kb) -> None:
    result = run_kb("check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "kb check: no problems\n")


def test_errors_exit_1_and_are_all_reported(kb_project: Path, run_kb) -> None:
    replace_in(STANDARD, "roles: [team-lead]", "roles: [team-leed]")
    replace_in(STANDARD, "principles: [speed]", "principles: [sped]")
    result = run_kb("check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{STANDARD}:12:9: error: unknown role 'team-leed' (did you mean 'team-lead'?)\n"
        f"{STANDARD}:13:14: error: unknown principle 'sped' (did you mean 'speed'?)\n"
    )
    assert result.stderr == "kb check: 2 error(s), 0 warning(s)\n"


def test_warnings_alone_exit_0(kb_project: Path, run_kb) -> None:
    replace_in("standards/principles/speed.yaml", "title: {en: Speed, pl: Szybkość}", "title: Speed")
    result = run_kb("check")
    assert result.exit_code == 0
    assert result.stdout == (
        "standards/principles/speed.yaml:4:8: warning: no 'pl' translation of `title` "
        "(add `pl:` to each text, or the pl site shows the en text)\n"
    )
    assert result.stderr == "kb check: 0 error(s), 1 warning(s)\n"


def test_strict_turns_warnings_into_errors(kb_project: Path, run_kb) -> None:
    replace_in("standards/principles/speed.yaml", "title: {en: Speed, pl: Szybkość}", "title: Speed")
    result = run_kb("check", "--strict")
    assert result.exit_code == 1
    assert result.stdout.startswith("standards/principles/speed.yaml:4:8: error: no 'pl' translation of `title`")
    assert result.stderr == "kb check: 1 error(s), 0 warning(s)\n"


def test_quiet_hides_warnings(kb_project: Path, run_kb) -> None:
    replace_in("standards/principles/speed.yaml", "title: {en: Speed, pl: Szybkość}", "title: Speed")
    result = run_kb("check", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")


def test_missing_config_exits_2_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_kb("check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "kb: mkdocs.yml: config file not found (run `kb init` to start a content repository, or pass -f FILE)\n"
    )


@pytest.mark.parametrize(("config", "message"), [
    ("site_name: x\nkb: {content: [standards\n",
     "kb: mkdocs.yml:3:1: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence that "
     "starts on line 2 (close each `{` and `[` you open, and quote texts inside them that contain a comma or ': ')\n"),
    ("- just\n- a list\n", "kb: mkdocs.yml: the config must be a mapping of settings\n"),
    ("kb:\n  contnet: [standards]\n", "kb: mkdocs.yml:2:12: `kb.contnet`: unknown option (did you mean 'content'?)\n"),
    ("kb:\n  languages: [english]\n",
     "kb: mkdocs.yml:2:14: `kb.languages`: 'english' is not a language code like 'en' or 'pl'\n"),
    ("kb:\n  review_every_months: 0\n",
     "kb: mkdocs.yml:2:24: `kb.review_every_months`: must be greater than 0, got 0\n"),
    ("kb:\n  review_due_days: soon\n",
     "kb: mkdocs.yml:2:20: `kb.review_due_days`: must be a whole number, got 'soon'\n"),
    ("kb:\n  review_due_days: true\n", "kb: mkdocs.yml:2:20: `kb.review_due_days`: must be a whole number, got True\n"),
    ("kb: [en, pl]\n", "kb: mkdocs.yml:1:5: `kb`: must be a mapping of options, like `languages: [en, pl]`\n"),
    ("kb:\n  content: standards\n", "kb: mkdocs.yml:2:12: `kb.content`: must be a list, like `[a, b]`\n"),
    ("kb:\n  content: [standards, 3]\n", "kb: mkdocs.yml:2:24: `kb.content.1`: must be a non-empty text\n"),
    ("kb:\n  languages: []\n", "kb: mkdocs.yml:2:14: `kb.languages`: must list at least one language\n"),
    ("kb:\n  languages: [en, pl, en]\n", "kb: mkdocs.yml:2:14: `kb.languages`: a language is listed twice\n"),
])
def test_a_broken_config_exits_2_with_one_line(kb_project: Path, run_kb, config: str, message: str) -> None:
    write("mkdocs.yml", config)
    result = run_kb("check")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_a_config_that_is_not_utf8_exits_2(kb_project: Path, run_kb) -> None:
    Path("mkdocs.yml").write_bytes(b"site_name: Szybko\xb6\xe6\n")
    result = run_kb("check")
    assert result.exit_code == 2
    assert result.stderr == "kb: mkdocs.yml:1:18: file is not valid UTF-8 (byte 0xb6) (save the file as UTF-8)\n"
    assert result.stderr.count("\n") == 1


def test_config_file_option(kb_project: Path, run_kb) -> None:
    Path("mkdocs.yml").rename("site.yml")
    assert run_kb("check").exit_code == 2
    assert run_kb("check", "-f", "site.yml").exit_code == 0


def test_a_missing_content_folder_is_an_error(kb_project: Path, run_kb) -> None:
    replace_in("mkdocs.yml", "content: [standards, onboarding]", "content: [standards, onboarding, extra]")
    result = run_kb("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "mkdocs.yml: error: content folder 'extra' does not exist (create it, or fix `kb.content` in the config)\n"
    )


def test_the_config_file_is_not_content_when_the_content_folder_is_the_root(kb_project: Path, run_kb) -> None:
    replace_in("mkdocs.yml", "content: [standards, onboarding]", "content: [.]")
    result = run_kb("check")
    assert (result.exit_code, result.stdout) == (0, "")


# -- formats -----------------------------------------------------------------------------------------


def test_github_format_prints_exact_annotations(kb_project: Path, run_kb) -> None:
    replace_in(STANDARD, "roles: [team-lead]", "roles: [team-leed]")
    replace_in("standards/principles/speed.yaml", "title: {en: Speed, pl: Szybkość}", "title: Speed")
    result = run_kb("check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={STANDARD},line=12,col=9,title=kb check%3A unknown-reference::"
        "unknown role 'team-leed' (did you mean 'team-lead'?)\n"
        "::warning file=standards/principles/speed.yaml,line=4,col=8,title=kb check%3A missing-translation::"
        "no 'pl' translation of `title` (add `pl:` to each text, or the pl site shows the en text)\n"
    )
    assert result.stderr == ""


def test_github_format_escapes_paths_and_messages(kb_project: Path, run_kb) -> None:
    write("standards/odd, name: 100%/odd.yaml", 'kind: principle\nid: odd\ntitle: {en: Odd, pl: Dziwny}\n"50%": x\n')
    result = run_kb("check", "--format", "github")
    assert result.stdout == (
        "::error file=standards/odd%2C name%3A 100%25/odd.yaml,line=4,col=1,title=kb check%3A unknown-field::"
        "unknown field `50%25` (expected one of: changes, description, id, kind, status, summary, tags, title, "
        "translated)\n"
    )


def test_github_escaping_of_newlines_and_carriage_returns() -> None:
    diagnostic = Diagnostic(Location("a:b,c.yaml", 3, 5), Severity.ERROR, "x", "two\nlines\r", "50% done")
    assert as_github([diagnostic]) == (
        "::error file=a%3Ab%2Cc.yaml,line=3,col=5,title=kb check%3A x::two%0Alines%0D (50%25 done)\n"
    )


def test_github_annotation_without_a_line() -> None:
    diagnostic = Diagnostic(Location("standards"), Severity.ERROR, "missing-taxonomy", "no taxonomy")
    assert as_github([diagnostic]) == "::error file=standards,title=kb check%3A missing-taxonomy::no taxonomy\n"


def test_json_format_lists_every_record(kb_project: Path, run_kb) -> None:
    replace_in(STANDARD, "roles: [team-lead]", "roles: [team-leed]")
    replace_in("standards/principles/speed.yaml", "title: {en: Speed, pl: Szybkość}", "title: Speed")
    result = run_kb("check", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert json.loads(result.stdout) == [
        {
            "path": STANDARD, "line": 12, "column": 9, "severity": "error", "code": "unknown-reference",
            "message": "unknown role 'team-leed'", "hint": "did you mean 'team-lead'?",
        },
        {
            "path": "standards/principles/speed.yaml", "line": 4, "column": 8, "severity": "warning",
            "code": "missing-translation", "message": "no 'pl' translation of `title`",
            "hint": "add `pl:` to each text, or the pl site shows the en text",
        },
    ]


def test_json_format_of_a_clean_knowledge_base(kb_project: Path, run_kb) -> None:
    result = run_kb("check", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_json_keeps_non_ascii_text(kb_project: Path, run_kb) -> None:
    replace_in(STANDARD, "roles: [team-lead]", "roles: [zażółć]")
    records = json.loads(run_kb("check", "--format", "json").stdout)
    mine = [record["message"] for record in records if record["path"] == STANDARD]
    assert mine == ["`roles[0]`: 'zażółć' is not a valid id"]


# -- PATH arguments ----------------------------------------------------------------------------------

BROKEN_PRINCIPLE = "kind: principle\nid: {id}\ntitle: {{en: Broken, pl: Zepsuty}}\ndescripton: x\n"


def test_paths_limit_the_report_to_those_files(kb_project: Path, run_kb) -> None:
    write("standards/principles/one.yaml", BROKEN_PRINCIPLE.format(id="one"))
    write("onboarding/two.yaml", BROKEN_PRINCIPLE.format(id="two"))
    both = run_kb("check")
    assert both.stdout.count("unknown field") == 2
    one = run_kb("check", "standards/principles/one.yaml")
    assert one.exit_code == 1
    assert one.stdout == (
        "standards/principles/one.yaml:4:1: error: unknown field `descripton` (did you mean 'description'?)\n"
    )
    folder = run_kb("check", "onboarding")
    assert folder.stdout.startswith("onboarding/two.yaml:4:1: error: unknown field")
    assert folder.stdout.count("\n") == 1


def test_a_clean_path_exits_0_even_when_other_files_are_broken(kb_project: Path, run_kb) -> None:
    write("standards/principles/one.yaml", BROKEN_PRINCIPLE.format(id="one"))
    result = run_kb("check", "standards/principles/speed.yaml")
    assert (result.exit_code, result.stdout) == (0, "")


def test_references_from_a_checked_file_still_resolve_against_the_whole_base(kb_project: Path, run_kb) -> None:
    result = run_kb("check", STANDARD)
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_path_that_does_not_exist_is_a_usage_error(kb_project: Path, run_kb) -> None:
    result = run_kb("check", "standards/nowhere.yaml")
    assert result.exit_code == 2
    assert "'standards/nowhere.yaml' does not exist" in result.stderr
    assert_no_traceback(result)


# -- internal errors ---------------------------------------------------------------------------------


def test_an_exception_in_a_check_names_the_check_and_exits_2(
    kb_project: Path, run_kb, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(kb, diagnostics):  # type: ignore[no-untyped-def]
        for item in kb.items.values():
            if item.id == "speed":
                raise RuntimeError("boom")

    monkeypatch.setattr(checks, "CHECKS", [*checks.CHECKS, explode])
    result = run_kb("check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "kb: internal error in the explode check: RuntimeError: boom "
        "(this is a bug in kb; please report it with the file that triggered it)\n"
    )


def test_an_exception_while_reading_names_the_file(kb_project: Path, run_kb, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(raw: bytes):  # type: ignore[no-untyped-def]
        raise ValueError("cannot cope")

    monkeypatch.setattr(yamlload, "load", explode)
    result = run_kb("check")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "kb: internal error while reading onboarding/competencies/active-listening.yaml: ValueError: cannot cope"
    )


def test_an_exception_outside_any_item_names_no_stale_file(
    kb_project: Path, run_kb, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(kb, diagnostics):  # type: ignore[no-untyped-def]
        raise KeyError("nothing")

    assert run_kb("check").exit_code == 0  # every file has been read once
    monkeypatch.setattr(checks, "CHECKS", [explode])
    result = run_kb("check")
    assert result.exit_code == 2
    assert result.stderr.startswith("kb: internal error in the explode check: KeyError: 'nothing' (this is a bug")
