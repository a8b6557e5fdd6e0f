"""`kb preview`: a live-reloading authoring preview (MkDocs' dev server on the emitted project)."""

from __future__ import annotations

import click

from generator.cli import KbError, config_option, guarded


@click.command(help="Serve a live-reloading preview: edit, add or delete a YAML file and the browser reloads.")
@config_option
@guarded
def command(config_file: str) -> None:
    raise KbError("kb preview is being written")
