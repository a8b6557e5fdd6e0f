"""`kb preview`: a live-reloading authoring preview (MkDocs' dev server on the emitted project).

The preview always runs MkDocs, whatever engine `kb build` uses: it replays unchanged pages from
kb's page cache and writes only what changed, which Zensical (one whole build a run) cannot do.
`--engine zensical` is refused; with `kb.engine: zensical` the preview says that it uses MkDocs."""

from __future__ import annotations

import click

from generator.cli import config_option, guarded

ZENSICAL_REFUSED = ("kb preview uses MkDocs, not Zensical: it re-renders only the pages you change; "
                    "build with Zensical with `kb build --engine zensical` and look at site/ with `kb serve`")
ZENSICAL_NOTE = ("kb preview: this preview uses MkDocs (kb.engine: zensical applies to `kb build`); "
                 "the pages look the same, the header search is Material's")


@click.command(help="Serve a live-reloading preview: edit, add or delete a YAML file and the browser reloads; "
                    "content errors show in the terminal and on the page, and the server keeps running.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--lang", "languages", multiple=True, metavar="LANG",
              help="Preview only this language (repeatable); faster on big sites. Default: all.")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default=None,
              help="Only mkdocs: the preview always uses MkDocs (`kb build --engine zensical` builds with Zensical).")
@config_option
@guarded
def command(host: str, port: int, languages: tuple[str, ...], engine: str | None, config_file: str) -> None:
    from pathlib import Path

    from generator.cli import KbError
    from generator.config import load_project
    from generator.site.preview import serve

    if engine == "zensical":
        raise KbError(ZENSICAL_REFUSED)
    project = load_project(config_file)
    if project.options.engine == "zensical" and engine is None:
        click.echo(ZENSICAL_NOTE, err=True)
    unknown = [lang for lang in languages if lang not in project.languages]
    if unknown:
        raise KbError(f"--lang {unknown[0]}: not a language of this site ({', '.join(project.languages)})")
    serve(Path(config_file).resolve(), host, port, list(languages) or None, lambda line: click.echo(line, err=True))
