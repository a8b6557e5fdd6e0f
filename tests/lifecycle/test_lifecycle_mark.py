"""`kb i18n mark` edits only the `translated.<lang>` line: comments, key order, quoting and line endings stay."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from generator.content import yamlload
from generator.content.fingerprint import source_fingerprint
from generator.lifecycle.marking import MarkError, mark_file, set_translated

FP = "3f9a0c12be"
CFC = "standards/complaints/complaint-first-contact.yaml"

HEAD = """\
# yaml-language-server: $schema=../../.kb/schema/standard.json
kind: standard
id: rule   # the id is the file name
title: {en: Pick up fast, pl: Odbieraj szybko}   # flow style stays
area: complaints

# a blank line and a comment between fields
statement:
  en: 'Answer within three rings.'
  pl: "Odbierz do trzeciego sygnału."
"""
TAIL = """\
owner: team-lead
reviewed: 2026-09-01   # checked with the owner
"""


def edit(before: str, lang: str = "pl", fingerprint: str = FP) -> tuple[list[str], list[str], str]:
    """The removed and added lines of the edit, and the new text."""
    after = set_translated(before, lang, fingerprint)
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    assert yamlload.load(after.encode()).data["translated"][lang] == fingerprint
    return removed, added, after


def test_block_replaces_only_the_value_and_keeps_the_comment() -> None:
    before = HEAD + "translated:\n  # checked by Ania\n  pl: 0123abcd99   # Polish\n  el: 99aa\n" + TAIL
    removed, added, _ = edit(before)
    assert removed == ["  pl: 0123abcd99   # Polish\n"]
    assert added == [f"  pl: {FP}   # Polish\n"]


def test_block_adds_a_language_after_the_last_entry_with_its_indentation() -> None:
    before = HEAD + "translated:\n    el: 99aa   # Greek\n" + TAIL
    removed, added, after = edit(before)
    assert (removed, added) == ([], [f"    pl: {FP}\n"])
    assert after == HEAD + f"translated:\n    el: 99aa   # Greek\n    pl: {FP}\n" + TAIL


def test_quoted_value_is_replaced_with_its_quotes() -> None:
    removed, added, _ = edit(HEAD + "translated:\n  pl: 'old value'\n" + TAIL)
    assert (removed, added) == (["  pl: 'old value'\n"], [f"  pl: {FP}\n"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("translated: {pl: 0123abcd99}   # flow\n", f"translated: {{pl: {FP}}}   # flow\n"),
        ("translated: {el: 99aa}\n", f"translated: {{el: 99aa, pl: {FP}}}\n"),
        ("translated: {el: '99aa', }\n", f"translated: {{el: '99aa', pl: {FP}, }}\n"),
        ("translated: {}\n", f"translated: {{pl: {FP}}}\n"),
        ("translated: { pl: old , el: x }\n", f"translated: {{ pl: {FP} , el: x }}\n"),
    ],
)
def test_flow_style(line: str, expected: str) -> None:
    removed, added, after = edit(HEAD + line + TAIL)
    assert (removed, added) == ([line], [expected])


def test_absent_block_is_appended_at_the_end() -> None:
    removed, added, after = edit(HEAD + TAIL)
    assert removed == []
    assert added == ["translated:\n", f"  pl: {FP}\n"]
    assert after.startswith(HEAD + TAIL)


def test_absent_block_after_a_last_line_without_newline() -> None:
    before = HEAD + TAIL.rstrip("\n")
    assert set_translated(before, "pl", FP) == HEAD + TAIL + f"translated:\n  pl: {FP}\n"


@pytest.mark.parametrize(
    "translated", ["", "translated:\n  el: 99aa\n", "translated: {el: 99aa}\n", "translated:\n  pl: x\n"]
)
def test_crlf_line_endings_are_kept(translated: str) -> None:
    before = (HEAD + translated + TAIL).replace("\n", "\r\n")
    after = set_translated(before, "pl", FP)
    assert after.count("\r\n") == after.count("\n")  # no bare LF anywhere
    assert yamlload.load(after.encode()).data["translated"]["pl"] == FP
    unchanged = [line for line in before.split("\r\n") if "pl: x" not in line and "el: 99aa}" not in line]
    assert all(line in after.split("\r\n") for line in unchanged)


def test_a_number_like_fingerprint_is_quoted() -> None:
    after = set_translated(HEAD + TAIL, "pl", "0123456789")
    assert after.endswith("translated:\n  pl: '0123456789'\n")
    assert yamlload.load(after.encode()).data["translated"]["pl"] == "0123456789"


def test_second_language_edits_the_block_the_first_one_wrote() -> None:
    after = set_translated(set_translated(HEAD + TAIL, "pl", FP), "el", "aaaaaaaaaa")
    assert after == HEAD + TAIL + f"translated:\n  pl: {FP}\n  el: aaaaaaaaaa\n"


@pytest.mark.parametrize(
    ("translated", "message"),
    [
        ("translated:\n  pl: |\n    3f9a\n", "the value is not a plain fingerprint; replace it by hand"),
        ("translated:\n  pl: abc\n    def\n", "cannot edit `translated:` safely here"),
        ("translated: [pl]\n", "`translated:` must be a mapping of language to fingerprint"),
    ],
)
def test_unsafe_edits_are_refused(translated: str, message: str) -> None:
    with pytest.raises(MarkError, match=re.escape(message)):
        set_translated(HEAD + translated + TAIL, "pl", FP)


def test_mark_file_keeps_bom_and_writes_nothing_when_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    original = b"\xef\xbb\xbf" + (HEAD + TAIL).replace("\n", "\r\n").encode()
    path.write_bytes(original)
    assert mark_file(path, [("pl", FP)]) is True
    data = path.read_bytes()
    assert data.startswith(original) and data[len(original):] == f"translated:\r\n  pl: {FP}\r\n".encode()
    stamp = path.stat().st_mtime_ns
    assert mark_file(path, [("pl", FP)]) is False
    assert path.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == ["rule.yaml"]  # no temporary file left behind


def test_mark_file_leaves_a_file_it_cannot_edit_alone(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    original = (HEAD + "translated:\n  pl: >\n    x\n" + TAIL).encode()
    path.write_bytes(original)
    with pytest.raises(MarkError):
        mark_file(path, [("pl", FP)])
    assert path.read_bytes() == original


# -- the command ----------------------------------------------------------------


def test_mark_one_item_records_the_current_fingerprint(kb_project: Path, run_kb, load) -> None:
    path = kb_project / "standards/complaints/complaint-first-contact.yaml"
    before = path.read_text(encoding="utf-8")
    result = run_kb("i18n", "mark", "complaint-first-contact", "--lang", "pl")
    assert result.exit_code == 0, result.output
    kb = load()
    now = source_fingerprint(kb.get("complaint-first-contact"), "en")
    assert result.stdout == f"marked complaint-first-contact (pl: {now})  {CFC}\n"
    assert result.stderr == "kb i18n mark: marked 1 translation(s) in 1 file(s), 0 already current, 0 skipped\n"
    assert path.read_text(encoding="utf-8") == before + f"translated:\n  pl: {now}\n"
    again = run_kb("i18n", "mark", "complaint-first-contact", "--lang", "pl")
    assert again.stderr == "kb i18n mark: marked 0 translation(s) in 0 file(s), 1 already current, 0 skipped\n"


def test_mark_after_a_change_replaces_the_line_and_clears_the_warning(kb_project: Path, run_kb) -> None:
    path = kb_project / "standards/complaints/complaint-first-contact.yaml"
    run_kb("i18n", "mark", "complaint-first-contact", "--lang", "pl")
    path.write_text(path.read_text(encoding="utf-8").replace("At least 80 %", "At least 85 %"), encoding="utf-8")
    assert "the 'pl' translation of 'complaint-first-contact' is outdated" in run_kb("check").stdout
    before = path.read_text(encoding="utf-8")
    run_kb("i18n", "mark", "complaint-first-contact", "--lang", "pl")
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("  pl: ") and changed[0][1].startswith("  pl: ")
    assert "outdated" not in run_kb("check").stdout


def test_mark_all_skips_items_without_the_language(kb_project: Path, run_kb, write) -> None:
    write("standards/principles/trust.yaml", "kind: principle\nid: trust\ntitle: {en: Trust}\n")
    dry = run_kb("i18n", "mark", "--all", "--lang", "pl", "--dry-run")
    assert dry.exit_code == 0
    assert "would mark speed (pl: " in dry.stdout
    assert "translated" not in (kb_project / "standards/principles/speed.yaml").read_text(encoding="utf-8")
    result = run_kb("i18n", "mark", "--all", "--lang", "pl")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "kb i18n mark: skipped trust (pl): no pl text for `title`",
        "kb i18n mark: marked 8 translation(s) in 8 file(s), 0 already current, 1 skipped",
    ]
    warnings = run_kb("check").stdout.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("standards/principles/trust.yaml:3:8: warning: no 'pl' ")


def test_mark_named_item_without_the_language_fails(kb_project: Path, run_kb, write) -> None:
    write("standards/principles/trust.yaml", "kind: principle\nid: trust\ntitle: {en: Trust}\n")
    result = run_kb("i18n", "mark", "trust", "speed", "--lang", "pl")
    assert result.exit_code == 1
    assert "skipped trust (pl): no pl text for `title`" in result.stderr
    assert "marked speed (pl: " in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["speed", "--lang", "en"], 2, "kb: --lang en: not a translated language of this site (expected one of: pl)\n"),
        (["sped", "--lang", "pl"], 2, "kb: unknown item 'sped' (did you mean 'speed'?)\n"),
        (["speed", "--all", "--lang", "pl"], 2, "name the items to mark (ID...) or pass --all, not both"),
        (["--lang", "pl"], 2, "name the items to mark (ID...) or pass --all, not both"),
    ],
)
def test_mark_refuses_bad_arguments(kb_project: Path, run_kb, args, code, message) -> None:
    result = run_kb("i18n", "mark", *args)
    assert result.exit_code == code
    assert message in result.stderr
