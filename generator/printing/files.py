"""Writing output files so that nothing half-written is ever left behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write to a temporary file in the target's folder, then rename it over the target."""
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a site is read by a web server
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def atomic_write_text(target: Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))


def link_or_copy(source: Path, target: Path, link: bool = True) -> None:
    """Put `source` at `target` atomically: a hard link when allowed and possible, else a copy."""
    temp = target.with_name(f".{target.name}.link.tmp")
    temp.unlink(missing_ok=True)
    try:
        if not link:
            raise OSError("copy requested")
        os.link(source, temp)
    except OSError:
        shutil.copyfile(source, temp)
        os.chmod(temp, 0o644)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


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
