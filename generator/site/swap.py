"""Build beside the old site and swap: a failed or interrupted build leaves `site/` untouched.

The staging folder sits next to the site folder (same file system, so the swap
is a rename) and is named after the building process, so a later build removes
the leftovers of a killed one but never the folder of a build still running.
On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`; elsewhere two renames.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARK = ".kb-build-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_name(site_dir: Path) -> str:
    return f".{site_dir.name}{MARK}{os.getpid()}-{secrets.token_hex(4)}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Remove staging folders of builds whose process is gone."""
    removed: list[Path] = []
    prefix = f".{site_dir.name}{MARK}"
    parent = site_dir.parent
    if not parent.is_dir():
        return removed
    for entry in sorted(parent.iterdir()):
        if not entry.name.startswith(prefix):
            continue
        pid = entry.name[len(prefix):].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextmanager
def staging(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `site_dir`, removed afterwards whatever happens."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    stage = site_dir.parent / staging_name(site_dir)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Put `new_site` in place of `site_dir`; the old site ends up at `new_site` (removed with the staging)."""
    if not site_dir.exists():
        os.replace(new_site, site_dir)
        return
    if _exchange(new_site, site_dir):
        return
    old = new_site.with_name(new_site.name + "-old")
    os.replace(site_dir, old)
    try:
        os.replace(new_site, site_dir)
    except OSError:
        os.replace(old, site_dir)
        raise
    os.replace(old, new_site)
