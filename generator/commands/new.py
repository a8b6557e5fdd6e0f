"""`kb new KIND ID`: scaffold a valid item in the right folder."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded

KIND_NAMES = ["taxonomy", "principle", "practice", "standard", "checklist", "role", "competency", "path"]


@click.command(help="Create a valid skeleton of KIND with ID in the right folder (never overwrites).")
@click.argument("kind")
@click.argument("item_id", metavar="ID")
@click.option("--area", help="Area of a new standard (a taxonomy key) [default: the first area].")
@config_option
@guarded
def command(kind: str, item_id: str, area: str | None, config_file: str) -> None:
    from generator.config import load_project
    from generator.content.messages import join_hints
    from generator.content.pipeline import build_knowledge_base
    from generator.diagnostics import display_path, suggest
    from generator.scaffold import NewItem, ScaffoldError, create_item
    from generator.schema import DEFAULT_SCHEMA_DIR

    if kind not in KIND_NAMES:
        raise KbError(f"unknown kind '{kind}' ({suggest(kind, KIND_NAMES)})")
    project = load_project(config_file)
    kb, _ = build_knowledge_base(project)
    existing = kb.get(item_id)
    if existing is not None:  # ids are unique across the whole knowledge base, not per folder
        raise KbError(f"id '{item_id}' is already used by {existing.origin.display} (pick another id)")
    taxonomy = kb.taxonomy
    if kind == "taxonomy" and taxonomy is not None:
        raise KbError(f"there is already a taxonomy: {taxonomy.origin.display} (a knowledge base has exactly one)")
    areas = list(taxonomy.areas) if taxonomy else []
    if area is not None and taxonomy is not None and area not in areas:
        where = f"areas are defined under `areas:` in {taxonomy.origin.display}: add it there first"
        raise KbError(f"unknown area '{area}' ({join_hints(suggest(area, areas), where)})")
    roles = [r.id for r in kb.of_kind("role")]
    new = NewItem(
        kind=kind,
        item_id=item_id,
        area=area or (areas[0] if areas else "general"),
        owner=roles[0] if roles else "team-lead",
        role=roles[0] if roles else "team-lead",
        channels=tuple(list(taxonomy.channels)[:1]) if taxonomy else (),
        levels=tuple(taxonomy.levels) if taxonomy else (1, 2, 3, 4),
        language=project.default_language,
    )
    try:
        path = create_item(project.content_dirs, project.root / DEFAULT_SCHEMA_DIR, new)
    except ScaffoldError as exc:
        raise KbError(str(exc)) from None
    click.echo(f"Created {display_path(path)}", err=True)
