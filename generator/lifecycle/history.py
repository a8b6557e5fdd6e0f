"""Page history: when each item's YAML file last changed, and the recent commits that touched it.

One `git log --name-status -M` over the content folders gives every file's
commits at once (`GitHistory.index`); a page then looks its file up (`item_history`),
so a whole site costs one git call, not one per item. Renames are followed like
`git log --follow`: commits made before a file was moved count for it.

A `GitHistory` keeps the index for one repository state: it reads git again when HEAD
or the reflog changes (a commit, checkout or reset), checked with a few `stat` calls, so a
preview that keeps one GitHistory and rebuilds pages does not run git again. Content outside git, a git
that is missing, and shallow clones (whose history would be wrong) give no history.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generator.config import Project
from generator.content.models import Item
from generator.lifecycle.gitrepo import GitError, Repo, find_repo, git

_FORMAT = "%x1e%h%x1f%ad%x1f%an%x1f%s"


@dataclass(frozen=True)
class Commit:
    hash: str  # short
    date: str  # author date, YYYY-MM-DD
    author: str
    subject: str


@dataclass(frozen=True)
class History:
    last_changed: str  # the date of the newest commit, YYYY-MM-DD
    commits: list[Commit]  # newest first, at most `limit`


Index = dict[Path, list[Commit]]


class GitHistory:
    """The history index of one project, read again only when the repository moves.

    Its owner decides how long it lives: `kb build` makes one per build, `kb preview` keeps
    one while it runs. It holds one repository state at a time, so it never grows.
    """

    def __init__(self) -> None:
        self._kept: tuple[tuple[str, ...], tuple[int, ...], Index] | None = None  # (key, repo state, index)
        self._contexts: dict[tuple[Path, tuple[str, ...]], tuple[Repo, list[str]] | None] = {}
        self._heads: dict[Path, tuple[tuple[int, ...], list[Path]]] = {}

    def index(self, project: Project) -> Index:
        """Every content file (absolute path) -> its commits, newest first; {} without usable git history."""
        context = self._context(project)
        if context is None:
            return {}
        repo, folders = context
        if (repo.git_dir / "shallow").exists():
            return {}
        key, token = (str(repo.top), *folders), self._state(repo)
        if self._kept is not None and self._kept[:2] == (key, token):
            return self._kept[2]
        try:
            index = _read_log(repo, folders)
        except GitError:  # e.g. a repository without commits yet
            index = {}
        self._kept = (key, token, index)
        return index

    def _context(self, project: Project) -> tuple[Repo, list[str]] | None:
        """The repository and the content folders relative to its top (found once per project)."""
        key = (project.root, tuple(project.options.content))
        if key not in self._contexts:
            try:
                repo = find_repo(project.root)
                self._contexts[key] = (repo, repo.relative(project.content_dirs))
            except GitError:
                self._contexts[key] = None
        return self._contexts[key]

    def _state(self, repo: Repo) -> tuple[int, ...]:
        """Changes whenever a commit, checkout or reset moves HEAD: stat of HEAD, its branch ref and the reflog."""
        head = _stat(repo.git_dir / "HEAD")
        if self._heads.get(repo.git_dir, ((), []))[0] != head:  # HEAD moved to another branch: find its ref again
            self._heads[repo.git_dir] = (head, _watched(repo))
        out = list(head)
        for path in self._heads[repo.git_dir][1]:
            out += _stat(path)
        return tuple(out)


def item_history(item: Item, index: Index, limit: int = 5) -> History | None:
    """The last change and up to `limit` recent commits of the item's file; None when not in git history.

    `index` is `GitHistory().index(project)`, read once for every page.
    """
    if not index or item.origin is None:
        return None
    path = Path(item.origin.path)
    commits = index.get(Path(os.path.normpath(path))) or index.get(path.resolve())  # resolve: symlinked folders
    if not commits:
        return None
    return History(commits[0].date, commits[:limit])


def _watched(repo: Repo) -> list[Path]:
    """The files a commit changes besides HEAD: the reflog, packed refs and the current branch's ref."""
    common = repo.git_dir
    try:
        common = (repo.git_dir / (repo.git_dir / "commondir").read_text().strip()).resolve()  # a worktree
    except OSError:
        pass
    files = [repo.git_dir / "logs" / "HEAD", common / "packed-refs"]
    try:
        head = (repo.git_dir / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        head = ""
    if head.startswith("ref: "):
        files.append(common / head[5:])
    return files


def _stat(path: Path) -> tuple[int, ...]:
    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _read_log(repo: Repo, folders: list[str]) -> Index:
    raw = git(repo.top, "log", "-M", "--name-status", "--date=short", f"--format={_FORMAT}", "--", *folders)
    index: dict[str, list[Commit]] = defaultdict(list)
    renamed: dict[str, str] = {}  # an older name -> the file's current name
    for record in raw.decode("utf-8", "replace").split("\x1e")[1:]:
        header, _, changes = record.partition("\n")
        short, date, author, subject = (header.split("\x1f") + ["", "", "", ""])[:4]
        commit = Commit(short, date, author, subject)
        for line in changes.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            current = renamed.get(parts[-1], parts[-1])
            if parts[0].startswith("R") and len(parts) == 3:
                renamed[parts[1]] = current
            if not index[current] or index[current][-1] is not commit:
                index[current].append(commit)
    return {Path(os.path.normpath(repo.top / name)): commits for name, commits in index.items()}
