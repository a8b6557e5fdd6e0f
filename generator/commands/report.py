"""`kb report [NAME]`: the team-lead reports (review, translations, coverage); all of them by default."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded

NAMES = ["review", "translations", "coverage", "orphans"]


@click.command(help=(
    "Team-lead reports: review (what is due, by owner), translations (outdated, missing, unverified, by language), "
    "coverage (gaps between roles, paths and standards, and orphans). NAME picks one; without it, all are printed."
))
@click.argument("name", required=False, type=click.Choice(NAMES))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="text for the terminal, markdown for a pull request or wiki, json for tools.")
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="translations: only this language (repeatable) [default: every language but the default].")
@click.option("--all", "show_all", is_flag=True, help="List current items too (reviews and translations).")
@config_option
@guarded
def command(name: str | None, fmt: str, langs: tuple[str, ...], show_all: bool, config_file: str) -> None:
    import sys

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.lifecycle.formats import FORMATS
    from generator.lifecycle.reports import NAMES as REPORTS
    from generator.lifecycle.reports import build_reports
    from generator.lifecycle.translations import unknown_language

    project = load_project(config_file)
    problem = unknown_language(project.languages, langs)
    if problem:
        raise KbError(problem)
    kb, diagnostics = build_knowledge_base(project)
    if diagnostics.errors:
        files = len({d.location.path for d in diagnostics.errors})
        message = f"`kb check` finds errors in {files} file(s); items that do not load are left out"
        click.echo(f"kb report: {message}", err=True)
    names = [("coverage" if name == "orphans" else name)] if name else list(REPORTS)
    sys.stdout.write(FORMATS[fmt](build_reports(kb, names, langs, show_all)))
