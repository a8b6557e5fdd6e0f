"""`kb diff BASE`: the content a branch changes, as Markdown for a pull-request description."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded


@click.command(help=(
    "List the items the working tree added, changed and removed compared with BASE (a git revision such as "
    "origin/main), and the translations the changes made outdated, as Markdown for a pull-request description."
))
@click.argument("base")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="markdown for a pull request, json for tools.")
@config_option
@guarded
def command(base: str, fmt: str, config_file: str) -> None:
    import sys

    from generator.config import load_project
    from generator.lifecycle.diff import content_diff
    from generator.lifecycle.formats import DIFF_FORMATS
    from generator.lifecycle.gitrepo import GitError

    project = load_project(config_file)
    try:
        diff = content_diff(project, base)
    except GitError as exc:
        raise KbError(f"diff: {exc}") from None
    sys.stdout.write(DIFF_FORMATS[fmt](diff))
