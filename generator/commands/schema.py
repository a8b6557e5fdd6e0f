"""`kb schema`: JSON Schemas for editors, generated from the models."""

from __future__ import annotations

import click

from generator.cli import config_option, guarded


@click.command(help="Write a JSON Schema per kind (and item.json for any kind) for editor autocompletion.")
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None,
              help="Folder to write to [default: .kb/schema beside mkdocs.yml].")
@config_option
@guarded
def command(output: str | None, config_file: str) -> None:
    from pathlib import Path

    from generator.schema import DEFAULT_SCHEMA_DIR, write_schemas

    if output is None:
        folder = Path(config_file).resolve().parent / DEFAULT_SCHEMA_DIR
    else:
        folder = Path(output)
    try:
        written = write_schemas(folder)
    except OSError as exc:
        raise click.ClickException(f"cannot write schemas to {folder}: {exc.strerror}") from None
    click.echo(f"wrote {len(written)} schemas to {folder}", err=True)
