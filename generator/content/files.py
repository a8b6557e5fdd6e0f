"""Which files are content: the one discovery every reader uses (build, check, preview, search freshness).

A content file is a `.yaml` or `.yml` file below a content folder (or a content
entry that is itself a file), hidden files and folders skipped, symbolic links
to folders not followed, and never the project's config file (`content: [.]`
would otherwise read `mkdocs.yml` as content). One walk with `os.scandir`
returns each file with its `stat`, so callers that only need to know whether
anything changed (the search index's freshness check before every cold
`kb search`) pay no second walk; this module imports nothing heavy for them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.config import Project

CONTENT_SUFFIXES = (".yaml", ".yml")

Listing = list[tuple[str, "os.stat_result | None"]]  # (path, its stat or None if it vanished), sorted


def list_content(folders: Iterable[Path], exclude: Iterable[Path] = ()) -> Listing:
    """Every content file below `folders` with its stat, sorted as paths sort, duplicates and `exclude` dropped."""
    found: Listing = []
    for folder in folders:
        text = str(folder)
        if os.path.isfile(text):
            found.append((text, _stat(text)))
        else:
            _walk(text, found)
    skip = {str(path) for path in exclude}
    unique = {path: info for path, info in found if path not in skip}
    return sorted(unique.items(), key=lambda entry: entry[0].split(os.sep))


def project_listing(project: Project) -> Listing:
    """The content files of a project: below its content folders that exist, without its config file."""
    return list_content((folder for folder in project.content_dirs if folder.exists()), exclude=[project.config_path])


def discover(folders: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Every content file below `folders`, sorted (see `list_content`)."""
    return [Path(path) for path, _ in list_content(folders, exclude)]


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _walk(folder: str, out: Listing) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, out)
        elif entry.name.endswith(CONTENT_SUFFIXES) and not entry.is_dir():
            try:
                out.append((entry.path, entry.stat()))
            except OSError:
                out.append((entry.path, None))
