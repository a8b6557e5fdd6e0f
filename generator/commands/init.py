"""`kb init`: start a new content repository."""

from __future__ import annotations

import click

from generator.cli import KbError, guarded


@click.command(
    help="Start a content repository in DIR: mkdocs.yml, content folders, a sample of every kind, editor schemas."
)
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@guarded
def command(directory: str) -> None:
    from pathlib import Path

    from generator.scaffold import ScaffoldError, init_project

    folder = Path(directory)
    try:
        written = init_project(folder)
    except ScaffoldError as exc:
        raise KbError(str(exc)) from None
    except OSError as exc:
        raise KbError(f"cannot write to {folder}: {exc.strerror}") from None
    click.echo(f"Created {len(written)} files in {folder}.", err=True)
    click.echo(
        "Next: `kb check` to validate, `kb preview` to see the site, `kb new standard my-rule` to add one.", err=True
    )
