"""`kb serve`: the built site and its search API, with a production WSGI server."""

from __future__ import annotations

import click

from generator.cli import config_option, guarded


@click.command(help="Serve the built site and its search API (/api/search, /api/health) with waitress. "
                    "Builds the site first when there is none. The site's search box then answers from "
                    "the API, in the page's language.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--workers", type=click.IntRange(1, 32), default=None,
              help="Worker processes sharing the port, each with the index open  [default: the number of "
                   "cores, at most 4; 1 where processes cannot fork].")
@click.option("--threads", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Threads per worker process (more processes beat more threads: Python runs one thread "
                   "at a time).")
@config_option
@guarded
def command(host: str, port: int, workers: int | None, threads: int, config_file: str) -> None:
    import os

    from generator.cli import KbError
    from generator.config import load_project
    from generator.diagnostics import display_path
    from generator.search.manifest import is_fresh, read_manifest, site_index_dir
    from generator.search.server import SiteApp, serve

    project = load_project(config_file)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if hasattr(os, "fork") else 1
    site = project.site_dir
    if not (site / "index.html").is_file():
        _build_site(config_file, display_path(site))
    extra = None if read_manifest(site_index_dir(site)) else _fallback_index(project)
    if extra is None and not is_fresh(site_index_dir(site), project):
        click.echo(f"kb serve: {display_path(site)} is older than the content (it changed since the last "
                   "`kb build`); run `kb build` to update it: kb serve picks the new build up without a restart",
                   err=True)
    shown = f"[{host}]" if ":" in host else host

    def announce(bound: int) -> None:
        url = f"http://{shown}:{bound}/"
        processes = f", {workers} worker processes" if workers > 1 else ""
        click.echo(f"kb serve: serving {display_path(site)} on {url} (search API: {url}api/search{processes}); "
                   "Ctrl+C stops", err=True)
        click.echo(url)

    try:
        serve(lambda: SiteApp(site, project.languages, extra), host, port, threads, workers, announce)
    except OSError as exc:
        raise KbError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _build_site(config_file: str, shown: str) -> None:
    """Run `kb build` when the site has not been built yet."""
    import subprocess
    import sys

    from generator.cli import KbError

    click.echo(f"kb serve: there is no built site in {shown}; running `kb build` first", err=True)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "-f", config_file], check=False)
    if done.returncode != 0:
        raise KbError("the site could not be built (see above); fix it and run `kb serve` again")


def _fallback_index(project):
    """A site built without a usable search index: search the cached index instead, building it if needed."""
    from generator.commands.search import _index_folder

    click.echo("kb serve: the site has no search index this version of kb can read; using the one in "
               ".kb/cache/search", err=True)
    return _index_folder(project)
