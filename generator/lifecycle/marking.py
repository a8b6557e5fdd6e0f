"""`kb i18n mark`: record a translation's fingerprint by editing one line, never re-dumping the file.

Team leads' comments, key order, quoting and line endings are theirs: the file is
changed only where `translated.<lang>` is written. The loader's positions find an
existing `translated:` mapping and its `<lang>:` entry; then

* an existing entry has just its value replaced (block or flow style);
* a new language is added after the last entry of a block mapping, with the same
  indentation, or before the closing brace of a flow mapping (`{pl: x, el: y}`);
* a file without `translated:` gets a block at its end.

A UTF-8 byte-order mark and CRLF line endings are kept. The edited text is parsed
again and must hold exactly the old data plus the new fingerprint; otherwise the
file is left alone and a MarkError says what to add by hand.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import files
from generator.content import yamlload
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.lifecycle.translations import translation_status

BOM = b"\xef\xbb\xbf"
_NUMERIC = re.compile(r"[0-9]*e?[0-9]*")  # values other YAML tools could read as numbers


class MarkError(Exception):
    """The file could not be edited safely; the message says where and what to do."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def mark_file(path: Path, fingerprints: Sequence[tuple[str, str]]) -> bool:
    """Set `translated.<lang>` for each (lang, fingerprint) in the file; True when it changed."""
    reason = files.refuse_reason(path)
    if reason:
        raise MarkError(reason)
    raw = path.read_bytes()
    try:
        text = yamlload.decode(raw)
    except yamlload.YamlError as exc:
        raise MarkError(exc.message, exc.line) from None
    new = text
    for lang, fingerprint in fingerprints:
        new = set_translated(new, lang, fingerprint)
    if new == text:
        return False
    _write_atomically(path, (BOM if raw.startswith(BOM) else b"") + new.encode("utf-8"))
    return True


def set_translated(text: str, lang: str, fingerprint: str) -> str:
    """`text` (a content file without BOM) with `translated.<lang>` set to `fingerprint`."""
    document = _parse(text)
    data = document.data
    value = _scalar(fingerprint)
    root = document.positions.marks(data)
    if root is not None and _char_at(text.split("\n"), root.start) == "{":
        raise MarkError("the file is one flow mapping `{...}`; write it as one field per line first", 1)
    if "translated" not in data:
        new = _append_block(text, lang, value, root.start[1] - 1 if root else 0)
    else:
        marks = document.positions.marks(data["translated"])
        line = document.locate(("translated",), key=True)[0]
        if marks is None or not isinstance(data["translated"], dict):
            raise MarkError("`translated:` must be a mapping of language to fingerprint", line)
        lines = text.split("\n")
        flow = _char_at(lines, marks.start) == "{"
        if lang in marks.values:
            _replace(lines, marks.values[lang], value, flow)
        elif flow:
            _insert_flow(lines, marks, lang, value)
        else:
            _insert_block(lines, marks, lang, value)
        new = "\n".join(lines)
    _verify(data, new, lang, fingerprint)
    return new


def _parse(text: str) -> yamlload.Document:
    try:
        return yamlload.load(text.encode("utf-8"))
    except yamlload.YamlError as exc:
        raise MarkError(f"{exc.message}; fix the file first (`kb check`)", exc.line) from None


def _scalar(fingerprint: str) -> str:
    """The fingerprint as YAML: quoted when it could be read as a number (e.g. '0123456789')."""
    return f"'{fingerprint}'" if _NUMERIC.fullmatch(fingerprint) else fingerprint


def _char_at(lines: list[str], mark: yamlload.Mark) -> str:
    line, column = mark
    return lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""


def _split_cr(line: str) -> tuple[str, str]:
    return (line[:-1], "\r") if line.endswith("\r") else (line, "")


def _scalar_end(body: str, start: int, flow: bool, line_no: int) -> int:
    """Where the one-line scalar starting at `start` ends (quotes included, comment excluded)."""
    rest = body[start:]
    if rest[:1] in ("'", '"'):
        pattern = r"'(?:[^']|'')*'" if rest[0] == "'" else r'"(?:[^"\\]|\\.)*"'
        match = re.match(pattern, rest)
        if not match:
            raise MarkError("the value spans several lines; put it on one line", line_no)
        return start + match.end()
    if rest[:1] in ("|", ">", "&", "*", "!", "{", "["):
        raise MarkError("the value is not a plain fingerprint; replace it by hand", line_no)
    end = len(rest)
    for i, char in enumerate(rest):
        if (char == "#" and i > 0 and rest[i - 1] in " \t") or (flow and char in ",}]"):
            end = i
            break
    return start + len(rest[:end].rstrip(" \t"))


def _replace(lines: list[str], mark: yamlload.Mark, value: str, flow: bool) -> None:
    index, start = mark[0] - 1, mark[1] - 1
    body, cr = _split_cr(lines[index])
    end = _scalar_end(body, start, flow, mark[0])
    gap = " " if end == start and body[:start].endswith(":") else ""  # `pl:` with no value yet
    lines[index] = body[:start] + gap + value + body[end:] + cr


def _insert_flow(lines: list[str], marks: yamlload.Marks, lang: str, value: str) -> None:
    if not marks.values:  # `translated: {}`
        index, column = marks.start[0] - 1, marks.start[1]
        body, cr = _split_cr(lines[index])
        lines[index] = f"{body[:column]}{lang}: {value}{body[column:]}{cr}"
        return
    line, column = max(marks.values.values())
    body, cr = _split_cr(lines[line - 1])
    end = _scalar_end(body, column - 1, True, line)
    lines[line - 1] = f"{body[:end]}, {lang}: {value}{body[end:]}{cr}"


def _insert_block(lines: list[str], marks: yamlload.Marks, lang: str, value: str) -> None:
    indent = min(column for _, column in marks.keys.values()) - 1
    last_line = max(line for line, _ in marks.values.values())
    _, cr = _split_cr(lines[last_line - 1])
    lines.insert(last_line, f"{' ' * indent}{lang}: {value}{cr}")


def _append_block(text: str, lang: str, value: str, indent: int) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline
    pad = " " * indent
    return f"{text}{pad}translated:{newline}{pad}  {lang}: {value}{newline}"


def _verify(before: dict[str, Any], new_text: str, lang: str, fingerprint: str) -> None:
    """The edit changed exactly `translated.<lang>`, or nothing is written."""
    expected = copy.deepcopy(before)
    expected.setdefault("translated", {})[lang] = fingerprint
    try:
        after = yamlload.load(new_text.encode("utf-8")).data
    except yamlload.YamlError:
        after = None
    if after != expected:
        raise MarkError(
            f"cannot edit `translated:` safely here; add `{lang}: {fingerprint}` under `translated:` by hand"
        )


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        files.atomic_write(path, data)
    except files.WriteRefused as exc:
        raise MarkError(exc.reason) from None


# -- kb i18n mark -------------------------------------------------------------


@dataclass
class MarkPlan:
    marks: list[tuple[Item, str, str]] = field(default_factory=list)  # (item, lang, fingerprint) to write
    current: int = 0  # already recorded with today's fingerprint
    skipped: list[str] = field(default_factory=list)  # "id (lang): why"
    failed: list[str] = field(default_factory=list)  # "path:line: why", filled by write_marks


def plan_marks(kb: KnowledgeBase, ids: Sequence[str] | None, langs: Sequence[str]) -> MarkPlan:
    """What to record for `ids` (None: every active item) in `langs`; items lacking text in a language are skipped."""
    items = [kb.items[i] for i in ids] if ids is not None else [
        item for item in sorted(kb.items.values(), key=lambda i: i.id) if item.is_active
    ]
    plan = MarkPlan()
    for item in items:
        for lang in langs:
            status = translation_status(kb, item, lang)
            if status.state == "missing":
                shown = ", ".join(f"`{name}`" for name in status.missing[:3])
                more = f" and {len(status.missing) - 3} more" if len(status.missing) > 3 else ""
                plan.skipped.append(f"{item.id} ({lang}): no {lang} text for {shown}{more}")
            elif status.state == "current":
                plan.current += 1
            else:
                plan.marks.append((item, lang, status.source))
    return plan


def write_marks(plan: MarkPlan) -> int:
    """Write the plan, one edit per file; the number of files changed. Failures go to plan.failed."""
    by_file: dict[Path, list[tuple[str, str]]] = {}
    shown: dict[Path, str] = {}
    for item, lang, fingerprint in plan.marks:
        by_file.setdefault(item.origin.path, []).append((lang, fingerprint))
        shown[item.origin.path] = item.origin.display
    written = 0
    for path, fingerprints in by_file.items():
        try:
            written += mark_file(path, fingerprints)
        except MarkError as exc:
            plan.failed.append(f"{shown[path]}:{exc.line or 1}: {exc}")
        except OSError as exc:
            plan.failed.append(f"{shown[path]}: cannot write the file: {exc.strerror}")
    return written
