"""Where a new content repository installs kb from: the pip requirement that `kb init` writes into the
CI workflow and the pre-commit configuration.

kb is not yet published on a package index, so by default a new repository installs it from the git
repository and commit that this kb was installed from (a fixed commit: every CI run gets the same kb).
`kb init --source` overrides it; once the package is on PyPI, `--source service-standards-kb==X.Y`
will do, and a kb installed from PyPI writes exactly that by itself.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from generator import __version__

PACKAGE = "service-standards-kb"
_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)(.+)$")  # git@github.com:org/repo.git


@dataclass(frozen=True)
class InstallSource:
    """A pip requirement, and why it may not work on another machine (empty when it will)."""

    requirement: str
    warning: str = ""

    @property
    def note(self) -> str:
        """One line for the files that use it: what it is, and what changes once kb is on PyPI."""
        if self.requirement.startswith("git+"):
            return ("kb's git repository at a fixed commit (kb is not on PyPI yet; once it is, "
                    f"`{PACKAGE}==VERSION` will do here).")
        return "a fixed release of kb."


def from_option(spec: str) -> InstallSource:
    """`--source` as given: a git URL (`git+https://host/org/repo@commit`), a requirement
    (`service-standards-kb==1.0`) or anything else pip accepts."""
    spec = spec.strip()
    if not spec or any(char in spec for char in '"\\\n\r\t'):
        raise ValueError(f"--source {spec!r} is not a pip requirement or URL")
    if spec.startswith("git+") and "@" not in spec.split("://", 1)[-1].split("/", 1)[-1]:
        return InstallSource(spec, "the git URL names no commit or tag (add @COMMIT): every CI run may get another kb")
    return InstallSource(spec)


def detect() -> InstallSource:
    """The requirement that installs this very kb, from how it was installed (PEP 610 direct_url.json)."""
    try:
        direct = json.loads(metadata.distribution(PACKAGE).read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, json.JSONDecodeError):
        direct = None
    if not isinstance(direct, dict):
        return InstallSource(f"{PACKAGE}=={__version__}")  # from a package index
    url = str(direct.get("url", ""))
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("commit_id"):
        return _git_source(url, str(vcs["commit_id"]))
    if url.startswith("file://"):
        return _checkout_source(Path(unquote(urlparse(url).path)))
    return InstallSource(url, "kb was installed from an archive; CI may not reach it (use --source)")


def _checkout_source(folder: Path) -> InstallSource:
    commit = _git(folder, "rev-parse", "HEAD")
    if not commit:
        return InstallSource(str(folder), f"kb runs from {folder}, which is not a git checkout: "
                                          "only this machine can install it (use --source)")
    remote = _git(folder, "remote", "get-url", "origin")
    source = _git_source(_public_url(remote) if remote else folder.as_uri(), commit)
    if not remote:
        return InstallSource(source.requirement, f"the checkout {folder} has no git remote: only this machine "
                                                 "can install kb from it (push it, then use --source)")
    if _git(folder, "branch", "-r", "--contains", commit) == "":
        return InstallSource(source.requirement, f"commit {commit[:12]} is not pushed to origin yet: push it "
                                                 "before the new repository's CI runs")
    return source


def _git_source(url: str, commit: str) -> InstallSource:
    requirement = f"git+{url}@{commit}"
    if url.startswith("file:") or "://" not in url:
        return InstallSource(requirement, f"{url} is a folder on this machine: CI elsewhere cannot reach it "
                                          "(use --source with the repository's public URL)")
    return InstallSource(requirement)


def _public_url(remote: str) -> str:
    """A URL pip and a CI runner can clone without keys: scp-like `git@host:org/repo` becomes https."""
    match = _SCP_LIKE.match(remote)
    if match and "://" not in remote and not Path(remote).exists():
        return f"https://{match.group(1)}/{match.group(2)}"
    if "://" not in remote:
        return Path(remote).resolve().as_uri()
    return remote


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
