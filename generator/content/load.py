"""Stage one: content files -> typed items, with a Diagnostic for every file that is wrong.

A broken file becomes diagnostics and no item; the other files are still loaded.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator import files
from generator.content import yamlload
from generator.content.messages import clip, describe
from generator.content.models import KINDS, Item
from generator.content.types import SLUG_RE, slugify
from generator.diagnostics import Diagnostics, InternalError, Location, display_path, suggest

_TOP_FIELD = re.compile(rb"^(kind|id):[ \t]*['\"]?([a-z0-9-]+)['\"]?[ \t]*(?:#.*)?\r?$", re.M)
@dataclass
class Seen:
    """What files named even when they were wrong, so that one mistake gives one error: a broken
    taxonomy is not a missing one, and a reference to a broken item is not an unknown reference."""

    kinds: set[str] = field(default_factory=set)
    broken: dict[str, str] = field(default_factory=dict)  # id -> kind of items that failed to load

    def update(self, other: Seen) -> None:
        self.kinds |= other.kinds
        self.broken.update(other.broken)


@dataclass
class SourceFile:
    """A content file and, once parsed, its document (for line numbers).

    `release()` lets the parsed document go and keeps the file's bytes compressed instead (a tenth of
    the memory, for `kb build`, whose checks are done when it renders); the document is parsed again
    from them when asked for."""

    path: Path
    display: str
    parsed: yamlload.Document | None = None
    _packed: bytes | None = field(default=None, repr=False)

    @property
    def document(self) -> yamlload.Document | None:
        if self.parsed is None and self._packed is not None:
            return yamlload.load(zlib.decompress(self._packed))
        return self.parsed

    def parse(self, raw: bytes) -> yamlload.Document:
        """The document of `raw` (the file's bytes, kept compressed for `release`); YamlError if it is not YAML."""
        self.parsed = yamlload.load(raw)
        self._packed = zlib.compress(raw, 1)
        return self.parsed

    def release(self) -> None:
        """Let the parsed document go (it is parsed again when asked for)."""
        if self._packed is not None:
            self.parsed = None

    def location(self, path: Sequence[Any] = (), key: bool = False) -> Location:
        document = self.document
        if document is None:
            return Location(self.display, 1, 1)
        line, column = document.locate(path, key)
        return Location(self.display, line, column)


def load_files(paths: Iterable[Path], diagnostics: Diagnostics, default_language: str,
               root: Path | None = None) -> tuple[list[Item], Seen]:
    """The valid items, and what the files that failed still named (their kinds and ids); with `root`, a
    file that resolves outside it (a symbolic link to /etc/passwd) is refused with an error naming the link."""
    items = []
    seen = Seen()
    cwd = os.path.join(os.getcwd(), "")
    for path in paths:
        text = str(path)
        # display_path() for the common case of a file below the working folder, without a relpath per file
        shown = text[len(cwd):].replace(os.sep, "/") if text.startswith(cwd) else None
        item = load_file(path, diagnostics, default_language, seen, shown, root)
        if item is not None:
            items.append(item)
    return items, seen


def load_file(
    path: Path, diagnostics: Diagnostics, default_language: str, seen: Seen | None = None,
    shown: str | None = None, root: Path | None = None,
) -> Item | None:
    """One file -> one item, or None with the reasons in `diagnostics` (`shown`: the path as displayed;
    `root`: the folder the file must resolve into)."""
    source = SourceFile(path, shown or display_path(path))
    try:
        return _read(source, diagnostics, default_language, seen if seen is not None else Seen(), root)
    except Exception as exc:  # noqa: BLE001 - a bug in kb: report it with the file that triggered it
        raise InternalError(f"while reading {source.display}", exc) from exc


def _read(source: SourceFile, diagnostics: Diagnostics, default_language: str, seen: Seen,
          root: Path | None) -> Item | None:
    path = source.path
    try:
        raw = files.read_regular(path, root if root is not None else path.parent)
    except files.UnsafeFile as exc:
        diagnostics.error(source.location(), "unsafe-file", f"not read: {exc}",
                          "content files must be regular files inside the project")
        return None
    except OSError as exc:
        diagnostics.error(source.location(), "unreadable", f"cannot read the file: {exc.strerror}")
        return None
    try:
        data = source.parse(raw).data
    except yamlload.YamlError as exc:
        diagnostics.error(Location(source.display, exc.line, exc.column), "yaml", exc.message, exc.hint)
        _remember_broken(seen, path, dict(_top_fields(raw)))
        return None
    seen.kinds.add(str(data.get("kind")))
    item = _to_item(source, diagnostics, default_language)
    if item is None:
        _remember_broken(seen, path, data)
    return item


def release_documents(items: Iterable[Item]) -> None:
    """Let the items' parsed documents go (see SourceFile.release): for a caller done with the checks."""
    for item in items:
        if isinstance(item.origin, SourceFile):
            item.origin.release()


def _top_fields(raw: bytes) -> Iterable[tuple[str, str]]:
    """`kind:` and `id:` read line by line from a file YAML could not parse."""
    for match in _TOP_FIELD.finditer(raw[: yamlload.MAX_FILE_BYTES]):
        yield match.group(1).decode(), match.group(2).decode()


def _remember_broken(seen: Seen, path: Path, data: dict[str, Any]) -> None:
    kind, item_id = data.get("kind"), data.get("id")
    if isinstance(kind, str) and kind in KINDS and item_id == path.stem:
        seen.kinds.add(kind)
        seen.broken.setdefault(item_id, kind)


def _to_item(source: SourceFile, diagnostics: Diagnostics, default_language: str) -> Item | None:
    assert source.parsed is not None
    data = source.parsed.data
    kind = data.get("kind")
    if kind is None:
        diagnostics.error(
            source.location(), "missing-kind", "missing `kind`",
            f"start the file with `kind:` followed by one of: {', '.join(sorted(KINDS))}",
        )
        return None
    if not isinstance(kind, str) or kind not in KINDS:
        diagnostics.error(
            source.location(("kind",)), "unknown-kind", f"unknown kind '{clip(kind)}'", suggest(str(kind), KINDS)
        )
        return None
    if not _check_id(source, data, diagnostics):
        return None
    model = KINDS[kind]
    try:
        item = model.model_validate(data, context={"default_language": default_language})
    except ValidationError as exc:
        for error in exc.errors():
            problem = describe(error, model)
            diagnostics.error(
                source.location(problem.path, problem.at_key), problem.code, problem.message, problem.hint
            )
        return None
    item._origin = source
    return item


def _check_id(source: SourceFile, data: dict[str, Any], diagnostics: Diagnostics) -> bool:
    """The id is a slug and equals the file name; it becomes a path, so nothing else may pass."""
    item_id = data.get("id")
    stem = source.path.stem
    if item_id is None:
        diagnostics.error(
            source.location(), "missing-field", "missing required field `id`", f"add `id: {slugify(stem)}`"
        )
        return False
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        item_id = data["id"] = str(item_id)  # `id: 2024` is the slug '2024', as in 2024.yaml
    text = clip(item_id)
    where = source.location(("id",))
    if any(sep in text for sep in ("/", "\\", "..")) or text.startswith("."):
        diagnostics.error(
            where, "bad-id", f"id '{text}' looks like a path", "an id is a single slug such as 'phone-greeting'"
        )
        return False
    if not isinstance(item_id, str) or not SLUG_RE.match(item_id):
        diagnostics.error(
            where,
            "bad-id",
            f"id '{text}' is not a valid id",
            f"use lower-case letters, digits and single hyphens, e.g. '{slugify(text)}'",
        )
        return False
    if item_id != stem:
        diagnostics.error(
            where,
            "id-mismatch",
            f"id '{item_id}' does not match the file name '{source.path.name}'",
            f"rename the file to '{item_id}{source.path.suffix}' or set `id: {stem}`",
        )
        return False
    return True
