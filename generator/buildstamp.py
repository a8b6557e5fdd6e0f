"""Is `site/` already what a build would make? A stamp of the last build's inputs and of the site it left.

`kb build` hashes everything its output depends on: the bytes of mkdocs.yml and of
every content file, the user's docs folder and theme `custom_dir`, kb's own code,
templates and assets, the versions of the tools it runs, the options (engine,
printouts), today's date (review status), `SOURCE_DATE_EPOCH` and the content's
git history (the pages' "last changed"). After a build it stores that key in
`.kb/cache/build.json` with a listing of the site it swapped in (each file's
path, size and modification time). The next build, if the key and the listing
still match, leaves `site/` as it is: nothing changed, so a build would write
the same bytes (tests/site/test_site_incremental.py). Anything else, a file of
the site touched or removed included, builds as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import generator
from generator.config import Project
from generator.content.review import today
from generator.files import CACHE_FOLDER, atomic_write
from generator.lifecycle.history import GitHistory
from generator.search.manifest import ContentState
from generator.site.emit import user_docs_files
from generator.site.page_cache import package_versions

STAMP = CACHE_FOLDER / "build.json"
_TOOLS = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "zensical", "weasyprint", "Jinja2")
_CODE = Path(generator.__file__).parent


def build_key(project: Project, *, pdf: bool, engine: str, content: ContentState | None = None) -> str:
    """A hash of every input of `kb build`'s output (see the module's docstring); `content`: the content
    files' state, if the caller has it already."""
    fingerprint = (content or ContentState(project)).fingerprint
    return _hash(f"pdf={pdf} engine={engine}", os.environ.get("SOURCE_DATE_EPOCH", ""), fingerprint,
                 *_surroundings(project))


def render_salt(project: Project) -> str:
    """A hash of what kb's render of the pages depends on besides the items themselves: the config file,
    kb's code and the tools' versions, today's date, the user's docs and theme files, the git history."""
    return _hash(project.config_path.read_bytes().decode("utf-8", "surrogateescape"), *_surroundings(project))


def _surroundings(project: Project) -> tuple[str, ...]:
    """What every output depends on besides the content: the tools, today, kb's code, your files, git."""
    return (f"{sys.version} {package_versions(_TOOLS)}", f"today={today().isoformat()}",
            _tree_digest(_CODE, skip=("__pycache__",)), _user_files(project), _history(project))


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()


def is_up_to_date(project: Project, key: str) -> int | None:
    """The number of pages of the last build when `site/` is what it left and `key` is the same; else None."""
    stamp = _read(project)
    if stamp is None or stamp.get("key") != key or not project.site_dir.is_dir():
        return None
    if stamp.get("site") != site_listing(project.site_dir):
        return None
    pages = stamp.get("pages")
    return pages if isinstance(pages, int) else None


def save(project: Project, key: str, pages: int) -> None:
    """Note the build just swapped in (after the swap: the listing is of `site/` itself)."""
    data = {"key": key, "pages": pages, "site": site_listing(project.site_dir)}
    path = project.root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data, sort_keys=True).encode("utf-8"))


def forget(project: Project) -> None:
    """Before a build replaces `site/`: an interrupted build must not leave a stamp of the old site."""
    (project.root / STAMP).unlink(missing_ok=True)


def site_listing(site: Path) -> str:
    """A hash of every file's path, size and modification time under `site` (cheap: no file is read)."""
    digest = hashlib.sha256()
    for root, folders, names in os.walk(site):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            info = os.lstat(path)
            digest.update(f"{os.path.relpath(path, site)}\0{info.st_size}\0{info.st_mtime_ns}\n"
                          .encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _read(project: Project) -> dict[str, object] | None:
    try:
        data = json.loads((project.root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _tree_digest(folder: Path, skip: tuple[str, ...] = ()) -> str:
    """Names and bytes of every file under `folder`."""
    digest = hashlib.sha256()
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in skip)
        for name in sorted(names):
            path = os.path.join(root, name)
            digest.update(f"{os.path.relpath(path, folder)}\0".encode("utf-8", "surrogateescape"))
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()


def _user_files(project: Project) -> str:
    """The user's docs folder and theme `custom_dir` (a theme override changes every page)."""
    digest = hashlib.sha256()
    for rel, data in user_docs_files(project):
        digest.update(f"{rel}\0{len(data)}\0".encode("utf-8", "surrogateescape") + data)
    theme = project.mkdocs.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and (project.root / custom).is_dir():
        digest.update(_tree_digest(project.root / custom).encode())
    return digest.hexdigest()


def _history(project: Project) -> str:
    """The content files' commits, as the pages show them."""
    index = GitHistory().index(project)
    return json.dumps(sorted((str(path), [repr(commit) for commit in commits]) for path, commits in index.items()))
