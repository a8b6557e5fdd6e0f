"""Build beside the old site and swap: a failed or interrupted build leaves `site/` untouched.

The staging folder sits next to the site folder (same file system, so the swap
is a rename) and is named after the building process, so a later build removes
the leftovers of a killed one but never the folder of a build still running.
On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`; elsewhere two renames.

Removing the replaced site is slow where deleting files is (thousands of pages: about
8 s for a 1,000-standard site on the machine the figures come from, more than
everything else of a one-change rebuild). So `kb build` moves it into
`.kb/cache/trash/` and the next build removes it in a separate process while it
renders (`removing_trash`), waiting for that process before it returns: the work is
not left behind a finished command, it runs beside the build's own. Where the move is
not possible (another file system), the folder is removed at once, as before.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import files

MARK = ".kb-build-"


def staging_name(site_dir: Path) -> str:
    return f".{site_dir.name}{MARK}{os.getpid()}-{secrets.token_hex(4)}"


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Remove staging folders of builds whose process is gone."""
    return files.remove_stale(site_dir.parent, f".{site_dir.name}{MARK}")


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


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Put `new_site` in place of `site_dir`; the old site ends up at `new_site` (removed with the staging)."""
    files.swap_folder(new_site, site_dir)


def discard(folder: Path, trash: Path) -> None:
    """Move `folder` (a replaced site) into `trash`, to be removed by the next `removing_trash`;
    remove it now if it cannot be moved there."""
    if not folder.exists():
        return
    try:
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(folder, trash / f"{os.getpid()}-{secrets.token_hex(4)}")
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


_REMOVE = "import shutil, sys\nfor path in sys.argv[1:]: shutil.rmtree(path, ignore_errors=True)"


@contextmanager
def removing_trash(trash: Path) -> Iterator[None]:
    """Remove what `trash` holds in a separate process while the body runs; wait for it at the end."""
    try:
        entries = [str(entry) for entry in sorted(trash.iterdir()) if entry.is_dir() and not entry.is_symlink()]
    except OSError:
        entries = []
    process = subprocess.Popen([sys.executable, "-c", _REMOVE, *entries], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) if entries else None
    try:
        yield
    finally:
        if process is not None:
            process.wait()
