"""`kb print ID…`: PDFs of checklists, paths and standards on demand."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded


@click.command(
    help="Print checklists, onboarding paths and standards as A4 PDFs with fillable checkboxes. "
    "Writes DIR/ID.pdf (DIR/ID.LANG.pdf for a language other than the default).",
)
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("-o", "--output", "out_dir", default=".", show_default=True, type=click.Path(),
              help="Folder for the PDFs (created if missing).")
@click.option("--lang", help="Language of the printouts [default: the first of kb.languages].")
@click.option("--html", is_flag=True, help="Also write the print page (ID.html) that browsers print the same way.")
@config_option
@guarded
def command(ids: tuple[str, ...], out_dir: str, lang: str | None, html: bool, config_file: str) -> None:
    import sys
    from pathlib import Path

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.diagnostics import display_path
    from generator.files import WriteRefused, cache_dir
    from generator.printing.files import check_writable
    from generator.printing.jobs import print_items
    from generator.printing.select import PrintError, check_language, select_items
    from generator.reporters import as_text

    project = load_project(config_file)
    lang = lang or project.default_language
    kb, diagnostics = build_knowledge_base(project)
    try:
        check_language(lang, project.languages)
        if diagnostics.errors:  # like `kb build`: never print a sheet of content that does not check
            sys.stderr.write(as_text(sorted(diagnostics.errors, key=lambda d: d.sort_key())))
            click.echo(f"kb: {len(diagnostics.errors)} error(s) in the content; fix them first (see `kb check`)",
                       err=True)
            sys.exit(1)
        items = select_items(kb, ids)
    except PrintError as exc:
        raise KbError(str(exc).replace("\n", "\nkb: ")) from None
    folder = Path(out_dir)
    reason = check_writable(folder)
    if reason:
        raise KbError(f"cannot write to '{out_dir}': {reason}")
    try:
        report = print_items(kb, project, items, lang, folder, cache_dir(project.root), html=html,
                             progress=lambda message: click.echo(message, err=True))
    except WriteRefused as exc:
        raise KbError(f"cannot write '{display_path(exc.path)}': {exc.reason}") from None
    for path in report.pdfs:
        click.echo(str(path))
