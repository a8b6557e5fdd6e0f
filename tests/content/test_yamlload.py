"""The strict YAML loader: YAML 1.1 traps closed, positions kept, hostile input bounded."""

from __future__ import annotations

import pytest

from generator.content import yamlload
from generator.content.yamlload import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, YamlError, load


def data(text: str) -> dict:
    return load(text.encode("utf-8")).data


def value(scalar: str):  # type: ignore[no-untyped-def]
    return data(f"v: {scalar}\n")["v"]


def error(raw: bytes | str) -> YamlError:
    with pytest.raises(YamlError) as caught:
        load(raw.encode("utf-8") if isinstance(raw, str) else raw)
    return caught.value


# -- scalars ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("scalar", "expected"), [
    ("true", True), ("false", False), ("True", True), ("FALSE", False),
])
def test_only_true_and_false_are_booleans(scalar: str, expected: bool) -> None:
    assert value(scalar) is expected


@pytest.mark.parametrize("scalar", ["No", "no", "yes", "Yes", "on", "off", "On", "OFF", "y", "n", "Y"])
def test_yaml_1_1_booleans_stay_strings(scalar: str) -> None:
    assert value(scalar) == scalar


@pytest.mark.parametrize(("scalar", "expected"), [("42", 42), ("0", 0), ("-3", -3), ("+7", 7)])
def test_decimal_integers_are_ints(scalar: str, expected: int) -> None:
    assert value(scalar) == expected
    assert type(value(scalar)) is int


@pytest.mark.parametrize("scalar", ["012", "0x1F", "0o17", "1_000", "1.5", "1e3", ".inf", ".nan", "1:30", "190:20:30"])
def test_other_numbers_stay_strings(scalar: str) -> None:
    assert value(scalar) == scalar


@pytest.mark.parametrize("scalar", ["", "~", "null", "Null", "NULL"])
def test_nulls(scalar: str) -> None:
    assert value(scalar) is None


def test_quoted_scalars_are_always_strings() -> None:
    assert data('a: "true"\nb: \'12\'\nc: "null"\nd: "~"\n') == {"a": "true", "b": "12", "c": "null", "d": "~"}


def test_dates_stay_strings_until_a_model_asks_for_a_date() -> None:
    assert value("2026-01-15") == "2026-01-15"
    assert value("2026-01-15T10:00:00") == "2026-01-15T10:00:00"


def test_block_scalars_keep_their_text() -> None:
    assert data("a: |\n  line one\n  line two\nb: >\n  folded\n  text\n") == {
        "a": "line one\nline two\n", "b": "folded text\n",
    }


def test_str_tag_and_non_specific_tag_are_allowed() -> None:
    assert data("a: !!str 123\nb: ! 45\n") == {"a": "123", "b": "45"}


def test_integer_keys_stay_integers() -> None:
    assert data("levels:\n  1: Aware\n  2: Expert\n")["levels"] == {1: "Aware", 2: "Expert"}


def test_boolean_like_keys_stay_strings() -> None:
    assert data("on: 1\nno: 2\ntrue: 3\n") == {"on": 1, "no": 2, "true": 3}


# -- positions -------------------------------------------------------------------------------------

DOC = """\
kind: standard
title:
  en: Speed
  pl: Szybkość
roles: [agent, team-lead]
steps:
  - en: Listen
  - {en: Answer, pl: Odpowiedz}
"""


def test_positions_of_values_and_keys() -> None:
    document = load(DOC.encode("utf-8"))
    assert document.locate(("kind",)) == (1, 7)
    assert document.locate(("kind",), key=True) == (1, 1)
    assert document.locate(("title",)) == (3, 3)
    assert document.locate(("title", "pl")) == (4, 7)
    assert document.locate(("title", "pl"), key=True) == (4, 3)
    assert document.locate(("roles", 1)) == (5, 16)
    assert document.locate(("steps", 0, "en")) == (7, 9)
    assert document.locate(("steps", 1, "pl")) == (8, 22)


def test_a_missing_path_points_at_the_deepest_part_that_exists() -> None:
    document = load(DOC.encode("utf-8"))
    assert document.locate(()) == (1, 1)
    assert document.locate(("owner",)) == (1, 1)
    assert document.locate(("title", "el")) == (3, 3)
    assert document.locate(("steps", 1, "el")) == (8, 5)
    assert document.locate(("roles", 7)) == (5, 8)


def test_columns_count_characters_not_bytes() -> None:
    document = load("t: {pl: Żółć, en: Bile}\n".encode())
    assert document.locate(("t", "en")) == (1, 19)


def test_crlf_line_endings_and_bom_keep_positions() -> None:
    document = load(b"\xef\xbb\xbfkind: principle\r\nid: crlf\r\ntitle: x\r\n")
    assert document.data == {"kind": "principle", "id": "crlf", "title": "x"}
    assert document.locate(("title",)) == (3, 8)


# -- refused input ---------------------------------------------------------------------------------


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    problem = error("a: 1\nb: 2\na: 3\n")
    assert (problem.message, problem.line, problem.column) == ("key 'a' is given twice (first on line 1)", 3, 1)


def test_duplicate_key_in_a_nested_flow_mapping() -> None:
    problem = error("t: {en: a, pl: b, en: c}\n")
    assert (problem.line, problem.column) == (1, 19)


def test_merge_key_is_refused() -> None:
    problem = error("base: &b {x: 1}\nitem:\n  <<: *b\n")
    assert problem.message == "merge keys (<<) are not supported"
    assert (problem.line, problem.column) == (3, 3)


def test_quoted_double_less_than_is_an_ordinary_key() -> None:
    assert data('"<<": x\n') == {"<<": "x"}


@pytest.mark.parametrize(("text", "shown"), [
    ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
    ("a: !!binary aGVsbG8=\n", "!!binary"),
    ("a: !!float 1.5\n", "!!float"),
    ("a: !!timestamp 2026-01-01\n", "!!timestamp"),
    ("a: !ENV HOME\n", "!ENV"),
    ("a: !!set {x, y}\n", "!!set"),
    ("a: !custom [1]\n", "!custom"),
])
def test_tags_are_refused(text: str, shown: str) -> None:
    problem = error(text)
    assert problem.message == f"YAML tag '{shown}' is not allowed"
    assert (problem.line, problem.column) == (1, 4)


def test_small_aliases_are_allowed_and_share_nothing_unexpected() -> None:
    loaded = data("a: &x {en: A}\nb: *x\n")
    assert loaded == {"a": {"en": "A"}, "b": {"en": "A"}}


def test_unknown_alias() -> None:
    problem = error("a: *nothing\n")
    assert (problem.message, problem.line, problem.column) == ("unknown alias '*nothing'", 1, 4)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_expansion_is_bounded_while_reading() -> None:
    problem = error(billion_laughs())
    assert problem.message == f"file expands to more than {MAX_VALUES} values"
    assert problem.line < 9  # stopped long before the last level


def test_alias_counting_includes_each_expansion() -> None:
    items = ", ".join(["x"] * 99)
    text = f"a: &a [{items}]\n" + "".join(f"b{i}: *a\n" for i in range(MAX_VALUES // 100 + 2))
    assert "expands to more than" in error(text).message


def test_depth_is_bounded() -> None:
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"  # the root mapping is level 1
    load(ok.encode())
    problem = error("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert problem.message == f"nesting is deeper than {MAX_DEPTH} levels"
    assert (problem.line, problem.column) == (1, 3 + MAX_DEPTH)  # the innermost [


def test_deep_nesting_far_beyond_the_recursion_limit_fails_cleanly() -> None:
    # libyaml 0.2.6 refuses 1,000 levels while scanning ahead; the message and position stay ours
    problem = error("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert (problem.message, problem.hint) == (f"nesting is deeper than {MAX_DEPTH} levels", "flatten the structure")
    assert (problem.line, problem.column) == (1, 3 + MAX_DEPTH)


def test_deep_block_nesting_fails_with_our_message() -> None:
    problem = error("a:\n  " + "- " * 5_000 + "x\n")
    assert problem.message == f"nesting is deeper than {MAX_DEPTH} levels"
    assert (problem.line, problem.column) == (2, 3 + 2 * (MAX_DEPTH - 1))


def test_several_documents_are_refused() -> None:
    problem = error("a: 1\n---\nb: 2\n")
    assert (problem.message, problem.line, problem.column) == ("file holds several YAML documents", 2, 1)


def test_one_document_with_explicit_markers_is_fine() -> None:
    assert data("---\na: 1\n...\n") == {"a": 1}


@pytest.mark.parametrize(("text", "message"), [
    ("", "file is empty"),
    ("   \n\n", "file is empty"),
    ("# only a comment\n", "file is empty"),
    ("~\n", "file holds nothing, not a mapping of fields"),
    ("- a\n- b\n", "file holds a list, not a mapping of fields"),
    ("just text\n", "file holds a single value, not a mapping of fields"),
    ("42\n", "file holds a number, not a mapping of fields"),
])
def test_a_file_must_hold_one_mapping(text: str, message: str) -> None:
    problem = error(text)
    assert (problem.message, problem.line, problem.column) == (message, 1, 1)


def test_non_scalar_keys_are_refused() -> None:
    problem = error("[a, b]: c\n")
    assert problem.message == "a mapping key must be a plain word or number"


# -- bytes -----------------------------------------------------------------------------------------


def test_size_limit() -> None:
    padding = b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 6) + b"\n"
    assert len(padding) == MAX_FILE_BYTES
    assert load(padding).data == {"a": 1}
    problem = error(padding + b"x")
    assert problem.message == f"file is too large (512 KiB; the limit is {MAX_FILE_BYTES // 1024} KiB)"


def test_utf16_is_refused() -> None:
    assert error("a: 1\n".encode("utf-16")).message == "file is encoded as UTF-16"
    assert error("a: 1\n".encode("utf-16-be").join([b"\xfe\xff", b""])).message == "file is encoded as UTF-16"


def test_binary_is_refused_at_the_first_nul() -> None:
    problem = error(b"a: 1\nb: \x00\x01\n")
    assert (problem.message, problem.line) == ("file is binary (it contains a NUL byte)", 2)


def test_invalid_utf8_names_the_byte_and_its_position() -> None:
    problem = error("a: 1\nt: Żółć \xb6\n".encode().replace(b"\xc2\xb6", b"\xb6"))
    assert (problem.message, problem.line, problem.column) == ("file is not valid UTF-8 (byte 0xb6)", 2, 9)


def test_control_characters_are_refused_with_their_position() -> None:
    problem = error("a: 1\nt: ąę\x07\n")
    assert (problem.message, problem.line, problem.column) == ("control character U+0007 is not allowed in YAML", 2, 6)


def test_syntax_error_positions() -> None:
    problem = error("a: 1\nb: [x, y\nc: 2\n")
    assert problem.message.startswith("YAML syntax error: did not find expected ',' or ']'")
    assert problem.message.endswith("that starts on line 2")
    assert problem.line == 3


def test_tab_indentation_is_named() -> None:
    problem = error("a:\n\tb: 1\n")
    assert (problem.message, problem.line, problem.column) == ("tab character in indentation", 2, 1)


def test_stray_colon_hint_quotes_the_value() -> None:
    problem = error('title: Speed: the "first" rule\n')
    assert problem.message == "YAML syntax error: unexpected ': '"
    assert problem.hint.endswith('quote the whole value: title: "Speed: the \\"first\\" rule"')


def test_the_builder_never_uses_pyyaml_construction() -> None:
    # The loader reads events; a Python tag must never reach a constructor.
    with pytest.raises(YamlError):
        yamlload.load(b"a: !!python/name:os.system\n")
