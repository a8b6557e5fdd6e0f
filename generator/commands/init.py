"""`kb init`: start a new content repository."""

from __future__ import annotations

import click

from generator.cli import KbError, guarded


@click.command(
    help="Start a content repository in DIR: mkdocs.yml, content folders, a sample of every kind, editor schemas, "
    "a GitHub Actions workflow and a pre-commit configuration."
)
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--source", metavar="REQUIREMENT",
              help="What the workflow and pre-commit install kb from: a git URL at a commit or tag "
                   "(git+https://host/org/repo@COMMIT) or a pip requirement (service-standards-kb==X.Y). "
                   "[default: the git repository and commit this kb was installed from]")
@guarded
def command(directory: str, source: str | None) -> None:
    from pathlib import Path

    from generator.scaffold import ScaffoldError, init_project
    from generator.scaffold.source import detect, from_option

    folder = Path(directory)
    try:
        install = from_option(source) if source is not None else detect()
    except ValueError as exc:
        raise KbError(str(exc)) from None
    try:
        written = init_project(folder, install)
    except ScaffoldError as exc:
        raise KbError(str(exc)) from None
    except OSError as exc:
        raise KbError(f"cannot write to {folder}: {exc.strerror}") from None
    click.echo(f"Created {len(written)} files in {folder}.", err=True)
    click.echo(f"CI and pre-commit install kb from: {install.requirement}", err=True)
    if install.warning:
        click.echo(f"kb init: warning: {install.warning}", err=True)
    click.echo(
        "Next: `kb check` to validate, `kb preview` to see the site, `kb new standard my-rule` to add one.", err=True
    )
