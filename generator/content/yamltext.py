"""Bytes to text, and libyaml's errors to messages that say where the problem is and how to fix it.

Part of the strict loader (`yamlload.py`): what to refuse before parsing (size,
encoding) and how to word a syntax error.
"""

from __future__ import annotations

import re

import yaml

MAX_FILE_BYTES = 512 * 1024


class YamlError(Exception):
    """Bad YAML: a message for the user and the 1-based position it concerns."""

    def __init__(self, message: str, line: int = 0, column: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 with or without BOM; anything else is a YamlError."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(
            f"file is too large ({len(raw) // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB)",
            1,
            1,
            hint="split it into several items",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError("file is encoded as UTF-16", 1, 1, hint="save it as UTF-8")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise YamlError("file is binary (it contains a NUL byte)", line, 1, hint="content files are UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        before = raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start]
        column = len(before.decode("utf-8", "replace")) + 1  # in characters, as editors count
        raise YamlError(
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            column,
            hint="save the file as UTF-8",
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = exc.problem or "invalid YAML"
    if mark and _is_tab(text, mark.index):
        return YamlError(
            "tab character in indentation", line, column, hint="indent with spaces, never tabs"
        )
    if mark and problem == "mapping values are not allowed in this context":
        return _stray_colon(text, mark, line, column)
    context = f" {exc.context}" if exc.context else ""
    opened = exc.context_mark
    if context and opened and mark and opened.line != mark.line:
        context += f" that starts on line {opened.line + 1}"
    if "flow" in context:
        hint = "close each `{` and `[` you open, and quote texts inside them that contain a comma or ': '"
    else:
        hint = "check the indentation, and quote values that contain ': ' or start with a special character"
    return YamlError(f"YAML syntax error: {problem}{context}", line, column, hint)


def _stray_colon(text: str, mark: yaml.Mark, line: int, column: int) -> YamlError:
    """`title: Speed: the rule`: say how to quote this very value."""
    source_line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    field = re.match(r"\s*(?:- )?([^\s:#'\"][^:#]*):\s+(\S.*?)\s*$", source_line)
    hint = "if the colon belongs to the text, quote the whole value; otherwise check the indentation"
    if field and not field.group(2).startswith(("'", '"', "{", "[")):
        quoted = field.group(2).replace("\\", "\\\\").replace('"', '\\"')
        hint = f'if the colon belongs to the text, quote the whole value: {field.group(1)}: "{quoted}"'
    return YamlError("YAML syntax error: unexpected ': '", line, column, hint)


def reader_error(exc: yaml.reader.ReaderError, text: str) -> YamlError:
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    what = "control character" if "control" in exc.reason else "character"
    return YamlError(
        f"{what} U+{code:04X} is not allowed in YAML",
        line,
        column,
        hint="delete it; it is usually invisible, pasted from another program",
    )


def _is_tab(text: str, index: int) -> bool:
    """Whether the error position sits on a tab (libyaml's message does not say)."""
    return 0 <= index < len(text) and text[index] == "\t"
