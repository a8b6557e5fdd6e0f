"""`kb init` and `kb new`: start a content repository, scaffold one valid item.

Nothing a user wrote is overwritten: init refuses a folder that already has a
mkdocs.yml, new refuses an existing file.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import files
from generator.content.review import today
from generator.content.types import SLUG_RE, slugify
from generator.scaffold.source import InstallSource
from generator.schema import DEFAULT_SCHEMA_DIR, all_schemas, write_schemas

HERE = Path(__file__).parent
SAMPLE = HERE / "sample"

# kind -> (which content folder: 0 standards side, 1 onboarding side; sub-folder)
LAYOUT: dict[str, tuple[int, str]] = {
    "taxonomy": (0, ""),
    "principle": (0, "principles"),
    "practice": (0, "practices"),
    "standard": (0, "{area}"),
    "checklist": (0, "checklists"),
    "role": (1, "roles"),
    "competency": (1, "competencies"),
    "path": (1, "paths"),
}

VSCODE_SETTINGS = {
    "yaml.schemas": {f"./{DEFAULT_SCHEMA_DIR.as_posix()}/item.json": ["standards/**/*.yaml", "onboarding/**/*.yaml"]},
    "yaml.customTags": [],
    "files.associations": {"*.yaml": "yaml"},
}


class ScaffoldError(Exception):
    """Refused: the message says why and what to do."""


@dataclass(frozen=True)
class NewItem:
    kind: str
    item_id: str
    area: str = "general"
    owner: str = "team-lead"
    role: str = "team-lead"
    channels: tuple[str, ...] = ()
    levels: tuple[int, ...] = (1, 2, 3, 4)
    language: str = "en"


def target_path(content_dirs: list[Path], new: NewItem) -> Path:
    side, sub = LAYOUT[new.kind]
    base = content_dirs[min(side, len(content_dirs) - 1)]
    folder = base / sub.format(area=new.area) if sub else base
    return folder / f"{new.item_id}.yaml"


def render_skeleton(new: NewItem, target: Path, schema_dir: Path) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "skeletons"), undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    schema = Path(os.path.relpath(schema_dir / f"{new.kind}.json", target.parent)).as_posix()
    title = new.item_id.replace("-", " ").capitalize()
    return env.get_template(f"{new.kind}.yaml.j2").render(
        schema=schema, id=new.item_id, title=title, lang=new.language, area=new.area, owner=new.owner,
        role=new.role, channels=", ".join(new.channels), levels=new.levels, today=today().isoformat(),
    )


def create_item(content_dirs: list[Path], schema_dir: Path, new: NewItem) -> Path:
    if not SLUG_RE.match(new.item_id):
        raise ScaffoldError(
            f"'{new.item_id}' is not a valid id (use lower-case letters, digits and single hyphens, "
            f"e.g. '{slugify(new.item_id)}')"
        )
    if not SLUG_RE.match(new.area):
        raise ScaffoldError(f"'{new.area}' is not a valid area key (use lower-case letters, digits and single "
                            "hyphens, as listed under `areas:` in standards/taxonomy.yaml)")
    target = target_path(content_dirs, new)
    if os.path.lexists(target):
        what = " (a symbolic link)" if target.is_symlink() else ""
        raise ScaffoldError(f"{target} already exists{what}; kb new never overwrites a file (pick another id)")
    text = render_skeleton(new, target, schema_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        files.create_new(target, text.encode("utf-8"))  # exclusive: fail rather than overwrite
    except OSError as exc:
        raise ScaffoldError(f"cannot create {target}: {exc.strerror or exc}") from None
    return target


def init_project(folder: Path, source: InstallSource) -> list[Path]:
    """Write mkdocs.yml, the content folders with a sample of every kind, the CI workflow and pre-commit
    configuration (installing kb from `source`), schemas and editor settings."""
    config = folder / "mkdocs.yml"
    if config.exists():
        raise ScaffoldError(f"{config} already exists; kb init never overwrites a project")
    schemas = folder / DEFAULT_SCHEMA_DIR
    clashes = [p for p in [*_sample_files(), *GENERATED] if os.path.lexists(folder / p)] + [
        schemas / name for name, text in all_schemas().items()
        if os.path.lexists(schemas / name) and not _holds(schemas / name, text)]
    if clashes:
        raise ScaffoldError(f"{folder / clashes[0]} already exists; kb init never overwrites a file")
    generated = {relative: _templates().get_template(template).render(
        install=source.requirement, install_note=source.note) for relative, template in GENERATED.items()}
    written = []
    for relative in _sample_files():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE / relative, target)
        written.append(target)
    for relative, text in generated.items():
        written += _write_if_absent(folder / relative, text)
    written += write_schemas(folder / DEFAULT_SCHEMA_DIR)
    written += _write_if_absent(folder / ".vscode" / "settings.json", json.dumps(VSCODE_SETTINGS, indent=2) + "\n")
    written += _write_if_absent(folder / ".gitignore", "site/\n.kb/cache/\n")
    return written


GENERATED = {  # files rendered for the new repository -> their template
    Path(".github/workflows/kb.yml"): "kb.yml.j2",
    Path(".pre-commit-config.yaml"): "pre-commit-config.yaml.j2",
}


def _templates() -> jinja2.Environment:
    """`[[ name ]]` for our values: the workflow itself is full of GitHub's `${{ … }}`."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True, autoescape=False,
                              variable_start_string="[[", variable_end_string="]]")


def _sample_files() -> list[Path]:
    return sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _holds(path: Path, text: str) -> bool:
    try:
        return not path.is_symlink() and path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _write_if_absent(path: Path, text: str) -> list[Path]:
    if os.path.lexists(path):
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    files.create_new(path, text.encode("utf-8"))
    return [path]
