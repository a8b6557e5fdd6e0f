"""`kb check`: validate the content and report every problem at once."""

from __future__ import annotations

import sys

import click

from generator.cli import config_option, guarded


@click.command(
    help="Validate the content; report every problem as path:line:col. Exit 0 clean, 1 errors, 2 could not run."
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text for people, github for Actions annotations, json for tools.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no warnings.")
@config_option
@guarded
def command(paths: tuple[str, ...], strict: bool, fmt: str, quiet: bool, config_file: str) -> None:
    from pathlib import Path

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.diagnostics import Severity
    from generator.reporters import FORMATS

    project = load_project(config_file)
    _, diagnostics = build_knowledge_base(project, [Path(p) for p in paths])
    if not paths:
        from generator.site.overrides import check

        diagnostics.extend(check(project))
    if strict:
        diagnostics = diagnostics.promoted()
    shown = [d for d in diagnostics.sorted() if not (quiet and d.severity is Severity.WARNING)]
    sys.stdout.write(FORMATS[fmt](shown))
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    if fmt == "text":
        verdict = "no problems" if not (errors or warnings) else f"{errors} error(s), {warnings} warning(s)"
        click.echo(f"kb check: {verdict}", err=True)
    sys.exit(1 if errors else 0)
