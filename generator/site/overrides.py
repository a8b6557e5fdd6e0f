"""kb's theme overrides and a project's own `theme.custom_dir`, both applied.

kb's overrides (`theme/`: a repository link that asks nothing of GitHub's API, a 404 page in the
site's words) keep the site private and in the page's language. MkDocs takes one `custom_dir`,
so a project with its own gets a merged folder in each emitted project (`overrides/`): kb's files
first, the user's on top. A file of the user's that replaces one of kb's is their choice, but it
is named in a warning at `theme.custom_dir`'s line. A `custom_dir` kb cannot find (missing, or a
`!relative`/`!ENV` form it does not resolve) is passed to MkDocs as written, which says what is
wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import files
from generator.config import Project
from generator.configyaml import Tagged, resolve_env
from generator.diagnostics import Diagnostics, Location

THEME = Path(__file__).parent / "theme"
FOLDER = "overrides"  # the merged folder, in the emitted project


@dataclass(frozen=True)
class Overrides:
    """What the emitted project's mkdocs.yml names as `custom_dir`, and the merged folder's files."""

    custom_dir: Any
    files: dict[str, bytes] = field(default_factory=dict)  # path in the merged folder -> bytes; {}: no folder
    replaced: tuple[str, ...] = ()  # kb's files the user's replace


def _tree(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` (hidden ones skipped); a link leading out of it is refused."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        try:
            found[relative.as_posix()] = files.read_regular(path, folder)
        except OSError as exc:
            from generator.site.emit import UnsafePath

            raise UnsafePath(f"{path}: refusing to use this theme file: {exc.strerror or exc}") from None
    return found


def user_dir(project: Project) -> tuple[Any, Path | None]:
    """(the user's `theme.custom_dir` as written, the folder it names when kb can tell), or (None, None)."""
    theme = project.mkdocs.get("theme")
    if not isinstance(theme, dict) or theme.get("custom_dir") in (None, ""):
        return None, None
    written = theme["custom_dir"]
    value = resolve_env(written)
    if isinstance(value, Tagged) and value.tag == "!relative":
        text = str(value.value or "$config_dir")
        if not text.startswith("$config_dir"):
            return written, None
        value = text[len("$config_dir"):].lstrip("/") or "."
    if not isinstance(value, str):
        return written, None
    folder = Path(value) if Path(value).is_absolute() else project.root / value
    return written, folder.resolve() if folder.is_dir() else None


def plan(project: Project, emitted: Path) -> Overrides:
    """The `custom_dir` for the project emitted in `emitted`, and the merged folder to write there."""
    written, folder = user_dir(project)
    if written is None:
        return Overrides(str(THEME))
    if folder is None:
        return Overrides(written if isinstance(written, Tagged) else str(project.root / str(written)))
    ours, theirs = _tree(THEME), _tree(folder)
    return Overrides(str(emitted / FOLDER), {**ours, **theirs}, tuple(sorted(set(ours) & set(theirs))))


def check(project: Project) -> Diagnostics:
    """A warning at `theme.custom_dir` naming each of kb's files the user's folder replaces."""
    found = Diagnostics()
    written, folder = user_dir(project)
    if folder is None:
        return found
    try:
        replaced = sorted(set(_tree(THEME)) & set(_tree(folder)))
    except ValueError:  # a file kb refuses to use: the build says so
        return found
    if replaced:
        line, column = project.marks.get(("theme", "custom_dir"), (0, 0))
        found.warning(Location(project.shown, line, column), "theme-override",
                      f"theme.custom_dir: your {', '.join(replaced)} replaces kb's own",
                      "kb's keep the site private and in the page's language; delete yours to use them")
    return found
