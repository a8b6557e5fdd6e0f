"""Is an index up to date? A fingerprint of the content, stored beside the index.

The fingerprint hashes the bytes of the config file and of every YAML file in
the content folders (with the index format and package version), so it can be
checked without loading the knowledge base: that keeps a cold `kb search` fast.
A cheaper signature of the files' sizes and modification times is checked
first; only when it differs are the bytes read.

The manifest (`fingerprint.json`) also holds what a searcher needs before it
opens the index: the languages, the values the filters accept, the number of
documents. `kb serve` watches this file to notice a rebuilt index.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator import __version__
from generator.config import Project
from generator.content.files import Listing, project_listing
from generator.files import CACHE_FOLDER, atomic_write, read_regular

SITE_INDEX = Path("_kb") / "search"  # inside the built site
CACHE_INDEX = CACHE_FOLDER / "search"  # inside the project
FORMAT = 8  # bump when the index layout or the analysis changes
MANIFEST = "fingerprint.json"


@dataclass
class Manifest:
    fingerprint: str
    stat_signature: str
    languages: list[str]
    default_language: str
    documents: int = 0
    facets: dict[str, list[str]] = field(default_factory=dict)  # kind/area/channel/role/status -> values
    format: int = FORMAT

    def save(self, folder: Path) -> None:
        text = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, indent=1)
        atomic_write(folder / MANIFEST, (text + "\n").encode("utf-8"))


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of the index in `folder`, or None if there is no usable one."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except (OSError, ValueError, TypeError):
        return None
    return manifest if manifest.format == FORMAT else None


def content_files(project: Project) -> list[Path]:
    """The config file and every content file (the content pipeline's discovery), sorted."""
    return [Path(path) for path, _ in _listing(project)]


def _listing(project: Project) -> Listing:
    """(file, its stat) for the config file and the content files, in one walk."""
    try:
        config = os.stat(project.config_path)
    except OSError:
        config = None
    return [(str(project.config_path), config), *project_listing(project)]


def _salt(project: Project) -> str:
    return f"kb-search {FORMAT} {__version__}\n"


def stat_signature(project: Project, listing: Listing | None = None) -> str:
    """Hash of the files' names, sizes and modification times: cheap, changes on any edit."""
    digest = hashlib.sha256(_salt(project).encode())
    for path, info in listing if listing is not None else _listing(project):
        if info is not None:
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def content_fingerprint(project: Project, files: list[Path] | None = None) -> str:
    """Hash of the files' names and bytes: the same content gives the same fingerprint."""
    digest = hashlib.sha256(_salt(project).encode())
    for path in files if files is not None else content_files(project):
        try:
            data = read_regular(path, project.root)  # never blocks on a FIFO, never reads outside the project
        except OSError:
            continue
        name = os.path.relpath(path, project.root)
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


class ContentState:
    """The content's signature and fingerprint, each computed once and only when needed."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._listing = _listing(project)
        self.signature = stat_signature(project, self._listing)
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = content_fingerprint(self.project, [Path(path) for path, _ in self._listing])
        return self._fingerprint

    def matches(self, folder: Path) -> bool:
        manifest = read_manifest(folder)
        if manifest is None:
            return False
        return manifest.stat_signature == self.signature or manifest.fingerprint == self.fingerprint


def is_fresh(folder: Path, project: Project) -> bool:
    """True when the index in `folder` was built from the content as it is now."""
    return ContentState(project).matches(folder)


def site_index_dir(site_dir: Path) -> Path:
    return Path(site_dir) / SITE_INDEX


def cache_index_dir(project: Project) -> Path:
    return project.root / CACHE_INDEX


def fresh_index(project: Project, content: ContentState | None = None) -> Path | None:
    """The built site's index or the cached one, whichever matches the content now (or `content`)."""
    content = content or ContentState(project)
    for folder in (site_index_dir(project.site_dir), cache_index_dir(project)):
        if content.matches(folder):
            return folder
    return None
