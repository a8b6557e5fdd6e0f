"""`kb i18n`: the translation workflow (`kb i18n mark` records which source text a translation matches)."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded


@click.group(help="Translation workflow. See also `kb report translations`.")
def command() -> None:
    """The `kb i18n` group."""


@command.command("mark", help=(
    "Record that the LANG texts of the items are translated from the current default-language text: writes "
    "`translated: {LANG: fingerprint}` into each file, changing only that line. Items without text in LANG "
    "are skipped. Later changes of the default-language text make the translation show as outdated."
))
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option("--all", "mark_all", is_flag=True, help="Every active item that has text in LANG.")
@click.option("--lang", "langs", multiple=True, required=True, metavar="LANG", help="The language (repeatable).")
@click.option("--dry-run", is_flag=True, help="Say what would be marked; change no file.")
@config_option
@guarded
def mark(ids: tuple[str, ...], mark_all: bool, langs: tuple[str, ...], dry_run: bool, config_file: str) -> None:
    import sys

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.diagnostics import suggest
    from generator.lifecycle.marking import plan_marks, write_marks
    from generator.lifecycle.translations import unknown_language

    if bool(ids) == mark_all:
        raise click.UsageError("name the items to mark (ID...) or pass --all, not both")
    project = load_project(config_file)
    problem = unknown_language(project.languages, langs)
    if problem:
        raise KbError(problem)
    kb, _ = build_knowledge_base(project)
    for item_id in ids:
        if kb.get(item_id) is None:
            raise KbError(f"unknown item '{item_id}' ({suggest(item_id, kb.items)})")
    plan = plan_marks(kb, list(ids) if ids else None, langs)
    for line in plan.skipped:
        click.echo(f"kb i18n mark: skipped {line}", err=True)
    written = 0 if dry_run else write_marks(plan)
    failed = {line.split(":", 1)[0] for line in plan.failed}
    for item, lang, fingerprint in plan.marks:
        if item.origin.display not in failed:
            verb = "would mark" if dry_run else "marked"
            click.echo(f"{verb} {item.id} ({lang}: {fingerprint})  {item.origin.display}")
    for line in plan.failed:
        where, why = line.split(": ", 1)
        click.echo(f"{where}: error: not marked: {why}", err=True)
    done = len([m for m in plan.marks if m[0].origin.display not in failed])
    verdict = f"{done} to mark" if dry_run else f"marked {done} translation(s) in {written} file(s)"
    click.echo(f"kb i18n mark: {verdict}, {plan.current} already current, {len(plan.skipped)} skipped", err=True)
    sys.exit(1 if plan.failed or (ids and plan.skipped) else 0)
