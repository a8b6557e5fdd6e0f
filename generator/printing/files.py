"""Putting printouts in place: atomic writes (`generator.files`), hard links from the cache when possible."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from generator.files import WriteRefused, atomic_write, refuse_reason


def atomic_write_bytes(target: Path, data: bytes) -> None:
    atomic_write(target, data)


def atomic_write_text(target: Path, text: str) -> None:
    atomic_write(target, text.encode("utf-8"))


def link_or_copy(source: Path, target: Path, link: bool = True) -> None:
    """Put `source` at `target` atomically: a hard link when allowed and possible, else a copy."""
    reason = refuse_reason(target)
    if reason:
        raise WriteRefused(target, reason)
    if link:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.kb-tmp")  # os.link never follows it
        try:
            os.link(source, temp)
        except OSError:
            pass
        else:
            try:
                os.replace(temp, target)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
            return
    atomic_write(target, source.read_bytes())


def check_writable(folder: Path) -> str | None:
    """None when files can be written into `folder` (created if missing), else the reason they cannot."""
    if folder.exists() and not folder.is_dir():
        return "it is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kb-write-test."):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
