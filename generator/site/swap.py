"""Build beside the old site and swap: a failed or interrupted build leaves `site/` untouched.

The staging folder sits next to the site folder (same file system, so the swap
is a rename) and is named after the building process, so a later build removes
the leftovers of a killed one but never the folder of a build still running.
On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`; elsewhere two renames.
"""

from __future__ import annotations

import os
import secrets
import shutil
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
