"""Write a complete, plain MkDocs project per language: docs/*.md, docs/assets/kb/*, mkdocs.yml.

Files are written only when their text changed (so MkDocs' watcher and dirty
builds see only real changes) and never outside the project folder: every path
is checked at this boundary, whatever produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator import files
from generator.config import Project
from generator.content.knowledge import KnowledgeBase
from generator.diagnostics import display_path
from generator.lifecycle.history import GitHistory
from generator.render.memo import RenderMemo
from generator.render.nav import build_nav, not_in_nav
from generator.render.pages import PageSpec, list_pages, render_all
from generator.render.view import Renderer, SiteSettings
from generator.site import config as site_config
from generator.site import overrides

ASSETS = Path(__file__).parent / "assets"
ASSET_FOLDER = "assets/kb"
USER_DOCS_SKIP = (".md",)


class UnsafePath(ValueError):
    """A generated path would land outside the output folder."""


def safe_join(root: Path, relative: str) -> Path:
    """`root/relative`, refusing absolute paths, `..`, `.`, empty segments, backslashes and NULs.

    A lexical check: the folders written into are created by kb and hold no symbolic links.
    """
    parts = relative.split("/")
    if (not relative or relative.startswith("/") or "\\" in relative or "\0" in relative or ":" in parts[0]
            or any(part in ("", ".", "..") for part in parts)):
        raise UnsafePath(f"refusing to write {relative!r}: not a plain relative path inside the site")
    return root.joinpath(*parts)


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    config_changed: bool = False

    def __bool__(self) -> bool:
        return bool(self.written or self.removed or self.config_changed)


def write_if_changed(path: Path, data: bytes, fresh: bool = False) -> bool:
    """Write `data` unless the file already holds it (atomically: readers never see half a file).

    `fresh`: the folder was just created by us, so write directly.
    """
    if fresh:
        files.create_new(path, data)
        return True
    return files.write_if_changed(path, data)


def site_settings(project: Project, git: GitHistory | None = None) -> SiteSettings:
    mkdocs = project.mkdocs
    return SiteSettings(
        site_name=str(mkdocs.get("site_name") or "Service standards"),
        edit_base=edit_base(mkdocs),
        repo_root=repo_root(project.root),
        directory_urls=bool(mkdocs.get("use_directory_urls", True)),
        history=(git or GitHistory()).index(project),
    )


def edit_base(mkdocs: dict[str, Any]) -> str | None:
    """repo_url + edit_uri, to which a content file's path from the repository root is appended."""
    repo = mkdocs.get("repo_url")
    if not isinstance(repo, str) or not repo.strip():
        return None
    edit = mkdocs.get("edit_uri")
    if edit is None:
        host = urlsplit(repo).netloc.lower()
        edit = "edit/main/" if host in ("github.com", "gitlab.com") else None
    if not isinstance(edit, str) or not edit.strip():
        return None
    if "://" in edit:
        return edit.rstrip("/") + "/"
    return repo.rstrip("/") + "/" + edit.strip("/") + "/"


def repo_root(start: Path) -> Path:
    """The nearest folder holding `.git`, else the project folder."""
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / ".git").exists():
            return folder
    return start.resolve()


def asset_names() -> list[str]:
    return sorted(path.name for path in ASSETS.iterdir() if path.is_file() and not path.name.startswith("."))


class LanguageProject:
    """The emitted MkDocs project of one language, remembering what it wrote (for `kb preview`)."""

    def __init__(self, folder: Path, lang: str, engine_docs: dict[str, bytes] | None = None) -> None:
        self.folder = folder
        self.lang = lang
        self.engine_docs = engine_docs or {}  # files the engine wants in docs/ (Zensical's .meta.yml)
        self.fresh = not folder.exists()  # a new project: no file to compare with or replace
        self.docs = folder / "docs"
        self.config_file = folder / "mkdocs.yml"
        self.pages: dict[str, str] = {}
        self.theme_files: set[str] = set()  # files of the merged theme folder written so far
        self.dumped: tuple[Any, str] | None = None  # the last config and its text (dumping a long nav takes time)
        self.swept = self.fresh  # files of an earlier run no longer needed are removed (see remove_strays)

    def write_pages(self, rendered: dict[str, str], keep: set[str], changes: Changes) -> None:
        """Write pages whose text changed; remove pages we wrote before that are not in `keep`."""
        for doc in sorted(rendered):
            text = rendered[doc]
            if self.pages.get(doc) != text and write_if_changed(safe_join(self.docs, doc), text.encode("utf-8"),
                                                                self.fresh):
                changes.written.append(doc)
            self.pages[doc] = text
        for doc in sorted(set(self.pages) - keep):
            safe_join(self.docs, doc).unlink(missing_ok=True)
            del self.pages[doc]
            changes.removed.append(doc)

    def write_support(self, project: Project, extra_assets: dict[str, bytes], changes: Changes) -> set[str]:
        """Our assets (plus any given), the user's own docs files (logo, images, CSS) and the engine's docs files
        the user's do not replace; returns their paths."""
        theirs = user_docs_files(project)
        for rel, data in theirs:
            if write_if_changed(safe_join(self.docs, rel), data):
                changes.written.append(rel)
        ours = {f"{ASSET_FOLDER}/{name}": (ASSETS / name).read_bytes() for name in asset_names()}
        ours.update({f"{ASSET_FOLDER}/{name}": data for name, data in extra_assets.items()})
        yours = {rel for rel, _ in theirs}
        ours.update({rel: data for rel, data in self.engine_docs.items() if rel not in yours})
        for rel, data in sorted(ours.items()):
            if write_if_changed(safe_join(self.docs, rel), data):
                changes.written.append(rel)
        return yours | set(ours)

    def remove_strays(self, docs: set[str], changes: Changes) -> None:
        """Once, in a project found on disk (kept between builds, or an earlier preview's): remove the files
        of docs/ and of the theme folder that this run does not write (a page or override gone since)."""
        if self.swept:
            return
        self.swept = True
        for folder, wanted in ((self.docs, docs), (self.folder / overrides.FOLDER, self.theme_files)):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                rel = path.relative_to(folder).as_posix()
                if rel in wanted or (path.is_dir() and not path.is_symlink()):
                    continue
                path.unlink()
                if folder == self.docs:
                    changes.removed.append(rel)
                else:
                    changes.config_changed = True  # a template gone: every page may look different

    def write_theme(self, theme: dict[str, bytes], changes: Changes) -> None:
        """The merged theme folder (kb's overrides, the user's on top); a file no longer there is removed."""
        folder = self.folder / overrides.FOLDER
        for rel, data in sorted(theme.items()):
            if write_if_changed(safe_join(folder, rel), data):
                changes.config_changed = True  # a template changed: every page may look different
        for rel in sorted(self.theme_files - set(theme)):
            safe_join(folder, rel).unlink(missing_ok=True)
            changes.config_changed = True
        self.theme_files = set(theme)

    def write_config(self, text: str, changes: Changes) -> None:
        if write_if_changed(self.config_file, text.encode("utf-8"), self.fresh):
            changes.config_changed = True
        self.fresh = False


def user_docs_files(project: Project) -> list[tuple[str, bytes]]:
    """The user's own docs folder (logo, images, CSS): (path in docs/, bytes), hidden files and pages skipped.

    A file that leads outside the project (a symbolic link to /etc/passwd or /proc/self/environ)
    or is not a regular file (a FIFO) is refused with UnsafePath naming it: it would be published."""
    user_docs = project.root / str(project.mkdocs.get("docs_dir", "docs"))
    if not user_docs.is_dir() or user_docs.resolve() in [d.resolve() for d in project.content_dirs]:
        return []
    found = []
    for path in sorted(user_docs.rglob("*")):
        if path.suffix in USER_DOCS_SKIP or any(part.startswith(".") for part in path.relative_to(user_docs).parts):
            continue
        if path.is_dir() and (not path.is_symlink() or files.is_inside(path, project.root)):
            continue
        try:
            found.append((path.relative_to(user_docs).as_posix(), files.read_regular(path, project.root)))
        except OSError as exc:
            reason = exc.strerror if exc.strerror else str(exc)
            raise UnsafePath(f"{display_path(path)}: refusing to publish: {reason}") from None
    return found


def render_config(
    kb: KnowledgeBase, project: Project, renderer: Renderer, site_dir: Path, extra_assets: list[str] = (),  # type: ignore[assignment]
    switcher: list[str] | None = None, custom_dir: Any = None, target: LanguageProject | None = None,
) -> str:
    """The language's mkdocs.yml; `target` keeps the last one, whose text is reused when the config is equal."""
    names = sorted(set(asset_names()) | set(extra_assets))
    assets = [f"{ASSET_FOLDER}/{name}" for name in names]
    config = site_config.language_config(
        project, renderer.lang, build_nav(renderer), not_in_nav(), site_dir, assets, switcher,
        custom_dir=custom_dir,
    )
    if target is not None and target.dumped is not None and target.dumped[0] == config:
        return target.dumped[1]
    text = site_config.dump(config)
    if target is not None:
        target.dumped = (config, text)
    return text


def emit_language(
    kb: KnowledgeBase,
    project: Project,
    target: LanguageProject,
    site_dir: Path,
    specs: list[PageSpec] | None = None,
    extra_assets: dict[str, bytes] | None = None,
    switcher: list[str] | None = None,
    memo: RenderMemo | None = None,
    pages: list[PageSpec] | None = None,
) -> Changes:
    """Render (all pages, or only `specs`) and write the language's project; return what changed.
    `switcher`: the languages the language switcher offers (default: all; the preview of some
    languages offers those). `memo`: work to share with other languages' renderers (see RenderMemo).
    `pages`: list_pages(kb), when the caller has it already."""
    memo = memo or RenderMemo()
    renderer = Renderer(kb, site_settings(project, memo.git), target.lang, memo)
    changes = Changes()
    full = list_pages(kb) if pages is None else pages
    rendered = render_all(renderer, full if specs is None else specs)
    docs = {spec.doc for spec in full}
    target.write_pages(rendered, docs, changes)
    extras = extra_assets or {}
    docs |= target.write_support(project, extras, changes)
    theme = overrides.plan(project, target.folder)
    target.write_theme(theme.files, changes)
    target.remove_strays(docs, changes)
    target.write_config(render_config(kb, project, renderer, site_dir, list(extras), switcher, theme.custom_dir,
                                      target), changes)
    return changes
