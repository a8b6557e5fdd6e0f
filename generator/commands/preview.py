"""`kb preview`: a live-reloading authoring preview (MkDocs' dev server on the emitted project)."""

from __future__ import annotations

import click

from generator.cli import config_option, guarded


@click.command(help="Serve a live-reloading preview: edit, add or delete a YAML file and the browser reloads; "
                    "content errors show in the terminal and on the page, and the server keeps running.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--lang", "languages", multiple=True, metavar="LANG",
              help="Preview only this language (repeatable); faster on big sites. Default: all.")
@config_option
@guarded
def command(host: str, port: int, languages: tuple[str, ...], config_file: str) -> None:
    from pathlib import Path

    from generator.cli import KbError
    from generator.config import load_project
    from generator.site.preview import serve

    project = load_project(config_file)
    unknown = [lang for lang in languages if lang not in project.languages]
    if unknown:
        raise KbError(f"--lang {unknown[0]}: not a language of this site ({', '.join(project.languages)})")
    serve(Path(config_file).resolve(), host, port, list(languages) or None, lambda line: click.echo(line, err=True))
