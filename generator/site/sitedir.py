"""Which folder `kb build` may replace: never the project, its content or `.git`; only a site it built.

A build replaces the whole `site_dir` folder. `site_dir: .` or `site_dir:
standards` would therefore delete the project or its content, so a `site_dir`
that is, contains or lies inside the project folder's own parts (the content
folders, the docs folder, `.git`, `.kb`) or that is or contains the project
folder is refused at its line in mkdocs.yml. And an existing folder is replaced
only when a kb build made it: every built site carries a `.kb-site` mark.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import ConfigError, Project
from generator.diagnostics import display_path
from generator.site.emit import repo_root

SITE_MARK = ".kb-site"
_MARK_TEXT = b"This folder was made by `kb build`, which replaces it whole on the next build.\n"
_LEGACY_MARK = Path("_kb") / "search" / "fingerprint.json"  # sites built before the mark existed


class UnsafeSiteDir(ConfigError):
    """`site_dir` names a folder a build must not replace; the message names the line in mkdocs.yml."""


def _protected(project: Project) -> list[tuple[Path, str]]:
    root = project.root
    docs = root / str(project.mkdocs.get("docs_dir", "docs"))
    found = [(root / ".git", "the .git folder"), (repo_root(root) / ".git", "the .git folder"),
             (root / ".kb", "kb's own .kb folder"), (docs, "the docs folder")]
    found += [(folder, f"the content folder '{display_path(folder)}'") for folder in project.content_dirs]
    return found


def site_dir_problem(project: Project) -> str | None:
    """Why `project.site_dir` may not be built into, or None."""
    site = project.site_dir.resolve()
    root = project.root.resolve()
    if site == root or site in root.parents:
        return "the project folder" if site == root else "a folder that contains the project"
    for folder, name in _protected(project):
        folder = folder.resolve()
        if site == folder:
            return name
        if folder in site.parents:
            return f"inside {name}"
        if site in folder.parents:
            return f"a folder that contains {name}"
    return None


def check_site_dir(project: Project) -> None:
    """UnsafeSiteDir unless the build may replace `project.site_dir` (checked before building and swapping)."""
    shown = project.mkdocs.get("site_dir", "site")
    problem = site_dir_problem(project)
    if problem:
        raise UnsafeSiteDir(
            f"{project.where('site_dir')}: `site_dir: {shown}` is {problem}; a build replaces the whole site "
            "folder, so it must be a folder of its own (such as `site`)"
        )
    site = project.site_dir
    if not built_by_kb(site):
        raise UnsafeSiteDir(
            f"{project.where('site_dir')}: `site_dir: {shown}`: '{display_path(site)}' holds files that kb build "
            f"did not make (it has no {SITE_MARK} mark), so it is not replaced; move it away, or choose another "
            "site_dir"
        )


def built_by_kb(site: Path) -> bool:
    """True when `site` does not exist, is empty, or carries the mark of a kb build."""
    if not site.exists() and not site.is_symlink():
        return True
    if not site.is_dir():
        return False
    if (site / SITE_MARK).is_file() or (site / _LEGACY_MARK).is_file():
        return True
    return not any(site.iterdir())


def mark(site: Path) -> None:
    """Mark a staged site as made by kb (so the next build may replace it)."""
    from generator.files import create_new

    create_new(site / SITE_MARK, _MARK_TEXT)
