"""The few git calls `kb diff` and page history need, with git's own message when one fails.

Paths given to git are relative to the repository's top folder; every call runs
there (`git -C TOP`), in the C locale, without prompts or pagers.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.files import CONTENT_SUFFIXES


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a call failed (the message says which)."""


_ENV = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}


def git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    command = ["git", "-C", str(top), "-c", "core.quotePath=false", *args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, env={**os.environ, **_ENV}, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (it is needed to compare with a revision)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


@dataclass(frozen=True)
class Repo:
    top: Path  # the working tree's top folder
    git_dir: Path

    def relative(self, folders: Sequence[Path]) -> list[str]:
        """Content folders as paths relative to the top folder; GitError when one is outside it."""
        out = []
        for folder in folders:
            rel = os.path.relpath(folder.resolve(), self.top)
            if rel == ".." or rel.startswith(".." + os.sep):
                raise GitError(f"content folder {folder} is not inside the git repository {self.top}")
            out.append(Path(rel).as_posix())
        return out


def find_repo(folder: Path) -> Repo:
    """The repository `folder` belongs to, or GitError."""
    out = git(folder, "rev-parse", "--show-toplevel", "--absolute-git-dir").decode("utf-8").splitlines()
    if len(out) < 2:
        raise GitError(f"{folder} is not inside a git working tree")
    return Repo(Path(out[0]).resolve(), Path(out[1]).resolve())


def verify_revision(repo: Repo, revision: str) -> str:
    """The full commit id `revision` names, or GitError (a revision never starts with '-')."""
    if not revision or revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return git(repo.top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision '{revision}' (a branch, tag or commit, e.g. origin/main)") from None


def content_at(repo: Repo, revision: str, folders: Sequence[str]) -> dict[str, bytes]:
    """Every content file under `folders` at `revision`: path relative to the top -> bytes.

    Two git calls whatever the number of files: `ls-tree` lists them, one `cat-file --batch` reads them.
    """
    listing = git(repo.top, "ls-tree", "-r", "-z", "--full-tree", revision, "--", *folders)
    wanted: list[tuple[str, str]] = []
    for record in listing.decode("utf-8", "replace").split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        _, kind, oid = meta.split()
        parts = path.split("/")
        if kind == "blob" and path.endswith(CONTENT_SUFFIXES) and not any(p.startswith(".") for p in parts):
            wanted.append((path, oid))
    if not wanted:
        return {}
    batch = git(repo.top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for _, oid in wanted).encode())
    files, offset = {}, 0
    for path, _ in wanted:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        files[path] = batch[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1  # contents, then a newline
    return files
